import Foundation
import FrontdeskTestSupport
import Testing

/// One database for the whole desk: two real Unix accounts in one group book and read the same
/// file, whichever of them uses it first. (The tests run as root, which ignores file modes, so
/// the work is done by the two accounts through runuser.)
@Suite(.serialized) struct SharedDatabaseTests {
    /// A group with two members and a folder the accounts can reach; all removed afterwards.
    final class Desk {
        let group = "fdg" + String(UUID().uuidString.prefix(8)).lowercased()
        let alice: String, bob: String
        let base: URL
        let folder: URL
        var db: String { folder.appendingPathComponent("clinic.sqlite").path }
        let now = "2026-03-04T09:00:00+01:00"

        init() throws {
            try #require(getuid() == 0, "this test creates Unix accounts and needs to run as root, as CI does")
            alice = group + "a"
            bob = group + "b"
            base = URL(fileURLWithPath: "/tmp").appendingPathComponent("frontdesk-shared-\(UUID().uuidString)")
            folder = base.appendingPathComponent("desk")
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: base.path)
            try Self.system(["/usr/sbin/groupadd", group])
            for user in [alice, bob] {
                try Self.system(["/usr/sbin/useradd", "--no-create-home", "--gid", group, "--shell", "/bin/sh", user])
            }
            let service = base.appendingPathComponent("driving.json")
            try ClinicFixture.drivingLessonsJSON.write(to: service, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: service.path)
        }

        deinit {
            for user in [alice, bob] { try? Self.system(["/usr/sbin/userdel", user]) }
            try? Self.system(["/usr/sbin/groupdel", group])
            try? FileManager.default.removeItem(at: base)
        }

        static func system(_ argv: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: argv[0])
            process.arguments = Array(argv.dropFirst())
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "\(argv) exited with \(process.terminationStatus)")
        }

        @discardableResult
        func run(as user: String?, _ arguments: [String]) throws -> ProcessRunner.Result {
            let result = user == nil
                ? try ProcessRunner.run(arguments + ["--db", db], environment: ["FRONTDESK_NOW": now])
                : try ProcessRunner.run(asUser: user!, arguments + ["--db", db], environment: ["FRONTDESK_NOW": now])
            #expect(result.status == 0, "\(user ?? "root") \(arguments): \(result.stderr)")
            return result
        }

        /// Adds the provider and the service the bookings need, as `user`.
        func seed(as user: String?) throws {
            try run(as: user, ["provider", "add", "--name", "Car 1", "--hours", "Mon-Sat 08:00-20:00"])
            try run(as: user, ["service", "import", base.appendingPathComponent("driving.json").path])
        }

        func book(as user: String, customer: String, at start: String) throws {
            try run(as: user, ["customer", "add", "--name", customer])
            try run(as: user, ["book", "--customer", customer, "--service", "learn to drive", "--start", start])
        }

        func agendaCustomers(as user: String) throws -> [String] {
            let result = try run(as: user, ["agenda", "--from", "2026-03-10", "--days", "1", "--json"])
            let rows = ProcessRunner.json(result) as? [[String: Any]] ?? []
            return rows.compactMap { $0["customer"] as? String }.sorted()
        }

        /// Mode bits (with setgid) and group name of a file.
        func modeAndGroup(_ path: String) throws -> (mode: Int, group: String) {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return ((attributes[.posixPermissions] as? Int ?? 0), attributes[.groupOwnerAccountName] as? String ?? "")
        }

        /// Every database file that exists is the group's and 0660; the folder is 2770.
        func expectSharedModes() throws {
            let folderMode = try modeAndGroup(folder.path)
            #expect(folderMode.mode & 0o7777 == 0o2770 && folderMode.group == group, "folder \(String(folderMode.mode, radix: 8)) \(folderMode.group)")
            for file in [db, db + "-wal", db + "-shm", db + ".lock"] where FileManager.default.fileExists(atPath: file) {
                let info = try modeAndGroup(file)
                #expect(info.mode & 0o777 == 0o660 && info.group == group, "\(file): \(String(info.mode, radix: 8)) \(info.group)")
            }
        }
    }

    /// `init --shared GROUP` by the administrator; the first receptionist to book is alice.
    @Test func initSharedThenAliceFirstThenBobBothBookAndRead() throws {
        let desk = try Desk()
        let created = try desk.run(as: nil, ["init", "--shared", desk.group, "--timezone", "Europe/Zurich"])
        #expect(created.stdout.contains("shared with the group \(desk.group)"))
        try desk.expectSharedModes()
        #expect(FileManager.default.fileExists(atPath: desk.db + ".lock"))
        try desk.seed(as: nil)
        try desk.book(as: desk.alice, customer: "Alice's Customer", at: "2026-03-10 10:00")
        try desk.expectSharedModes()
        try desk.book(as: desk.bob, customer: "Bob's Customer", at: "2026-03-10 12:00")
        #expect(try desk.agendaCustomers(as: desk.alice) == ["Alice's Customer", "Bob's Customer"])
        #expect(try desk.agendaCustomers(as: desk.bob) == ["Alice's Customer", "Bob's Customer"])
        try desk.expectSharedModes()
    }

    /// A setgid folder the administrator made for the group; bob creates the database with a plain
    /// `init` and books first, then alice.
    @Test func setgidFolderThenBobCreatesAndBooksFirstThenAlice() throws {
        let desk = try Desk()
        try FileManager.default.createDirectory(at: desk.folder, withIntermediateDirectories: true)
        try Desk.system(["/bin/chgrp", desk.group, desk.folder.path])
        try Desk.system(["/bin/chmod", "2770", desk.folder.path])
        try desk.run(as: desk.bob, ["init", "--timezone", "Europe/Zurich"])
        try desk.expectSharedModes()
        try desk.seed(as: desk.bob)
        try desk.book(as: desk.bob, customer: "Bob's Customer", at: "2026-03-10 12:00")
        try desk.book(as: desk.alice, customer: "Alice's Customer", at: "2026-03-10 10:00")
        #expect(try desk.agendaCustomers(as: desk.bob) == ["Alice's Customer", "Bob's Customer"])
        #expect(try desk.agendaCustomers(as: desk.alice) == ["Alice's Customer", "Bob's Customer"])
        try desk.expectSharedModes()
    }

    /// The README's recipe: the administrator creates the database for the group and names it in the
    /// system's configuration; each receptionist then runs plain `frontdesk` commands, without --db.
    @Test func theSystemConfigurationNamesTheDatabaseForEveryReceptionist() throws {
        let desk = try Desk()
        try desk.run(as: nil, ["init", "--shared", desk.group, "--timezone", "Europe/Zurich"])
        try desk.seed(as: nil)
        let etc = desk.base.appendingPathComponent("etc")
        try FileManager.default.createDirectory(at: etc.appendingPathComponent("frontdesk"), withIntermediateDirectories: true)
        try "database = \"\(desk.db)\"\n".write(to: etc.appendingPathComponent("frontdesk/config.toml"), atomically: true, encoding: .utf8)
        for path in [etc.path, etc.appendingPathComponent("frontdesk").path] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: etc.appendingPathComponent("frontdesk/config.toml").path)
        let environment = ["FRONTDESK_NOW": desk.now, "XDG_CONFIG_DIRS": etc.path, "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        func plain(_ user: String, _ arguments: [String]) throws -> ProcessRunner.Result {
            let result = try ProcessRunner.run(asUser: user, arguments, environment: environment)
            #expect(result.status == 0, "\(user) \(arguments): \(result.stderr)")
            return result
        }
        try plain(desk.alice, ["customer", "add", "--name", "Alice's Customer"])
        try plain(desk.alice, ["book", "--customer", "Alice's Customer", "--service", "learn to drive", "--start", "2026-03-10 10:00"])
        let agenda = try plain(desk.bob, ["agenda", "--from", "2026-03-10", "--json"])
        #expect((ProcessRunner.json(agenda) as? [[String: Any]])?.compactMap { $0["customer"] as? String } == ["Alice's Customer"])
        let doctor = try ProcessRunner.run(asUser: desk.bob, ["doctor"], environment: environment)
        #expect(doctor.stdout.contains("Checking \(desk.db)") && doctor.stdout.contains("[ok] shared files"), "\(doctor.stdout)")
        try desk.expectSharedModes()
    }

    /// `doctor` names a shared database file the group cannot write (and says how to fix it), a
    /// locale that is not UTF-8, a retired configuration key and a notify command that is missing.
    @Test func doctorReportsABrokenPermissionALocaleARetiredKeyAndAMissingNotifyCommand() throws {
        let desk = try Desk()
        try desk.run(as: nil, ["init", "--shared", desk.group, "--timezone", "Europe/Zurich"])
        let config = desk.base.appendingPathComponent("config/frontdesk")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "staff_name = \"Anna\"\nnotify_command = [\"/nonexistent/send-sms\"]\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": desk.base.appendingPathComponent("config").path, "XDG_CONFIG_DIRS": "/nonexistent",
                           "LC_ALL": "C", "TERM": "xterm-256color"]
        let healthy = try ProcessRunner.run(["doctor", "--db", desk.db], environment: environment)
        #expect(!healthy.stdout.contains("[PROBLEM] shared files"), "\(healthy.stdout)")
        #expect(healthy.stdout.contains("the locale C is not UTF-8"))
        #expect(healthy.stdout.contains("staff_name is set but not used"))
        #expect(healthy.stdout.contains("[PROBLEM] notify command: notify_command names /nonexistent/send-sms"))

        // What the README's old recipe left behind: a file only its owner may write.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: desk.db)
        let broken = try ProcessRunner.run(["doctor", "--db", desk.db, "--json"], environment: environment)
        #expect(broken.status == 1)
        let checks = try #require(ProcessRunner.json(broken) as? [[String: Any]])
        let shared = checks.first { $0["check"] as? String == "shared files" }?["findings"] as? [[String: Any]] ?? []
        #expect(shared.contains { $0["level"] as? String == "problem" && ($0["advice"] as? String) == "chmod 0660 \(desk.db)" }, "\(shared)")
    }

    @Test func anUnknownGroupIsInvalidInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-nogroup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ProcessRunner.run(["init", "--shared", "no-such-group-\(UUID().uuidString.prefix(6))",
                                            "--db", folder.appendingPathComponent("clinic.sqlite").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("There is no group called") && result.stderr.contains("--shared"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("clinic.sqlite").path))
    }
}
