import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// Database files that are not what they should be: each refused with its own message, untouched.
@Suite struct DatabaseFaultTests {
    func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func sqlite3(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func anotherProgramsDatabaseIsRefusedWithoutSwitchingItToWALOrLeavingALock() throws {
        let dir = try folder()
        let path = dir + "/notes.sqlite"
        try sqlite3(path, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notFrontdesk(path: path, reason: "it is another program's SQLite database, with tables notes")) {
            try AppDatabase.open(path: path)
        }
        #expect(throws: StoreError.self) { try AppDatabase.open(path: path, create: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["notes.sqlite"])
    }

    @Test func anEmptyFileIsRefusedUnlessInitOrDemoCreatesIt() throws {
        let dir = try folder()
        let path = dir + "/empty.sqlite"
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StoreError.notFrontdesk(path: path, reason: "the file is empty")) { try AppDatabase.open(path: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["empty.sqlite"])
        let created = try AppDatabase.open(path: path, create: true, timeZone: "Europe/Zurich")
        #expect(created.wasCreated)
    }

    @Test func aFolderIsNotADatabase() throws {
        let dir = try folder()
        #expect(throws: StoreError.notFrontdesk(path: dir, reason: "it is a folder or a device, not a database file")) {
            try AppDatabase.open(path: dir)
        }
    }

    @Test func aDatabaseFromANewerVersionIsRefusedAndNotMigrated() throws {
        let t = try TemporaryDatabase()
        try t.database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99 from the future')")
        }
        #expect(throws: StoreError.newerSchema(path: t.path, unknown: ["v99 from the future"])) { try AppDatabase.open(path: t.path) }
        #expect(StoreError.newerSchema(path: t.path, unknown: ["v99 from the future"]).description.contains("Install that newer version"))
    }

    @Test func corruptionNamesDoctorAndRestore() throws {
        let message = StoreError.corrupt(path: "/x/clinic.sqlite").description
        #expect(message.contains("frontdesk doctor") && message.contains("frontdesk restore"))
        let dir = try folder()
        let garbage = dir + "/garbage.sqlite"
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: StoreError.corrupt(path: garbage)) { try AppDatabase.open(path: garbage) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: garbage)) == Data(repeating: 0x42, count: 8192))
    }

    @Test func initOnAnExistingDatabaseKeepsItsZone() throws {
        let t = try TemporaryDatabase(timeZone: "Europe/Zurich")
        #expect(t.database.wasCreated)
        let again = try AppDatabase.open(path: t.path, create: true, timeZone: "America/New_York")
        #expect(!again.wasCreated)
        #expect(again.timeZoneName == "Europe/Zurich")
    }

    @Test func changingTheTimeZoneIsAuditedAndKeepsTheMoments() throws {
        let t = try TemporaryDatabase()
        // The fixture's own customer: adding a second "Marie Schmidt" is refused as a duplicate.
        let customer = try ClinicFixture.seed(t.database).customer
        let service = try t.database.resolveService("physio")
        let booked = try t.database.bookSessions(customerID: customer.id, serviceID: service.id, providerID: nil,
                                                 starts: [t.at("2026-03-10 14:00")], groupID: nil)
        let preview = try t.database.previewTimeZoneChange(to: "America/New_York")
        #expect(preview.upcomingCount == 1 && preview.examples.map(\.id) == booked.bookings.map(\.id))
        try t.database.changeTimeZone(to: "America/New_York")
        let reopened = try AppDatabase.open(path: t.path)
        #expect(reopened.timeZoneName == "America/New_York")
        #expect(try reopened.booking(id: booked.bookings[0].id).start == t.at("2026-03-10 14:00"))
        let audit = try reopened.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT before, after FROM audit_events WHERE action = 'timezone'")
        }
        #expect(audit?["before"] == "Europe/Zurich" && audit?["after"] == "America/New_York")
    }

    @Test func writesStopOnceTheFileIsDeletedOrReplaced() throws {
        let t = try TemporaryDatabase()
        try t.database.addCustomer(name: "Before")
        try t.database.checkFileInPlace()
        // Another file now sits at the path (a restore, a copy over it).
        try FileManager.default.moveItem(atPath: t.path, toPath: t.path + ".moved")
        try Data(contentsOf: URL(fileURLWithPath: t.path + ".moved")).write(to: URL(fileURLWithPath: t.path))
        #expect(throws: StoreError.fileReplaced(path: t.path)) { try t.database.addCustomer(name: "Lost") }
        #expect(!t.database.isFileInPlace)
        // Even with the original put back, this process stays read-only until restarted.
        try FileManager.default.removeItem(atPath: t.path)
        try FileManager.default.moveItem(atPath: t.path + ".moved", toPath: t.path)
        #expect(throws: StoreError.fileReplaced(path: t.path)) { try t.database.addCustomer(name: "Still lost") }
    }

    @Test func aDeletedFileIsNoticed() throws {
        let t = try TemporaryDatabase()
        try FileManager.default.removeItem(atPath: t.path)
        #expect(throws: StoreError.fileReplaced(path: t.path)) { try t.database.checkFileInPlace() }
    }

    @Test func waitingForTheSetupLockIsAnnouncedAndBounded() throws {
        let dir = try folder()
        let path = dir + "/clinic.sqlite"
        // Another process is setting the database up: it holds the lock beside it.
        let holder = try MigrationLock.acquire(besideDatabase: path, wait: SetupLockWait())
        defer { close(holder) }
        let notices = NoticeBox()
        let wait = SetupLockWait(noticeAfter: 0, giveUpAfter: 0.2, notice: { notices.append($0) })
        #expect(throws: StoreError.setupLockTimeout(path: path, seconds: 0)) {
            try AppDatabase.open(path: path, create: true, timeZone: "Europe/Zurich", setupWait: wait)
        }
        #expect(notices.all == [SetupLockWait.waitingMessage])
        #expect(SetupLockWait.waitingMessage.hasPrefix("Waiting for another Frontdesk to finish setting up the database"))
    }

    @Test func aFullDiskIsReportedAsAFullDisk() throws {
        #expect(AppDatabase.mapOpenError(DatabaseError(resultCode: .SQLITE_FULL), path: "/x.sqlite") == .diskFull(path: "/x.sqlite"))
        #expect(StoreError.diskFull(path: "/x.sqlite").description.contains("disk"))
        #expect(!StoreError.diskFull(path: "/x.sqlite").description.contains("permission"))
    }

    @Test func nulAndOverlongTextAreRefusedNamingTheField() throws {
        let t = try TemporaryDatabase()
        #expect(throws: StoreError.invalid(.text(.containsNUL(field: "Customer name")))) {
            try t.database.addCustomer(name: "Nul\u{0}Mid")
        }
        #expect(throws: StoreError.self) { try t.database.addCustomer(name: String(repeating: "a", count: 201)) }
        try t.database.addCustomer(name: String(repeating: "a", count: 200))
        #expect(throws: StoreError.self) { try t.database.addProvider(name: String(repeating: "p", count: 100_000)) }
        #expect(throws: StoreError.self) { try t.database.importServices(json: #"{"name": "A\u0000"}"#) }
        #expect(try t.database.services().isEmpty)
    }
}

final class NoticeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var notices: [String] = []
    func append(_ notice: String) { lock.lock(); notices.append(notice); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return notices }
}
