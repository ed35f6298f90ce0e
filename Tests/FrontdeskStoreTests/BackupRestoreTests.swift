import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// Backups that are never more readable than the database, land in folders, clean up after
/// themselves; restores that check first, keep what they replace and never replay an old WAL.
@Suite struct BackupRestoreTests {
    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test func aBackupIsNeverMoreReadableThanTheDatabase() throws {
        let t = try TemporaryDatabase()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: t.path)
        let privateCopy = try t.database.backup(to: t.folder.appendingPathComponent("private.sqlite").path)
        #expect(try mode(privateCopy) == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: t.path)
        let groupCopy = try t.database.backup(to: t.folder.appendingPathComponent("group.sqlite").path)
        #expect(try mode(groupCopy) == 0o660)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: t.path)
        let worldCopy = try t.database.backup(to: t.folder.appendingPathComponent("world.sqlite").path)
        #expect(try mode(worldCopy) & 0o007 == 0)
    }

    @Test func aBackupIntoAFolderIsNamedForTheMinute() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:05:00+01:00")
        let folder = t.folder.appendingPathComponent("backups").path + "/"
        let written = try t.database.backup(to: folder)
        #expect(written == folder + "frontdesk-20260304-0905.sqlite")
        #expect(try AppDatabase.open(path: written).integrityCheck() == "ok")
        // An existing folder named without the slash is a folder too.
        let again = t.folder.appendingPathComponent("more").path
        try FileManager.default.createDirectory(atPath: again, withIntermediateDirectories: true)
        #expect(try t.database.backup(to: again) == again + "/frontdesk-20260304-0905.sqlite")
    }

    @Test func aFailedBackupBlamesTheDamagedSourceAndLeavesNothing() throws {
        let t = try TemporaryDatabase()
        _ = try ClinicFixture.seed(t.database)
        for index in 0..<200 { try t.database.addCustomer(name: "Customer \(index)", notes: String(repeating: "n", count: 500)) }
        let pages = try t.database.writer.writeWithoutTransaction { db -> Int in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        }
        let copy = t.folder.appendingPathComponent("damaged.sqlite").path
        try FileManager.default.copyItem(atPath: t.path, toPath: copy)
        try Corruption.flipPages(copy, pages: [pages - 1, pages - 2, pages - 3])
        let damaged = try AppDatabase.open(path: copy)
        let target = t.folder.appendingPathComponent("backup.sqlite").path
        #expect(throws: StoreError.corrupt(path: copy)) { try damaged.backup(to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func restoreKeepsTheReplacedFileAndLeavesNoOldWAL() throws {
        let t = try TemporaryDatabase()
        try t.database.addCustomer(name: "In the backup")
        let backup = try t.database.backup(to: t.folder.appendingPathComponent("backup.sqlite").path)
        let livePath = t.folder.appendingPathComponent("live.sqlite").path
        do {
            let live = try AppDatabase.open(path: livePath, create: true, timeZone: "Europe/Zurich")
            try live.addCustomer(name: "Only in the live file")
        }
        let outcome = try AppDatabase.restore(backup: backup, to: livePath)
        #expect(!FileManager.default.fileExists(atPath: livePath + "-wal"))
        let kept = try #require(outcome.keptAs)
        #expect(kept.hasPrefix(livePath + ".before-restore-"))
        #expect(try AppDatabase.open(path: kept).searchCustomers("").map(\.name) == ["Only in the live file"])
        let restored = try AppDatabase.open(path: livePath)
        #expect(try restored.searchCustomers("").map(\.name) == ["In the backup"])
        try restored.recordRestore(from: backup, keptAs: kept)
    }

    @Test func restoreRefusesADamagedOrForeignBackup() throws {
        let t = try TemporaryDatabase()
        let garbage = t.folder.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: StoreError.self) { try AppDatabase.restore(backup: garbage, to: t.path) }
        #expect(try t.database.integrityCheck() == "ok")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.folder.path).filter { $0.contains("before-restore") }.isEmpty)
    }

    @Test func restoreRefusesWhileAnotherProcessHasTheDatabaseOpen() throws {
        let t = try TemporaryDatabase()
        let backup = try t.database.backup(to: t.folder.appendingPathComponent("backup.sqlite").path)
        let livePath = t.folder.appendingPathComponent("live.sqlite").path
        _ = try AppDatabase.open(path: livePath, create: true, timeZone: "Europe/Zurich")
        // Another program reads once, then keeps the database open until its input closes.
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        other.arguments = ["python3", "-c", """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1])
            connection.execute("SELECT 1 FROM settings").fetchall()
            print("ready", flush=True)
            sys.stdin.read()
            """, livePath]
        let input = Pipe(), output = Pipe()
        other.standardInput = input
        other.standardOutput = output
        try other.run()
        defer {
            try? input.fileHandleForWriting.close()
            other.waitUntilExit()
        }
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("ready") {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            seen += more
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("ready"))
        #expect(throws: StoreError.inUse(path: livePath)) { try AppDatabase.restore(backup: backup, to: livePath) }
    }
}

/// Damages a database file the way a failing disk would: whole pages overwritten.
enum Corruption {
    static func flipPages(_ path: String, pages: [Int], pageSize: Int = 4096) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        for page in pages {
            try handle.seek(toOffset: UInt64(page * pageSize + 100))
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 1000))
        }
    }
}
