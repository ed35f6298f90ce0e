import Foundation
import FrontdeskTestSupport
import Testing

/// `export csv` and `import csv` through the binary: a round trip into an empty database, and a
/// bad row that refuses the whole file.
@Suite struct SpreadsheetTests {
    /// A database with the guide's services and two providers; `history` books and completes sessions.
    final class Clinic {
        let folder: URL
        let db: String
        let now = "2026-03-04T09:00:00+01:00"

        init(_ folder: URL, name: String) throws {
            self.folder = folder
            db = folder.appendingPathComponent("\(name).sqlite").path
            try ok(["init", "--timezone", "Europe/Zurich"])
            try ok(["provider", "add", "--name", "Dr. Keller", "--hours", "Mon-Sat 08:00-20:00"])
            try ok(["provider", "add", "--name", "Car 1", "--hours", "Mon-Sat 08:00-20:00"])
            for (file, json) in [("implant", ClinicFixture.dentalImplantJSON), ("physio", ClinicFixture.physiotherapyJSON),
                                 ("driving", ClinicFixture.drivingLessonsJSON)] {
                let path = folder.appendingPathComponent("\(file).json")
                try json.write(to: path, atomically: true, encoding: .utf8)
                try ok(["service", "import", path.path])
            }
        }

        @discardableResult
        func run(_ arguments: [String], now: String? = nil) throws -> ProcessRunner.Result {
            try ProcessRunner.run(arguments + ["--db", db], environment: ["FRONTDESK_NOW": now ?? self.now])
        }

        @discardableResult
        func ok(_ arguments: [String], now: String? = nil) throws -> ProcessRunner.Result {
            let result = try run(arguments, now: now)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }

        func export(_ kind: String) throws -> String {
            try ok(["export", "csv", kind]).stdout
        }

        func followUpCount() throws -> Int {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [db, "SELECT count(*) FROM follow_ups"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Drops the first column (the id, which a new database gives anew) of every line.
    static func withoutIDs(_ csv: String) -> [String] {
        csv.components(separatedBy: "\r\n").map { line in line.firstIndex(of: ",").map { String(line[line.index(after: $0)...]) } ?? line }
    }

    /// A treatment as `groups --json` prints it, without the numbers a new database gives anew.
    static func withoutNumbers(_ treatment: [String: Any]) -> NSDictionary {
        var t = treatment
        t["customer_id"] = nil
        t["service_id"] = nil
        t["sessions"] = (t["sessions"] as? [[String: Any]] ?? []).map { session -> [String: Any] in
            var s = session
            for key in ["id", "customer_id", "service_id", "provider_id"] { s[key] = nil }
            return s
        }
        return t as NSDictionary
    }

    @Test func anExportImportedIntoAnEmptyDatabaseGivesTheSameCustomersTreatmentsAndBookings() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Clinic(folder, name: "source")
        try source.ok(["customer", "add", "--name", "Marie Schmidt", "--phone", "+41 79 555 01 02", "--email", "marie@example.org"])
        try source.ok(["customer", "add", "--name", "Weber, \"Tom\"", "--phone", "0041 79 555 03 04"])
        try source.ok(["customer", "add", "--name", "Zoë Müller"])
        try source.ok(["customer", "add", "--name", "Luca Rossi"])
        try source.ok(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "2026-03-10 14:00", "--provider", "Dr. Keller"])
        let rossi = try #require(ProcessRunner.json(try source.ok(["book", "--customer", "Luca Rossi", "--service", "implant",
                                                                    "--start", "2026-03-11 09:00", "--provider", "Dr. Keller", "--json"])) as? [String: Any])
        let driving = try #require(ProcessRunner.json(try source.ok(["book", "--customer", "Zoë Müller", "--service", "learn to drive", "--provider", "Car 1",
                                                                      "--start", "2026-03-09 17:00", "--start", "2026-03-11 17:00", "--json"])) as? [String: Any])
        let physio = try source.ok(["book", "--customer", "Weber", "--service", "physio", "--start", "2026-03-05 10:00", "--provider", "Dr. Keller", "--json"])
        let physioJSON = try #require(ProcessRunner.json(physio) as? [String: Any])
        let first = try #require((physioJSON["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        try source.ok(["complete", "\(first)"], now: "2026-03-05T11:00:00+01:00")
        let agenda = try #require(ProcessRunner.json(try source.ok(["agenda", "--from", "2026-03-09", "--days", "1", "--json"])) as? [[String: Any]])
        let cancel = try #require(agenda.first?["id"] as? Int)
        try source.ok(["cancel", "\(cancel)", "--confirm-late"])
        // A package given more time, a treatment ended early, one completed: what the treatments file carries.
        let package = try #require((driving["group"] as? [String: Any])?["session_group_id"] as? String)
        try source.ok(["extend", package, "--until", "2026-12-31"])
        let weber = try #require((physioJSON["group"] as? [String: Any])?["session_group_id"] as? String)
        try source.ok(["end", weber, "--reason", "moved away"], now: "2026-03-06T09:00:00+01:00")
        for session in try #require(rossi["bookings"] as? [[String: Any]]) {
            try source.ok(["complete", "\(try #require(session["id"] as? Int))"], now: "2026-04-30T09:00:00+02:00")
        }
        // The implant service changes after these treatments were booked: they keep the rules they were booked under.
        let edited = folder.appendingPathComponent("implant-edited.json")
        try ClinicFixture.dentalImplantJSON.replacingOccurrences(of: "\"session_2_to_3_days\": 30", with: "\"session_2_to_3_days\": 40")
            .replacingOccurrences(of: "Healing check", with: "Check-up").write(to: edited, atomically: true, encoding: .utf8)
        try source.ok(["service", "import", edited.path])
        let services = folder.appendingPathComponent("services.json")
        try source.ok(["service", "export"]).stdout.write(to: services, atomically: true, encoding: .utf8)

        let customers = try source.export("customers"), bookings = try source.export("bookings"), treatments = try source.export("treatments")
        #expect(bookings.contains("cancelled") && bookings.contains("completed") && bookings.contains("Healing check"))
        #expect(treatments.contains("2026-12-31") && treatments.contains("moved away") && treatments.contains("session_2_to_3_days"))
        for (name, text) in [("customers", customers), ("bookings", bookings), ("treatments", treatments)] {
            try text.write(to: folder.appendingPathComponent("\(name).csv"), atomically: true, encoding: .utf8)
        }

        let target = try Clinic(folder, name: "target")
        try target.ok(["service", "import", services.path])
        let dry = try target.ok(["import", "csv", "customers", folder.appendingPathComponent("customers.csv").path, "--dry-run"])
        #expect(dry.stdout.contains("nothing was written"))
        #expect(try target.export("customers").components(separatedBy: "\r\n").count == 2)
        // Treatments come after the bookings that create them.
        let early = try target.run(["import", "csv", "treatments", folder.appendingPathComponent("treatments.csv").path])
        #expect(early.status == 2 && early.stderr.contains("row 2, column treatment_id") && early.stderr.contains("Import its bookings first"),
                "\(early.stderr)")
        try target.ok(["import", "csv", "customers", folder.appendingPathComponent("customers.csv").path])
        try target.ok(["import", "csv", "bookings", folder.appendingPathComponent("bookings.csv").path])
        let dryTreatments = try target.ok(["import", "csv", "treatments", folder.appendingPathComponent("treatments.csv").path, "--dry-run"])
        #expect(dryTreatments.stdout.contains("4 treatments would be imported"), "\(dryTreatments.stdout)")
        try target.ok(["import", "csv", "treatments", folder.appendingPathComponent("treatments.csv").path])

        #expect(Self.withoutIDs(try target.export("customers")) == Self.withoutIDs(customers))
        #expect(Self.withoutIDs(try target.export("bookings")) == Self.withoutIDs(bookings))
        let treatmentsAfter = try target.export("treatments")
        #expect(treatmentsAfter == treatments, "\(Set(treatmentsAfter.components(separatedBy: "\r\n")).symmetricDifference(treatments.components(separatedBy: "\r\n")))")
        // Field by field, as scripts read them: state, created, expiry, how each was closed, progress, sessions.
        let later = "2026-05-02T09:00:00+02:00"
        func groups(_ clinic: Clinic) throws -> [String: NSDictionary] {
            let list = try #require(ProcessRunner.json(try clinic.ok(["groups", "--json"], now: later)) as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["session_group_id"] as? String ?? "", Self.withoutNumbers($0)) })
        }
        let before = try groups(source), after = try groups(target)
        #expect(before.count == 4 && Set(before.keys) == Set(after.keys))
        for (id, treatment) in before { #expect(after[id] == treatment, "treatment \(id) differs after the round trip") }
        // Usable through 31 December: the package expires as that day ends.
        let expires = try #require(before[package]?["expires"] as? String)
        #expect(expires.hasPrefix("2026-12-31") || expires.hasPrefix("2027-01-01T00:00"), "\(expires)")
        #expect(after[package]?["expires"] as? String == expires)
        #expect(after[weber]?["state"] as? String == "ended" && (after[weber]?["ended"] as? [String: Any])?["reason"] as? String == "moved away")
        // The treatment keeps its own rules: the session after the healing check is still 30 days later, not the service's 40.
        let marie = try #require(before.values.first { $0["customer"] as? String == "Marie Schmidt" })
        #expect(((marie["sessions"] as? [[String: Any]])?.last?["start"] as? String)?.hasPrefix("2026-04-23") == true)
        // History comes in silently: no confirmation or progress messages for imported sessions.
        #expect(try target.followUpCount() == 0)
    }

    /// Every bad cell of a treatments file is refused with exit 2 naming its row and column; nothing changes.
    @Test func aBadTreatmentRowRefusesTheWholeFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clinic = try Clinic(folder, name: "clinic")
        var rows: [[String: String]] = []
        for (name, start) in [("Zoë Müller", "2026-03-09 17:00"), ("Luca Rossi", "2026-03-10 17:00")] {
            try clinic.ok(["customer", "add", "--name", name])
            let booked = try #require(ProcessRunner.json(try clinic.ok(["book", "--customer", name, "--service", "learn to drive",
                                                                         "--provider", "Car 1", "--start", start, "--json"])) as? [String: Any])
            let group = try #require(booked["group"] as? [String: Any])
            rows.append(["treatment_id": group["session_group_id"] as? String ?? "", "customer": name,
                         "service": group["service"] as? String ?? "", "strategy": "flexible", "state": "active",
                         "total_sessions": "10", "created": group["created"] as? String ?? "", "booked": "1"])
        }
        let good = try clinic.export("treatments")
        let file = folder.appendingPathComponent("treatments.csv")
        func write(_ rows: [[String: String]]) throws {
            let header = rows.flatMap(\.keys).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let quoted = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let lines = [header.joined(separator: ",")] + rows.map { row in header.map { quoted(row[$0] ?? "") }.joined(separator: ",") }
            try (lines.joined(separator: "\r\n") + "\r\n").write(to: file, atomically: true, encoding: .utf8)
        }
        try write(rows)
        #expect(try clinic.run(["import", "csv", "treatments", file.path, "--dry-run"]).status == 0)

        // (column, bad value, what the refusal says); row 2 is good, row 3 is bad: the whole file is refused.
        let cases: [(String, String, String)] = [
            ("treatment_id", "not-a-uuid", "is not a treatment id"),
            ("treatment_id", rows[0]["treatment_id"]!, "appears twice"),
            ("treatment_id", "1f0c2a6e-8d7b-4c1e-9a3f-5b6d7e8f9a0b", "is not in the database"),
            ("customer", "Zoë Müller", "were imported with"),
            ("strategy", "weekly", "is not a strategy"),
            ("strategy", "sequential", "were imported with"),
            ("state", "paused", "is not a treatment state"),
            ("state", "completed", "the treatment's bookings make it active"),
            ("total_sessions", "60", "between 1 and 50"),
            ("total_sessions", "9", "were imported with"),
            ("created", "31.02.2026", "is not a date"),
            ("expires", "soon", "is not a date"),
            ("completed_at", "2026-03-10 18:00", "only a completed treatment"),
            ("ended_reason", "moved away", "only a treatment ended early"),
            ("buffer_config", "{\"sesion_1_to_2_days\": 3}", "sesion_1_to_2_days"),
            ("session_plan", "[1, 2]", "is not a session plan"),
            ("duration_minutes", "0", "between 1 and 720"),
            ("booked", "5", "bookings make it 1"),
            ("completed", "x", "is not a number of sessions"),
        ]
        for (column, value, says) in cases {
            var bad = rows
            bad[1][column] = value
            try write(bad)
            let refused = try clinic.run(["import", "csv", "treatments", file.path])
            #expect(refused.status == 2, "\(column)=\(value): \(refused.status) \(refused.stderr)")
            #expect(refused.stderr.contains("row 3, column \(column)") && refused.stderr.contains(says), "\(column)=\(value): \(refused.stderr)")
        }
        // Ended early without its reason; a missing required column names the header.
        var ended = rows
        ended[1]["state"] = "ended"
        try write(ended)
        let noReason = try clinic.run(["import", "csv", "treatments", file.path])
        #expect(noReason.status == 2 && noReason.stderr.contains("row 3, column ended_at"), "\(noReason.stderr)")
        try write(rows.map { $0.filter { $0.key != "created" } })
        let noCreated = try clinic.run(["import", "csv", "treatments", file.path])
        #expect(noCreated.status == 2 && noCreated.stderr.contains("row 1: the header has no created column"), "\(noCreated.stderr)")
        #expect(try clinic.export("treatments") == good)
    }

    @Test func oneBadRowRefusesTheWholeFileNamingRowAndColumn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clinic = try Clinic(folder, name: "clinic")
        try clinic.ok(["customer", "add", "--name", "Marie Schmidt"])
        var rows = ["customer,service,provider,start,end"]
        for day in 10...25 { rows.append("Marie Schmidt,Consultation,Dr. Keller,2026-03-\(day) 09:00,2026-03-\(day) 09:30") }
        rows.append("Marie Schmidt,Consultation,Dr. Keller,31.02.2026 09:00,2026-03-26 09:30")
        try clinic.ok(["service", "import", try Self.consultation(folder)])
        let file = folder.appendingPathComponent("bookings.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let refused = try clinic.run(["import", "csv", "bookings", file.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("row 18, column start: 31.02.2026 09:00 is not a date"), "\(refused.stderr)")
        #expect(!(try clinic.export("bookings").contains("Marie")))

        // A field count that does not match the header, and an unterminated quote, name their rows too.
        try "name,phone\nAnna,1\nBen\n".write(to: file, atomically: true, encoding: .utf8)
        let short = try clinic.run(["import", "csv", "customers", file.path])
        #expect(short.status == 2 && short.stderr.contains("row 3: 1 field where the header has 2"), "\(short.stderr)")
        try "name,phone\n\"Anna,1\n".write(to: file, atomically: true, encoding: .utf8)
        let open = try clinic.run(["import", "csv", "customers", file.path])
        #expect(open.status == 2 && open.stderr.contains("row 2, column 1: a quoted field is never closed"), "\(open.stderr)")
        #expect(try clinic.export("customers").components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)

        // Two bookings of one provider at the same time: the second row is named, nothing is written.
        try "customer,service,provider,start,end\nMarie Schmidt,Consultation,Dr. Keller,2026-03-10 09:00,2026-03-10 09:30\nMarie Schmidt,Consultation,Dr. Keller,2026-03-10 09:15,2026-03-10 09:45\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let overlap = try clinic.run(["import", "csv", "bookings", file.path])
        #expect(overlap.status == 2 && overlap.stderr.contains("row 3, column start"), "\(overlap.stderr)")
        #expect(!(try clinic.export("bookings").contains("Marie")))
    }

    @Test func duplicateCustomersAreReportedByNameOrNormalisedPhone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clinic = try Clinic(folder, name: "clinic")
        try clinic.ok(["customer", "add", "--name", "Marie Schmidt", "--phone", "+41 79 555 01 02"])
        let file = folder.appendingPathComponent("customers.csv")
        try "\u{FEFF}name,phone\r\nM. Schmidt,0041795550102\r\nmarie schmidt,\r\nNew Person,\r\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try clinic.ok(["import", "csv", "customers", file.path])
        #expect(result.stderr.contains("row 2: same phone as customer #1 Marie Schmidt"), "\(result.stderr)")
        #expect(result.stderr.contains("row 3: same name as customer #1 Marie Schmidt"), "\(result.stderr)")
        #expect(!result.stderr.contains("row 4"))
    }

    /// A clinic bringing its patient list in must find those patients by phone and e-mail afterwards.
    @Test func importedCustomersAreFoundByPhoneAndEmail() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clinic = try Clinic(folder, name: "clinic")
        let file = folder.appendingPathComponent("customers.csv")
        try "name,phone,email\r\nNina Frei,+41 79 321 54 76,Nina.Frei@Example.com\r\n".write(to: file, atomically: true, encoding: .utf8)
        try clinic.ok(["import", "csv", "customers", file.path])
        for query in ["079 321", "+41 79 321 54 76", "nina.frei@example"] {
            let found = try clinic.ok(["customer", "list", "--search", query])
            #expect(found.stdout.contains("Nina Frei"), "\(query): \(found.stdout)")
        }
    }

    static func consultation(_ folder: URL) throws -> String {
        let path = folder.appendingPathComponent("consultation.json")
        try #"{"name": "Consultation", "duration_minutes": 30, "requires_multiple_sessions": false, "total_sessions_required": 1}"#
            .write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }
}
