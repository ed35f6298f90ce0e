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
    /// The clinic's zone as recorded in the database ("UTC" stays "UTC", where Foundation would say "GMT").
    public let timeZoneName: String
    /// The OS user recorded as the author of every change.
    public let actor: String
    /// Opened for reading only (the file or its folder is not writable): every write is refused.
    public let isReadOnly: Bool
    /// True when this open created the database (or set up an empty file); false for an existing one.
    public let wasCreated: Bool
    let writer: any DatabaseWriter
    let clock: @Sendable () -> Date
    /// A preview database: every write runs and is checked, then rolled back (`--dry-run`).
    let rollsBack: Bool
    /// Which file the path led to when opened; writes stop once it leads elsewhere.
    let fileWatch: FileWatch
    /// How many days ahead a session may be booked (`max_booking_horizon_days`).
    public let bookingHorizonDays: Int
    /// `default_country_code` from the configuration: what a national phone number (leading 0) means.
    public let phoneCountryCode: String?

    /// Whether another process is allowed to wait for the write lock, and for how long.
    static let busyTimeout: TimeInterval = 10

    init(path: String, writer: any DatabaseWriter, calendar: ClinicCalendar, timeZoneName: String, actor: String,
         clock: @escaping @Sendable () -> Date, rollsBack: Bool = false, isReadOnly: Bool = false, wasCreated: Bool = false,
         fileWatch: FileWatch, bookingHorizonDays: Int = PlacementRule.defaultHorizonDays, phoneCountryCode: String? = nil) {
        self.rollsBack = rollsBack
        self.bookingHorizonDays = bookingHorizonDays
        self.phoneCountryCode = phoneCountryCode
        self.path = path
        self.writer = writer
        self.calendar = calendar
        self.timeZoneName = timeZoneName
        self.actor = actor
        self.clock = clock
        self.isReadOnly = isReadOnly
        self.wasCreated = wasCreated
        self.fileWatch = fileWatch
    }

    public var now: Date { clock() }

    /// The same database, but every change is validated and then rolled back: nothing is written.
    public func preview() -> AppDatabase {
        AppDatabase(path: path, writer: writer, calendar: calendar, timeZoneName: timeZoneName, actor: actor, clock: clock,
                    rollsBack: true, isReadOnly: isReadOnly, wasCreated: wasCreated, fileWatch: fileWatch,
                    bookingHorizonDays: bookingHorizonDays, phoneCountryCode: phoneCountryCode)
    }

    /// The same database with another booking horizon (the configuration's `max_booking_horizon_days`).
    public func withBookingHorizon(days: Int) -> AppDatabase {
        AppDatabase(path: path, writer: writer, calendar: calendar, timeZoneName: timeZoneName, actor: actor, clock: clock,
                    rollsBack: rollsBack, isReadOnly: isReadOnly, wasCreated: wasCreated, fileWatch: fileWatch,
                    bookingHorizonDays: days, phoneCountryCode: phoneCountryCode)
    }

    /// The same database reading national phone numbers with `code` (`default_country_code`); stored
    /// numbers are renormalised once, in one transaction, when the code differs from the last one used.
    public func withPhoneCountryCode(_ code: String?) throws(StoreError) -> AppDatabase {
        let digits = PhoneNumber.countryCodeDigits(code)
        let stored = try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'phone_country_code'") } ?? ""
        if stored != (digits ?? ""), !isReadOnly, !rollsBack {
            try write { db in try Self.renormalisePhones(db, countryCode: digits) }
        }
        return AppDatabase(path: path, writer: writer, calendar: calendar, timeZoneName: timeZoneName, actor: actor, clock: clock,
                           rollsBack: rollsBack, isReadOnly: isReadOnly, wasCreated: wasCreated, fileWatch: fileWatch,
                           bookingHorizonDays: bookingHorizonDays, phoneCountryCode: digits)
    }

    /// Opens (and migrates) the database at `path`.
    ///
    /// Anything that is not a Frontdesk database this version can use (another program's file, an
    /// empty file, a newer schema) is refused before a single byte is written. A file or folder this
    /// account cannot write is opened read-only.
    ///
    /// - Parameters:
    ///   - create: create the file when missing, or set up an empty one (`init`, `demo`); otherwise
    ///     a missing or empty file is an error.
    ///   - timeZone: the clinic's zone to record in a new database; an existing one keeps its own.
    ///   - readOnly: for commands that only read: a database that needs no set-up is opened
    ///     read-only, so the command neither writes nor syncs the file (a writable pool would: GRDB
    ///     writes a dummy transaction to recreate the WAL file SQLite deleted when the last
    ///     connection closed).
    ///   - sharedGroup: create the database for this group (`init --shared`): folder 2770, files
    ///     0660, all owned by the group. A new database in a setgid folder is shared the same way
    ///     with the folder's group.
    ///   - setupWait: how long to wait, and what to say, while another process sets the file up.
    ///   - phoneCountryCode: `default_country_code` ("41"); stored phone numbers are renormalised once when it changes.
    public static func open(path: String, create: Bool = false, timeZone: String? = nil, sharedGroup: String? = nil,
                            readOnly: Bool = false, actor: String = AppDatabase.currentUser(),
                            clock: @escaping @Sendable () -> Date = { Date() },
                            setupWait: SetupLockWait = SetupLockWait(),
                            phoneCountryCode: String? = nil) throws(StoreError) -> AppDatabase {
        try openWaiting(path: path, create: create, timeZone: timeZone, sharedGroup: sharedGroup, readOnly: readOnly, actor: actor,
                        clock: clock, setupWait: setupWait).withPhoneCountryCode(phoneCountryCode)
    }

    private static func openWaiting(path: String, create: Bool, timeZone: String?, sharedGroup: String?, readOnly: Bool,
                                    actor: String, clock: @escaping @Sendable () -> Date,
                                    setupWait: SetupLockWait) throws(StoreError) -> AppDatabase {
        do {
            return try openOnce(path: path, create: create, timeZone: timeZone, sharedGroup: sharedGroup, readOnly: readOnly,
                                actor: actor, clock: clock, setupWait: setupWait)
        } catch let error where !create && error.isEmptyDatabase {
            // Possibly a file another process is creating right now: wait for its setup, look again.
            guard try MigrationLock.waitWhileHeld(besideDatabase: path, wait: setupWait) else { throw error }
            return try openOnce(path: path, create: create, timeZone: timeZone, sharedGroup: sharedGroup, readOnly: readOnly,
                                actor: actor, clock: clock, setupWait: setupWait)
        }
    }

    static func openOnce(path: String, create: Bool, timeZone: String?, sharedGroup: String?, readOnly: Bool = false, actor: String,
                         clock: @escaping @Sendable () -> Date, setupWait: SetupLockWait) throws(StoreError) -> AppDatabase {
        if let zone = timeZone, TimeZone(identifier: zone) == nil { throw .timeZoneUnknown(zone) }
        let file = DatabaseFile(path: path)
        let wasMissing = file.kind == .missing
        var isNew = false
        switch file.kind {
        case .missing:
            guard create else { throw .missing(path: path) }
            // `--shared` prepares its own folder (group and mode) below.
            if sharedGroup == nil { try file.createFolder() }
            isNew = true
        case .notRegular:
            throw .notFrontdesk(path: path, reason: "it is a folder or a device, not a database file")
        case let .regular(size):
            guard file.isReadable else { throw .unreadable(path: path) }
            if size == 0 {
                guard create else { throw .notFrontdesk(path: path, reason: emptyFileReason) }
                isNew = true
            }
        }
        var check: SchemaCheck?
        if !isNew {
            let found = try inspect(file)
            if let refusal = found.refusal(path: path, allowEmpty: create) { throw refusal }
            check = found
        }
        // Sharing is set up only once the file is known to be ours (or new): a refused file is never touched.
        var group: gid_t?
        if let sharedGroup {
            guard let id = SharedFiles.groupID(named: sharedGroup) else {
                throw .noSuchGroup(sharedGroup)
            }
            group = id
            try SharedFiles.prepareFolder(file.folder, group: id, path: path)
        }
        // Only the account that creates the database (or runs `init --shared`) sets the modes up.
        let setsUpSharing = group != nil || (wasMissing && SharedFiles.isSetgidFolder(file.folder))
        if setsUpSharing { try SharedFiles.createFiles(for: path, group: group) }
        let writable = file.folderIsWritable && (isNew || file.isWritable)
        guard writable else {
            if isNew {
                throw .cannotOpen(path: path, reason: "its folder \(file.folder) is not writable, so the database cannot be created there. Check the folder's permissions")
            }
            if check?.needsMigration == true { throw .readOnly(path: path) }
            return try openReadOnly(file, actor: actor, clock: clock)
        }
        var created = false
        let pool: DatabasePool
        if isNew || check?.needsMigration == true {
            // Opening (which switches a new file to WAL) and migrating both happen under the lock:
            // two processes setting up the same new file at once would otherwise get SQLITE_BUSY at
            // once, before any busy timeout applies.
            pool = try MigrationLock.withLock(besideDatabase: path, wait: setupWait) { () throws(StoreError) -> DatabasePool in
                let pool: DatabasePool
                do throws(StoreError) {
                    pool = try openPool(path)
                } catch {
                    // A file this open created and could not set up (a full disk) is not left behind.
                    if wasMissing, error == .diskFull(path: path) { DatabaseCopy.remove(path) }
                    throw error
                }
                do {
                    // Again under the lock: another process may have set the file up meanwhile.
                    let current = try pool.read(SchemaCheck.read)
                    if let refusal = current.refusal(path: path, allowEmpty: create) { throw refusal }
                    created = current.verdict == .empty
                    try Migrations.migrator.migrate(pool)
                    try pool.write { db in
                        // A new database gets its zone; an existing one keeps its own (a very old one
                        // without any gets this one, as it always did).
                        try db.execute(sql: "INSERT OR IGNORE INTO settings(key, value) VALUES ('timezone', ?)",
                                       arguments: [timeZone ?? TimeZone.current.identifier])
                        // Counters kept per clinic day follow the zone (new database, new counters).
                        try KPICounters.alignClinicZone(db)
                    }
                } catch {
                    let mapped = mapOpenError(error, path: path)
                    if wasMissing, mapped == .diskFull(path: path) {
                        try? pool.close()
                        DatabaseCopy.remove(path)
                    }
                    throw mapped
                }
                return pool
            }
        } else if readOnly && !setsUpSharing {
            return try openReadOnly(file, actor: actor, clock: clock)
        } else {
            pool = try openPool(path)
        }
        if setsUpSharing { SharedFiles.settle(path, group: group) }
        return try finish(path: path, writer: pool, actor: actor, clock: clock, isReadOnly: false, wasCreated: created)
    }

    static let emptyFileReason = "the file is empty"
    static let emptyDatabaseReason = "it is an empty SQLite database"

    /// The login name of the OS account running this process (its effective user id), never
    /// `$USER`: the audit trail must not be whatever the environment claims.
    public static func currentUser() -> String { SystemAccount.current().name }

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        config.label = "frontdesk"
        return config
    }

    /// A read-only connection, in place or (in a read-only folder without `-shm`) as an immutable snapshot.
    static func readOnlyQueue(_ file: DatabaseFile) throws -> DatabaseQueue {
        guard file.needsImmutableRead else {
            return try DatabaseQueue(path: file.path, configuration: configuration(readOnly: true))
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = file.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? file.path
        return try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration(readOnly: true))
    }

    /// Reads what the file holds without writing to it.
    static func inspect(_ file: DatabaseFile) throws(StoreError) -> SchemaCheck {
        do {
            let queue = try readOnlyQueue(file)
            defer { try? queue.close() }
            return try queue.read(SchemaCheck.read)
        } catch {
            throw mapOpenError(error, path: file.path)
        }
    }

    static func openPool(_ path: String) throws(StoreError) -> DatabasePool {
        do {
            return try DatabasePool(path: path, configuration: configuration(readOnly: false))
        } catch {
            throw mapOpenError(error, path: path)
        }
    }

    static func openReadOnly(_ file: DatabaseFile, actor: String, clock: @escaping @Sendable () -> Date) throws(StoreError) -> AppDatabase {
        let queue: DatabaseQueue
        do { queue = try readOnlyQueue(file) } catch { throw mapOpenError(error, path: file.path) }
        return try finish(path: file.path, writer: queue, actor: actor, clock: clock, isReadOnly: true, wasCreated: false)
    }

    static func finish(path: String, writer: any DatabaseWriter, actor: String, clock: @escaping @Sendable () -> Date,
                       isReadOnly: Bool, wasCreated: Bool) throws(StoreError) -> AppDatabase {
        let zoneName: String
        do {
            zoneName = try writer.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'")
            } ?? TimeZone.current.identifier
        } catch {
            throw mapOpenError(error, path: path)
        }
        guard let calendar = ClinicCalendar(identifier: zoneName) else { throw .timeZoneUnknown(zoneName) }
        return AppDatabase(path: path, writer: writer, calendar: calendar, timeZoneName: zoneName, actor: actor, clock: clock,
                           isReadOnly: isReadOnly, wasCreated: wasCreated,
                           fileWatch: FileWatch(path: path, identity: DatabaseFile.identity(of: path)))
    }

    static func mapOpenError(_ error: any Error, path: String) -> StoreError {
        if let store = error as? StoreError { return store }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path)
            case .SQLITE_READONLY: return .readOnly(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_FULL: return .diskFull(path: path)
            case .SQLITE_PERM, .SQLITE_AUTH: return .unreadable(path: path)
            case .SQLITE_CANTOPEN:
                return .cannotOpen(path: path, reason: "SQLite cannot open the file. Check the path and its folder's permissions")
            default: return .cannotOpen(path: path, reason: db.message ?? "\(db.resultCode)")
            }
        }
        return .cannotOpen(path: path, reason: "\(error)")
    }
}
