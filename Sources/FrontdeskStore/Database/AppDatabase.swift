import Foundation
import FrontdeskCore
import GRDB

/// The clinic's database: one SQLite file, shared safely by several terminals.
///
/// Every intent-named write (book, complete, cancel …) is one immediate transaction, so a change is
/// all or nothing and two terminals never book the same slot.
public final class AppDatabase: Sendable {
    public let path: String
    public let calendar: ClinicCalendar
    /// The OS user recorded as the author of every change.
    public let actor: String
    let writer: any DatabaseWriter
    let clock: @Sendable () -> Date
    /// A preview database: every write runs and is checked, then rolled back (`--dry-run`).
    let rollsBack: Bool
    /// How many days ahead a session may be booked (`max_booking_horizon_days`).
    public let bookingHorizonDays: Int

    /// Whether another process is allowed to wait for the write lock, and for how long.
    static let busyTimeout: TimeInterval = 10

    init(path: String, writer: any DatabaseWriter, calendar: ClinicCalendar, actor: String,
         clock: @escaping @Sendable () -> Date, rollsBack: Bool = false,
         bookingHorizonDays: Int = PlacementRule.defaultHorizonDays) {
        self.rollsBack = rollsBack
        self.bookingHorizonDays = bookingHorizonDays
        self.path = path
        self.writer = writer
        self.calendar = calendar
        self.actor = actor
        self.clock = clock
    }

    public var now: Date { clock() }

    /// The same database, but every change is validated and then rolled back: nothing is written.
    public func preview() -> AppDatabase {
        AppDatabase(path: path, writer: writer, calendar: calendar, actor: actor, clock: clock, rollsBack: true,
                    bookingHorizonDays: bookingHorizonDays)
    }

    /// The same database with another booking horizon (the configuration's `max_booking_horizon_days`).
    public func withBookingHorizon(days: Int) -> AppDatabase {
        AppDatabase(path: path, writer: writer, calendar: calendar, actor: actor, clock: clock, rollsBack: rollsBack,
                    bookingHorizonDays: days)
    }

    /// Opens (and migrates) the database at `path`.
    ///
    /// - Parameters:
    ///   - create: create the file when missing (`init`, `demo`); otherwise a missing file is an error.
    ///   - timeZone: the clinic's zone to record in a new database; an existing one keeps its own.
    ///   - sharedGroup: create the database for this group (`init --shared`): folder 2770, files
    ///     0660, all owned by the group. A new database in a setgid folder is shared the same way
    ///     with the folder's group.
    public static func open(path: String, create: Bool = false, timeZone: String? = nil, sharedGroup: String? = nil,
                            actor: String = AppDatabase.currentUser(),
                            clock: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) -> AppDatabase {
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        if !exists && !create {
            throw .missing(path: path)
        }
        if let zone = timeZone, TimeZone(identifier: zone) == nil { throw .timeZoneUnknown(zone) }
        let folder = (path as NSString).deletingLastPathComponent
        var group: gid_t?
        if let sharedGroup {
            guard let id = SharedFiles.groupID(named: sharedGroup) else {
                throw .invalid(field: "--shared", reason: "there is no group called \(sharedGroup). Create it (groupadd \(sharedGroup)) and add the staff accounts to it (usermod -aG \(sharedGroup) NAME).")
            }
            group = id
            try SharedFiles.prepareFolder(folder.isEmpty ? "." : folder, group: id, path: path)
        } else if !exists {
            do {
                try fileManager.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: path, reason: "its folder cannot be created (\(error.localizedDescription))")
            }
        }
        // Only the account that creates the database (or runs `init --shared`) sets the modes up.
        let setsUpSharing = (group != nil) || (!exists && SharedFiles.isSetgidFolder(folder.isEmpty ? "." : folder))
        if setsUpSharing {
            try SharedFiles.createFiles(for: path, group: group)
        }
        if exists && !fileManager.isWritableFile(atPath: path) { throw .readOnly(path: path) }
        if !fileManager.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            throw exists ? .readOnly(path: path) : .cannotOpen(path: path, reason: "its folder is not writable")
        }
        if exists, !looksLikeSQLite(path) { throw .corrupt(path: path) }

        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "frontdesk"
        // Opening (which switches a new file to WAL) and migrating both happen under the lock: two
        // processes setting up the same new file at once would otherwise get SQLITE_BUSY at once,
        // before any busy timeout applies.
        let pool = try MigrationLock.withLock(besideDatabase: path) { () throws(StoreError) -> DatabasePool in
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                if exists, try !isFrontdeskSchema(pool) { throw StoreError.corrupt(path: path) }
                try Migrations.migrator.migrate(pool)
                try pool.write { db in
                    let zone = timeZone ?? TimeZone.current.identifier
                    try db.execute(sql: "INSERT OR IGNORE INTO settings(key, value) VALUES ('timezone', ?)",
                                   arguments: [zone])
                    if let requested = timeZone {
                        try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'timezone'", arguments: [requested])
                    }
                    try KPICounters.alignClinicZone(db)
                }
                return pool
            } catch let error as StoreError {
                throw error
            } catch {
                throw mapOpenError(error, path: path)
            }
        }
        if setsUpSharing { SharedFiles.settle(path, group: group) }
        let zoneName: String
        do {
            zoneName = try pool.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'")
            } ?? TimeZone.current.identifier
        } catch {
            throw mapOpenError(error, path: path)
        }
        guard let calendar = ClinicCalendar(identifier: zoneName) else { throw .timeZoneUnknown(zoneName) }
        return AppDatabase(path: path, writer: pool, calendar: calendar, actor: actor, clock: clock)
    }

    /// The login name of the OS account running this process (its effective user id), never
    /// `$USER`: the audit trail must not be whatever the environment claims.
    public static func currentUser() -> String { SystemAccount.current().name }

    /// SQLite files start with a fixed 16-byte header; an empty file is a database SQLite will create.
    private static func looksLikeSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header.isEmpty || header == Data("SQLite format 3\0".utf8)
    }

    /// A database with tables but no migration history belongs to another program.
    private static func isFrontdeskSchema(_ pool: DatabasePool) throws -> Bool {
        try pool.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            return tables.isEmpty || tables.contains("grdb_migrations")
        }
    }

    static func mapOpenError(_ error: any Error, path: String) -> StoreError {
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path)
            case .SQLITE_READONLY: return .readOnly(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: "SQLite cannot open the file")
            default: return .cannotOpen(path: path, reason: db.message ?? "\(db.resultCode)")
            }
        }
        return .cannotOpen(path: path, reason: "\(error)")
    }
}
