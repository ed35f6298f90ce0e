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

    @Test func anExportImportedIntoAnEmptyDatabaseGivesTheSameCustomersTreatmentsAndBookings() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try Clinic(folder, name: "source")
        try source.ok(["customer", "add", "--name", "Marie Schmidt", "--phone", "+41 79 555 01 02", "--email", "marie@example.org"])
        try source.ok(["customer", "add", "--name", "Weber, \"Tom\"", "--phone", "0041 79 555 03 04"])
        try source.ok(["customer", "add", "--name", "Zoë Müller"])
        try source.ok(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "2026-03-10 14:00", "--provider", "Dr. Keller"])
        try source.ok(["book", "--customer", "Zoë Müller", "--service", "learn to drive", "--provider", "Car 1",
                       "--start", "2026-03-09 17:00", "--start", "2026-03-11 17:00"])
        let physio = try source.ok(["book", "--customer", "Weber", "--service", "physio", "--start", "2026-03-05 10:00", "--provider", "Dr. Keller", "--json"])
        let first = try #require(((ProcessRunner.json(physio) as? [String: Any])?["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        try source.ok(["complete", "\(first)"], now: "2026-03-05T11:00:00+01:00")
        let agenda = try #require(ProcessRunner.json(try source.ok(["agenda", "--from", "2026-03-09", "--days", "1", "--json"])) as? [[String: Any]])
        let cancel = try #require(agenda.first?["id"] as? Int)
        try source.ok(["cancel", "\(cancel)", "--confirm-late"])

        let customers = try source.export("customers"), bookings = try source.export("bookings"), treatments = try source.export("treatments")
        #expect(bookings.contains("cancelled") && bookings.contains("completed"))
        try customers.write(to: folder.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
        try bookings.write(to: folder.appendingPathComponent("bookings.csv"), atomically: true, encoding: .utf8)

        let target = try Clinic(folder, name: "target")
        let dry = try target.ok(["import", "csv", "customers", folder.appendingPathComponent("customers.csv").path, "--dry-run"])
        #expect(dry.stdout.contains("nothing was written"))
        #expect(try target.export("customers").components(separatedBy: "\r\n").count == 2)
        try target.ok(["import", "csv", "customers", folder.appendingPathComponent("customers.csv").path])
        try target.ok(["import", "csv", "bookings", folder.appendingPathComponent("bookings.csv").path])

        #expect(Self.withoutIDs(try target.export("customers")) == Self.withoutIDs(customers))
        #expect(Self.withoutIDs(try target.export("bookings")) == Self.withoutIDs(bookings))
        #expect(try target.export("treatments") == treatments)
        // History comes in silently: no confirmation or progress messages for imported sessions.
        #expect(try target.followUpCount() == 0)
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

    static func consultation(_ folder: URL) throws -> String {
        let path = folder.appendingPathComponent("consultation.json")
        try #"{"name": "Consultation", "duration_minutes": 30, "requires_multiple_sessions": false, "total_sessions_required": 1}"#
            .write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }
}
