import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

@Suite struct DatabaseFileTests {
    func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func aMissingFileIsNotCreatedUnlessAsked() throws {
        let path = try temporaryPath("missing.sqlite")
        #expect(throws: StoreError.self) { try AppDatabase.open(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func reopeningKeepsDataAndTheTimeZone() throws {
        let path = try temporaryPath("clinic.sqlite")
        do {
            let db = try AppDatabase.open(path: path, create: true, timeZone: "America/New_York")
            try db.addCustomer(name: "Zoë Müller")
        }
        let again = try AppDatabase.open(path: path)
        #expect(again.calendar.timeZone.identifier == "America/New_York")
        #expect(try again.searchCustomers("muller").map(\.name) == ["Zoë Müller"])
        #expect(try again.integrityCheck() == "ok")
    }

    @Test func garbageAndForeignDatabasesAreRefusedUntouched() throws {
        let garbage = try temporaryPath("garbage.sqlite")
        try Data("this is not a database at all, just text".utf8).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: StoreError.corrupt(path: garbage)) { try AppDatabase.open(path: garbage) }
        #expect(try String(contentsOfFile: garbage, encoding: .utf8).hasPrefix("this is not"))

        let foreign = try temporaryPath("foreign.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", foreign, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);"]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus == 0 {
            #expect(throws: StoreError.notFrontdesk(path: foreign, reason: "it is another program's SQLite database, with tables notes")) {
                try AppDatabase.open(path: foreign)
            }
        }
    }

    @Test func backupWritesAConsistentCopy() throws {
        let t = try TemporaryDatabase()
        try ClinicFixture.seed(t.database)
        let copy = t.folder.appendingPathComponent("copy.sqlite").path
        try t.database.backup(to: copy)
        let restored = try AppDatabase.open(path: copy)
        #expect(try restored.services().count == 3)
        #expect(throws: StoreError.self) { try t.database.backup(to: copy) }
    }
}
