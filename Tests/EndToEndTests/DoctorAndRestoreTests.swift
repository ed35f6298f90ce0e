import Foundation
import FrontdeskTestSupport
import Testing

/// `frontdesk doctor` and `frontdesk restore` through the real binary.
@Suite struct DoctorAndRestoreTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-doctor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static let now = ["FRONTDESK_NOW": "2026-03-04T09:00:00+01:00", "XDG_CONFIG_HOME": "/nonexistent-frontdesk-config"]

    func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(arguments, environment: Self.now)
    }

    func sqlite3(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        try process.run()
        process.waitUntilExit()
    }

    /// A demo clinic, checkpointed so the whole database is in the main file.
    func demo(_ folder: Folder) throws -> String {
        let db = folder.path("clinic.sqlite")
        #expect(try run(["demo", "--db", db, "--timezone", "Europe/Zurich"]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: db)
        return db
    }

    @Test func doctorPassesAHealthyDatabase() throws {
        let folder = try Folder()
        let db = try demo(folder)
        let result = try run(["doctor", "--db", db])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for check in ["file", "permissions", "schema", "integrity", "foreign keys", "dashboard counters", "configuration"] {
            #expect(result.stdout.contains("[ok] \(check):"), "\(check): \(result.stdout)")
        }
        #expect(result.stdout.contains("No problems found."))
    }

    @Test func doctorFindsADashboardCounterThatDiffersFromARecountAndSaysToRebuild() throws {
        let folder = try Folder()
        let db = try demo(folder)
        // Another program shifts a waiting treatment's overdue instant and a session count.
        try sqlite3(db, """
            UPDATE kpi_treatments SET overdue_at = overdue_at + 86400 WHERE overdue_at IS NOT NULL;
            UPDATE kpi_sessions SET sessions = sessions + 1 WHERE provider_id = 0 AND service_id = 0;
            """)
        let result = try run(["doctor", "--db", db])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("[PROBLEM] dashboard counters:"), "\(result.stdout)")
        #expect(result.stdout.contains("overdue_at") || result.stdout.contains("kpi_sessions"), "\(result.stdout)")
        #expect(result.stdout.contains("frontdesk kpi --rebuild"), "\(result.stdout)")
        #expect(try run(["kpi", "--rebuild", "--db", db]).status == 0)
        let after = try run(["doctor", "--db", db])
        #expect(after.status == 0 && after.stdout.contains("[ok] dashboard counters:"), "\(after.stdout)")
    }

    @Test func doctorFindsCorruptionAndSaysToRestore() throws {
        let folder = try Folder()
        let db = try demo(folder)
        try sqlite3(db, "PRAGMA wal_checkpoint(TRUNCATE);")
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as! NSNumber).intValue
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: db))
        for page in [size / 4096 - 1, size / 4096 - 2, size / 4096 - 3] {
            try handle.seek(toOffset: UInt64(page * 4096 + 64))
            try handle.write(contentsOf: Data(repeating: 0x5A, count: 2000))
        }
        try handle.close()
        let result = try run(["doctor", "--db", db])
        #expect(result.status == 1)
        #expect(result.stdout.contains("[PROBLEM] integrity"), "\(result.stdout)")
        #expect(result.stdout.contains("frontdesk restore"))
    }

    @Test func commandsThatMeetCorruptionNameDoctorAndRestore() throws {
        let folder = try Folder()
        let db = try demo(folder)
        try sqlite3(db, "PRAGMA wal_checkpoint(TRUNCATE);")
        // Overwrite the root pages of the treatments and the bookings.
        let roots = try ProcessRunner.runProgram("/usr/bin/sqlite3", [db, "SELECT rootpage FROM sqlite_master WHERE name IN ('session_groups', 'bookings')"])
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: db))
        for page in roots.stdout.split(separator: "\n").compactMap({ Int($0) }) {
            try handle.seek(toOffset: UInt64((page - 1) * 4096 + 8))
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 3000))
        }
        try handle.close()
        for arguments in [["agenda", "--from", "2026-03-02", "--days", "14"], ["groups"]] {
            let result = try run(arguments + ["--db", db])
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("damaged") && result.stderr.contains("frontdesk doctor") && result.stderr.contains("frontdesk restore"),
                    "\(arguments): \(result.stderr)")
        }
    }

    @Test func doctorNamesANewerSchemaAndForeignFiles() throws {
        let folder = try Folder()
        let db = try demo(folder)
        try sqlite3(db, "INSERT INTO grdb_migrations(identifier) VALUES ('v99 from the future');")
        let newer = try run(["doctor", "--db", db])
        #expect(newer.status == 1 && newer.stdout.contains("written by a newer Frontdesk"), "\(newer.stdout)")
        let agenda = try run(["agenda", "--db", db])
        #expect(agenda.status == 1 && agenda.stderr.contains("written by a newer Frontdesk (schema v99 from the future)"))
        let foreign = folder.path("foreign.sqlite")
        try sqlite3(foreign, "CREATE TABLE notes(x);")
        let other = try run(["doctor", "--db", foreign])
        #expect(other.status == 1 && other.stdout.contains("not a Frontdesk database"))
    }

    @Test func restorePutsTheBackupBackAndKeepsTheReplacedFile() throws {
        let folder = try Folder()
        let db = try demo(folder)
        let backup = folder.path("backup.sqlite")
        #expect(try run(["backup", "--db", db, backup]).status == 0)
        #expect(try run(["customer", "add", "--db", db, "--name", "Added after the backup"]).status == 0)
        let restored = try run(["restore", "--db", db, backup])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("The replaced database is kept as \(db).before-restore-20260304-090000"))
        #expect(!(try run(["customer", "list", "--db", db]).stdout.contains("Added after the backup")))
        #expect(try run(["customer", "list", "--db", db + ".before-restore-20260304-090000"]).stdout.contains("Added after the backup"))
        let doctor = try run(["doctor", "--db", db])
        #expect(doctor.status == 0, "\(doctor.stdout)")
    }

    @Test func restoreRefusesADamagedBackupAndChangesNothing() throws {
        let folder = try Folder()
        let db = try demo(folder)
        let bad = folder.path("bad.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: bad))
        let result = try run(["restore", "--db", db, bad])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("before-restore") }.isEmpty)
    }
}
