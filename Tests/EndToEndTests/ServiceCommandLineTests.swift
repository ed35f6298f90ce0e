import Foundation
import FrontdeskTestSupport
import Testing

/// Services, providers, closed days and the manager check through the real binary.
@Suite struct ServiceCommandLineTests {
    static let laserJSON = """
    {"name": "Laser Hair Removal", "requires_multiple_sessions": true, "total_sessions_required": 4,
     "multi_session_strategy": "immediate", "duration_minutes": 45, "price": 180,
     "session_buffer_config": {"session_1_to_2_weeks": 4, "session_2_to_3_weeks": 4, "session_3_to_4_weeks": 6}}
    """

    /// A clinic with one provider and one customer, its own configuration folder and a fixed clock.
    final class Clinic {
        let folder: URL
        let db: String
        let now = "2026-07-01T09:00:00+02:00"

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-services-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("config/frontdesk"), withIntermediateDirectories: true)
            db = folder.appendingPathComponent("clinic.sqlite").path
            try ok(["init", "--timezone", "Europe/Zurich"])
            try ok(["provider", "add", "--name", "Dr Keller", "--hours", "Mon-Fri 08:00-18:00"])
            try ok(["customer", "add", "--name", "Anna Berg"])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func file(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        func configure(_ toml: String) throws {
            try toml.write(to: folder.appendingPathComponent("config/frontdesk/config.toml"), atomically: true, encoding: .utf8)
        }

        @discardableResult
        func run(_ arguments: [String]) throws -> ProcessRunner.Result {
            try ProcessRunner.run(arguments + ["--db", db],
                                  environment: ["FRONTDESK_NOW": now, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
        }

        @discardableResult
        func ok(_ arguments: [String]) throws -> ProcessRunner.Result {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }

        func json(_ arguments: [String]) throws -> Any {
            let result = try ok(arguments + ["--json"])
            return try #require(ProcessRunner.json(result), "not JSON: \(result.stdout)")
        }
    }

    @Test func bookPlansExactlyTheDatesServiceShowPreviews() throws {
        let clinic = try Clinic()
        try clinic.ok(["service", "import", try clinic.file("laser.json", Self.laserJSON)])
        let shown = try #require(try clinic.json(["service", "show", "Laser Hair Removal", "--from", "2026-07-07 10:00"]) as? [String: Any])
        #expect(shown["rule"] as? String == "4 w, 4 w, then 6 w")
        let preview = try #require(shown["preview"] as? [String: Any])
        let previewed = try #require(preview["sessions"] as? [[String: Any]]).compactMap { $0["start"] as? String }
        #expect(previewed == ["2026-07-07T10:00:00+02:00", "2026-08-04T10:00:00+02:00", "2026-09-01T10:00:00+02:00", "2026-10-13T10:00:00+02:00"])
        #expect(preview["span_days"] as? Int == 98)
        let text = try clinic.ok(["service", "show", "laser", "--from", "2026-07-07 10:00"]).stdout
        #expect(text.contains("About 98 days from first to last session."))
        #expect(text.contains("Session 4  Tue 13 Oct 2026 10:00  45 min  +42 d (6 weeks)"))

        let booked = try #require(try clinic.json(["book", "--customer", "Anna Berg", "--service", "Laser Hair Removal",
                                                   "--start", "2026-07-07 10:00"]) as? [String: Any])
        let starts = try #require(booked["bookings"] as? [[String: Any]]).compactMap { $0["start"] as? String }
        #expect(starts == previewed)
        // The saved service prints back in the import format.
        let exported = try #require(try clinic.json(["service", "export", "Laser Hair Removal"]) as? [String: Any])
        #expect(exported["price"] as? Int == 180 && exported["duration_minutes"] as? Int == 45)
    }

    @Test func exportThenImportChangesNothingAndAPartialImportSaysWhatChanged() throws {
        let clinic = try Clinic()
        try clinic.ok(["service", "import", try clinic.file("laser.json", Self.laserJSON)])
        try clinic.ok(["service", "import", try clinic.file("physio.json", ClinicFixture.physiotherapyJSON)])
        let export = try clinic.ok(["service", "export"]).stdout
        let again = try clinic.ok(["service", "import", try clinic.file("export.json", export)])
        #expect(again.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("Unchanged: ") }, "\(again.stdout)")
        #expect(try clinic.ok(["service", "export"]).stdout == export)

        let partial = try clinic.file("partial.json", #"{"name": "Laser Hair Removal", "price": 200, "trigger_words": ["laser"]}"#)
        let dry = try clinic.ok(["service", "import", "--dry-run", partial])
        #expect(dry.stdout.contains("price: 180 → 200") && dry.stdout.contains("Nothing was saved"))
        #expect(try clinic.ok(["service", "export"]).stdout == export)
        let dryJSON = try #require(try clinic.json(["service", "import", "--dry-run", partial]) as? [[String: Any]])
        #expect(dryJSON.first?["outcome"] as? String == "updated" && dryJSON.first?["saved"] as? Bool == false)
        #expect((dryJSON.first?["changes"] as? [[String: Any]])?.map { $0["field"] as? String } == ["price", "trigger_words"])
        let applied = try clinic.ok(["service", "import", partial])
        #expect(applied.stdout == "Updated service #1 Laser Hair Removal:\n  price: 180 → 200\n  trigger_words: [] → [\"laser\"]\n")
        let after = try #require(try clinic.json(["service", "export", "laser hair removal"]) as? [String: Any])
        #expect((after["session_buffer_config"] as? [String: Any])?["session_3_to_4_weeks"] as? Int == 6)
        #expect(after["duration_minutes"] as? Int == 45)

        let audit = try #require(try clinic.json(["audit", "--since", "2026-07-01"]) as? [[String: Any]])
        let update = try #require(audit.last)
        #expect(update["action"] as? String == "update" && update["entity"] as? String == "service")
        #expect((update["before"] as? [String: Any])?["price"] as? Int == 180)
        #expect((update["after"] as? [String: Any])?["price"] as? Int == 200)
    }

    @Test func nonManagersAreRefusedWithOneLine() throws {
        let clinic = try Clinic()
        let laser = try clinic.file("laser.json", Self.laserJSON)
        try clinic.configure(#"managers = ["somebody-else"]"#)
        for arguments in [["service", "import", laser], ["service", "deactivate", "1"], ["provider", "edit", "Dr Keller", "--hours", "Mon 08:00-12:00"],
                          ["clinic", "closed", "add", "2026-12-25"], ["extend", "00000000-0000-4000-8000-000000000000", "--until", "2026-12-31"]] {
            let refused = try clinic.run(arguments)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.hasPrefix("frontdesk: Only managers may "), "\(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
        }
        #expect(try clinic.ok(["service", "list"]).stdout.contains("No services yet"))
        // Reading stays open to everyone; the account running the tests may import once named.
        try clinic.ok(["provider", "show", "Dr Keller"])
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        try clinic.configure("managers = [\"somebody-else\", \"\(me)\"]")
        try clinic.ok(["service", "import", laser])
    }

    @Test func anAbsenceRefusesBookingsWithTheReasonAndListsTheBookingsItCovers() throws {
        let clinic = try Clinic()
        try clinic.ok(["service", "import", try clinic.file("physio.json", ClinicFixture.physiotherapyJSON)])
        let booked = try #require(try clinic.json(["book", "--customer", "Anna", "--service", "physio", "--start", "2026-07-22 10:00"]) as? [String: Any])
        let id = try #require((booked["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        let edit = try clinic.ok(["provider", "edit", "Dr Keller", "--add-absence", "2026-07-20..2026-08-02", "--reason", "holiday"])
        #expect(edit.stdout.contains("1 confirmed booking is now outside Dr Keller's time"))
        #expect(edit.stdout.contains("#\(id) "))
        // The same absence again replaces itself, and uncovers nothing new (shown as JSON).
        let again = try #require(try clinic.json(["provider", "edit", "Dr Keller", "--add-absence", "2026-07-20..2026-08-02", "--reason", "holiday"]) as? [String: Any])
        #expect((again["provider"] as? [String: Any])?["absences"] as? [[String: String]] == [["from": "2026-07-20", "to": "2026-08-02", "reason": "holiday"]])
        #expect((again["uncovered_bookings"] as? [Any])?.isEmpty == true)

        let refused = try clinic.run(["book", "--customer", "Anna", "--service", "physio", "--start", "2026-07-28 10:00"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Dr Keller is away 20 Jul–2 Aug (holiday)"), "\(refused.stderr)")

        let shown = try #require(try clinic.json(["provider", "show", "keller"]) as? [String: Any])
        #expect((shown["absences"] as? [[String: Any]])?.first?["reason"] as? String == "holiday")
        try clinic.ok(["provider", "edit", "Dr Keller", "--remove-absence", "2026-07-20"])
        try clinic.ok(["book", "--customer", "Anna", "--service", "physio", "--start", "2026-07-28 10:00"])

        let christmas = try #require(try clinic.json(["clinic", "closed", "add", "2026-12-25", "--reason", "Christmas"]) as? [String: Any])
        #expect(christmas["day"] as? String == "2026-12-25" && (christmas["bookings_on_it"] as? [Any])?.isEmpty == true)
        let closed = try #require(try clinic.json(["clinic", "closed", "list"]) as? [[String: Any]])
        #expect(closed.map { $0["day"] as? String } == ["2026-12-25"])
        let holiday = try clinic.run(["book", "--customer", "Anna", "--service", "physio", "--start", "2026-12-25 10:00"])
        #expect(holiday.status == 1 && holiday.stderr.contains("The clinic is closed on Fri 25 Dec (Christmas)"), "\(holiday.stderr)")
        try clinic.ok(["clinic", "closed", "remove", "2026-12-25"])
    }
}

/// Managers by OS group, and the acting user taken from the OS account, never from `$USER`: the
/// binary runs as real users (`runuser`), as the tests run as root.
@Suite struct ManagerAccountTests {
    static func shell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aGroupMemberMayAndTheAuditNamesTheAccountEvenWhenUSERSaysOtherwise() throws {
        try #require(geteuid() == 0, "runs as root to create the test accounts")
        #expect(try Self.shell("getent group fd-managers || groupadd fd-managers") == 0)
        #expect(try Self.shell("id -u fd-manager || useradd -M -G fd-managers fd-manager") == 0)
        #expect(try Self.shell("id -u fd-clerk || useradd -M fd-clerk") == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-managers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config/frontdesk"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"managers_group = "fd-managers""#.write(to: folder.appendingPathComponent("config/frontdesk/config.toml"), atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("clinic.sqlite").path
        #expect(try ProcessRunner.run(["init", "--db", db]).status == 0)
        // A database shared by several staff accounts (README): every file of it writable by them.
        #expect(try Self.shell("chmod 777 '\(folder.path)' && chmod 666 '\(db)'* && chmod -R a+rX '\(folder.path)/config'") == 0)
        let environment = ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "USER": "fd-manager", "LOGNAME": "fd-manager"]

        let clerk = try ProcessRunner.run(["clinic", "closed", "add", "2026-12-25", "--db", db],
                                          environment: environment, asUser: "fd-clerk")
        #expect(clerk.status == 1)
        #expect(clerk.stderr == "frontdesk: Only managers may change clinic closed days: the account “fd-clerk” is not in the group “fd-managers” of the configuration. Ask a manager, or log in as one.\n")

        let manager = try ProcessRunner.run(["clinic", "closed", "add", "2026-12-25", "--reason", "Christmas", "--db", db],
                                            environment: environment.merging(["USER": "root", "LOGNAME": "root"]) { $1 }, asUser: "fd-manager")
        #expect(manager.status == 0, "\(manager.stderr)")
        let audit = try #require(ProcessRunner.json(try ProcessRunner.run(["audit", "--json", "--db", db])) as? [[String: Any]])
        #expect(audit.map { $0["actor"] as? String } == ["fd-manager"])
    }
}

extension ProcessRunner {
    /// Runs `frontdesk` as another OS account (`runuser -u USER --`), keeping the given environment.
    static func run(_ arguments: [String], environment: [String: String], asUser user: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", user, "--", binary] + arguments
        var env = ProcessInfo.processInfo.environment
        env["FRONTDESK_DB"] = nil
        env["FRONTDESK_NOW"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return finish((process, out, err))
    }
}
