import Foundation
import FrontdeskTestSupport
import Testing

/// Hostile input, limits and misleading messages, through the real binary.
@Suite struct HardeningCommandLineTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-hard-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static let now = ["FRONTDESK_NOW": "2026-03-04T09:00:00+01:00"]

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = now) throws -> ProcessRunner.Result {
        try ProcessRunner.run(arguments, environment: environment)
    }

    func sqlite3(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    func clinic(_ folder: Folder) throws -> String {
        let db = folder.path("clinic.sqlite")
        #expect(try run(["init", "--db", db, "--timezone", "Europe/Zurich"]).status == 0)
        #expect(try run(["provider", "add", "--db", db, "--name", "Dr. Keller", "--hours", "Mon-Sat 08:00-20:00"]).status == 0)
        let service = folder.path("driving.json")
        try #"{"name": "Driving lessons", "requires_multiple_sessions": true, "total_sessions_required": 10, "multi_session_strategy": "flexible", "session_buffer_config": {"minimum_days": 1}, "trigger_words": ["driving"]}"#
            .write(toFile: service, atomically: true, encoding: .utf8)
        #expect(try run(["service", "import", service, "--db", db]).status == 0)
        #expect(try run(["customer", "add", "--db", db, "--name", "Marie Schmidt"]).status == 0)
        return db
    }

    func expectRefusal(_ result: ProcessRunner.Result, code: Int32, mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == code, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("backtrace"), sourceLocation: sourceLocation)
    }

    @Test func initOnAnExistingDatabaseLeavesItUnchangedAndSaysSo() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        let again = try run(["init", "--db", db, "--timezone", "America/New_York"])
        expectRefusal(again, code: 1, mentions: "frontdesk timezone America/New_York")
        #expect(again.stderr.contains("nothing was changed"))
        expectRefusal(try run(["demo", "--db", db, "--timezone", "UTC"]), code: 1, mentions: "nothing was changed")
        #expect(try run(["timezone", "--db", db]).stdout.contains("Europe/Zurich"))
        let plain = try run(["init", "--db", db])
        #expect(plain.status == 0 && plain.stdout.contains("already exists") && plain.stdout.contains("not changed") && plain.stdout.contains("Europe/Zurich"))
    }

    @Test func changingTheZoneShowsWhatMovesAsksAndNeedsConfirmation() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        #expect(try run(["book", "--db", db, "--customer", "Marie", "--service", "driving", "--start", "2026-03-10 14:00"]).status == 0)
        let unconfirmed = try run(["timezone", "America/New_York", "--db", db])
        expectRefusal(unconfirmed, code: 1, mentions: "--yes")
        #expect(unconfirmed.stdout.contains("Tue 10 Mar 2026 14:00 becomes Tue 10 Mar 2026 09:00"))
        #expect(try run(["timezone", "--db", db]).stdout.contains("Europe/Zurich"))
        let confirmed = try run(["timezone", "America/New_York", "--yes", "--db", db])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try run(["agenda", "--db", db, "--from", "2026-03-10"]).stdout.contains("09:00"))
        expectRefusal(try run(["timezone", "Mars/Olympus", "--yes", "--db", db]), code: 2, mentions: "Unknown time zone")
    }

    @Test func plainOutputEscapesControlCharactersButJSONStaysAsItIs() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        // Written behind Frontdesk's back, as an old version or another tool could have.
        try sqlite3(db, "UPDATE customers SET name = 'Eve' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || char(8238) || 'x' WHERE id = 1;")
        let listed = try run(["customer", "list", "--db", db])
        #expect(listed.status == 0)
        #expect(!listed.stdout.unicodeScalars.contains { $0.value == 27 || $0.value == 7 || $0.value == 0x202E })
        #expect(listed.stdout.contains(#"Eve\x1B[2J\x1B]0;pwned\x07\u202Ex"#))
        let json = try run(["customer", "list", "--json", "--db", db])
        #expect(json.stdout.contains(#"\u001b[2J"#))
        #expect(try run(["book", "--db", db, "--customer", "1", "--service", "driving", "--start", "2026-03-10 14:00"]).stdout.contains(#"\x1B[2J"#))
        #expect(try run(["agenda", "--db", db, "--from", "2026-03-10"]).stdout.contains(#"\x1B[2J"#))
        let missing = try run(["book", "--db", db, "--customer", "Nobody\u{1B}[2J", "--service", "driving", "--start", "2026-03-10 15:00"])
        #expect(!missing.stderr.unicodeScalars.contains { $0.value == 27 })
    }

    @Test func nulAndInvalidUTF8AreRefusedNamingTheField() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        let nul = folder.path("nul.json")
        try #"{"name": "Nul\u0000Mid"}"#.write(toFile: nul, atomically: true, encoding: .utf8)
        expectRefusal(try run(["service", "import", nul, "--db", db]), code: 2, mentions: "name")
        let raw = folder.path("raw-nul.json")
        try Data(#"{"name": "A"#.utf8 + [0] + #"B"}"#.utf8).write(to: URL(fileURLWithPath: raw))
        expectRefusal(try run(["service", "import", raw, "--db", db]), code: 2, mentions: "NUL")
        let latin1 = folder.path("latin1.json")
        try Data(#"{"name": "Caf"#.utf8 + [0xE9] + #""}"#.utf8).write(to: URL(fileURLWithPath: latin1))
        expectRefusal(try run(["service", "import", latin1, "--db", db]), code: 2, mentions: "not valid UTF-8")
        // Invalid UTF-8 in an argument: run through sh, since Process cannot pass raw bytes.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" customer add --db \"$1\" --name \"$(printf 'Bad\\377Name')\"", ProcessRunner.binary, db]
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 2)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("--name is not valid UTF-8"))
        #expect(!(try run(["customer", "list", "--db", db]).stdout.contains("Bad")))
    }

    @Test func namesNotesAndServiceFilesHaveLimitsAndMessagesQuoteAtMost80Characters() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        expectRefusal(try run(["customer", "add", "--db", db, "--name", String(repeating: "N", count: 201)]), code: 2, mentions: "at most 200")
        #expect(try run(["customer", "add", "--db", db, "--name", String(repeating: "N", count: 200)]).status == 0)
        let long = String(repeating: "x", count: 5_000)
        let missing = try run(["book", "--db", db, "--customer", long, "--service", "driving", "--start", "2026-03-10 14:00"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(String(repeating: "x", count: 80) + "…"))
        #expect(!missing.stderr.contains(String(repeating: "x", count: 81)))
        for arguments in [["book", "--customer", "Marie", "--service", "driving", "--start", long],
                          ["book", "--customer", "Marie", "--service", "driving", "--count", "2", "--pattern", long],
                          ["agenda", "--from", long]] {
            let refused = try run(arguments + ["--db", db])
            #expect(refused.status == 2 && !refused.stderr.contains(String(repeating: "x", count: 81)), "\(arguments[0]): \(refused.stderr.count) characters")
        }
        let big = folder.path("big.json")
        try Data(repeating: 0x20, count: 1_048_577).write(to: URL(fileURLWithPath: big))
        expectRefusal(try run(["service", "import", big, "--db", db]), code: 2, mentions: "at most 1 MB")
        let words = folder.path("words.json")
        let fiftyOne = (0...50).map { "\"w\($0)\"" }.joined(separator: ", ")
        try #"{"name": "Many", "trigger_words": [\#(fiftyOne)]}"#.write(toFile: words, atomically: true, encoding: .utf8)
        expectRefusal(try run(["service", "import", words, "--db", db]), code: 2, mentions: "at most 50")
    }

    @Test func numericOptionsAreRangeCheckedWithoutATrap() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        for arguments in [["groups", "--limit=-1"], ["customer", "list", "--limit", "0"], ["agenda", "--days", "0"],
                          ["book", "--customer", "Marie", "--service", "driving", "--count=-1", "--pattern", "Mon 10:00"],
                          ["demo", "--bookings=-5"]] {
            expectRefusal(try run(arguments + ["--db", db]), code: 2, mentions: "must be between")
        }
    }

    @Test func aDatabaseInAReadOnlyPlaceStillReadsAndAnUnreadableOneSaysSo() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        #expect(try run(["book", "--db", db, "--customer", "Marie", "--service", "driving", "--start", "2026-03-10 14:00"]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        let user = try OtherAccount.name()
        // Another account: may read the file, may write neither it nor the folder.
        let agenda = try OtherAccount.run(user, ["agenda", "--db", db, "--from", "2026-03-10"], environment: Self.now)
        #expect(agenda.status == 0, "\(agenda.stderr)")
        #expect(agenda.stdout.contains("Marie Schmidt"))
        #expect(try OtherAccount.run(user, ["kpi", "--db", db]).status == 0)
        let write = try OtherAccount.run(user, ["customer", "add", "--db", db, "--name", "Nope"])
        expectRefusal(write, code: 1, mentions: "read-only")
        let backups = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-ro-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: backups) }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: backups)
        let backup = try OtherAccount.run(user, ["backup", "--db", db, backups + "/"])
        #expect(backup.status == 0, "\(backup.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: db)
        expectRefusal(try OtherAccount.run(user, ["agenda", "--db", db]), code: 1, mentions: "cannot be read")
    }

    @Test func backupIntoAFolderNamesTheFileAndAFailureLeavesNothing() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        let result = try run(["backup", "--db", db, folder.path("newdir") + "/"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("newdir/frontdesk-20260304-0900.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("newdir")) == ["frontdesk-20260304-0900.sqlite"])
        expectRefusal(try run(["backup", "--db", db, folder.path("newdir") + "/"]), code: 2, mentions: "exists already")
    }

    @Test func serviceFileMessagesSayWhatIsWrong() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        let cases: [(String, String)] = [
            (#"{"name": 123}"#, "must be a text"),
            (#"{"name": "A", "requires_multiple_sessions": true, "total_sessions_required": 9223372036854775807}"#, "between 1 and 50 (found 9223372036854775807)"),
            (#"{"name": "A", "duration_minutes": 1e308}"#, "out of range"),
            (#"{"name": "A", "expiry_days": 9223372036854775807}"#, "from 1 to 36600"),
            (#"{"name": "\ud800"}"#, "surrogate"),
            ("", "Write a service object such as {\"name\""),
            (#"{"name": "\u0000"}"#, "NUL"),
            (#"{"name": "Imm", "requires_multiple_sessions": true, "total_sessions_required": 3, "multi_session_strategy": "immediate", "session_buffer_config": {"default_days": -7}}"#, "immediate treatments need at least 1"),
        ]
        for (index, (json, expected)) in cases.enumerated() {
            let file = folder.path("case\(index).json")
            try json.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try run(["service", "import", file, "--db", db])
            expectRefusal(result, code: 2, mentions: expected)
            #expect(!result.stderr.contains("CHECK constraint"))
        }
        expectRefusal(try run(["service", "import", folder.url.path, "--db", db]), code: 2, mentions: "is a folder")
        expectRefusal(try run(["service", "import", "/dev/null", "--db", db]), code: 2, mentions: "not a regular file")
        let utf16 = folder.path("utf16.json")
        try #"{"name": "A"}"#.data(using: .utf16)!.write(to: URL(fileURLWithPath: utf16))
        expectRefusal(try run(["service", "import", utf16, "--db", db]), code: 2, mentions: "UTF-16")
    }

    @Test func datesHoursAndZonesAreWordedForWhatTheyAre() throws {
        let folder = try Folder()
        let db = try clinic(folder)
        let yearZero = try run(["book", "--db", db, "--customer", "Marie", "--service", "driving", "--start", "0000-01-01 10:00"])
        expectRefusal(yearZero, code: 2, mentions: "The year 0 is out of range")
        #expect(!yearZero.stderr.contains("daylight") && !yearZero.stderr.contains("does not exist"))
        expectRefusal(try run(["book", "--db", db, "--customer", "Marie", "--service", "driving", "--count", "20", "--pattern", "Mon 10:00"]),
                      code: 1, mentions: "Only 10 sessions remain")
        expectRefusal(try run(["provider", "add", "--db", db, "--name", "X", "--hours", "Mon 08:00-08:00"]), code: 2, mentions: "is empty")
        expectRefusal(try run(["init", "--db", folder.path("badzone.sqlite")], environment: ["TZ": "Mars/Olympus"]), code: 2, mentions: "--timezone")
        #expect(!FileManager.default.fileExists(atPath: folder.path("badzone.sqlite")))
        let utc = try run(["init", "--db", folder.path("utc.sqlite"), "--timezone", "UTC"])
        #expect(utc.stdout.contains("time zone UTC") && !utc.stdout.contains("GMT"))
    }

    @Test func refusedFilesAreLeftUntouched() throws {
        let folder = try Folder()
        let empty = folder.path("empty.sqlite")
        FileManager.default.createFile(atPath: empty, contents: Data())
        expectRefusal(try run(["agenda", "--db", empty]), code: 1, mentions: "not a Frontdesk database")
        let foreign = folder.path("foreign.sqlite")
        try sqlite3(foreign, "CREATE TABLE notes(x);")
        expectRefusal(try run(["groups", "--db", foreign]), code: 1, mentions: "another program's")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["empty.sqlite", "foreign.sqlite"])
        #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? NSNumber)?.intValue == 0)
    }
}

/// A real full disk: a small tmpfs filled up (tests run as root, who may mount one).
@Suite(.serialized) struct FullDiskTests {
    func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aFullDiskIsReportedAsAFullDiskAndLeavesNoDatabaseBehind() throws {
        let mount = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-full-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        #expect(try shell("mount -t tmpfs -o size=256k tmpfs '\(mount)'") == 0, "mounting a small tmpfs needs root")
        defer {
            _ = try? shell("umount '\(mount)'")
            try? FileManager.default.removeItem(atPath: mount)
        }
        _ = try shell("dd if=/dev/zero of='\(mount)/filler' bs=4k count=1000")
        let db = mount + "/clinic.sqlite"
        let result = try ProcessRunner.run(["init", "--db", db, "--timezone", "Europe/Zurich"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is full"), "\(result.stderr)")
        #expect(!result.stderr.contains("permission"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}

/// The CSV importer keeps the same limits as the desk.
@Suite struct ImportLimitTests {
    @Test func importedCustomersKeepTheLimitsOfTypedOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-imp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("clinic.sqlite").path
        #expect(try ProcessRunner.run(["init", "--db", db, "--timezone", "Europe/Zurich"]).status == 0)
        for (name, body, expected) in [("long", String(repeating: "N", count: 201) + ",,,\n", "at most 200"),
                                        ("escape", "Eve\u{1B}[2J,,,\n", "control character"),
                                        ("notes", "Ana,,,\"" + String(repeating: "n", count: 10_001) + "\"\n", "at most 10000")] {
            let file = folder.appendingPathComponent("\(name).csv").path
            try ("name,phone,email,notes\n" + body).write(toFile: file, atomically: true, encoding: .utf8)
            let result = try ProcessRunner.run(["import", "csv", "customers", file, "--db", db])
            #expect(result.status == 2, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
        }
        #expect(try ProcessRunner.run(["customer", "list", "--db", db]).stdout.isEmpty)
    }
}
