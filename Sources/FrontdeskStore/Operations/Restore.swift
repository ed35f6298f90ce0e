import Foundation
import FrontdeskCore
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What `restore` did: where the restored database is and where the file it replaced was kept.
public struct RestoreOutcome: Sendable, Equatable {
    public var path: String
    /// `NAME.before-restore-DATE`, or nil when there was no database at the path.
    public var keptAs: String?
}

extension AppDatabase {
    /// Puts a backup back at `path`.
    ///
    /// The backup must pass `integrity_check` and be a Frontdesk database this version can use. The
    /// replaced file is kept (with its `-wal`) as `NAME.before-restore-DATE`, so no old WAL is left to
    /// be replayed over the restored file. Refused while another process has the database open.
    public static func restore(backup: String, to path: String, actor: String = AppDatabase.currentUser(),
                               clock: @escaping @Sendable () -> Date = { Date() }) throws(StoreError) -> RestoreOutcome {
        let source = DatabaseFile(path: backup)
        switch source.kind {
        case .missing: throw .invalid(.backup(path: backup, .missing))
        case .notRegular: throw .invalid(.backup(path: backup, .notRegular))
        case let .regular(size):
            guard source.isReadable else { throw .unreadable(path: backup) }
            guard size > 0 else { throw .invalid(.backup(path: backup, .empty)) }
        }
        let check = try inspect(source)
        if let refusal = check.refusal(path: backup, allowEmpty: false) { throw refusal }
        try verifyIntegrity(of: source)

        let target = DatabaseFile(path: path)
        return try MigrationLock.withLock(besideDatabase: path) { () throws(StoreError) -> RestoreOutcome in
            if SharedMemoryProbe.isOpenElsewhere(databasePath: path) { throw .inUse(path: path) }
            let zone = (try? inspectTimeZone(target)) ?? nil
            let calendar = zone.flatMap(ClinicCalendar.init(identifier:)) ?? ClinicCalendar(timeZone: .current)
            let stamp = LocalStamp.second(clock(), calendar: calendar)
            // Copy first, beside the target, so a failed copy leaves the current database as it was.
            let staging = path + ".restoring-\(getpid())"
            DatabaseCopy.remove(staging)
            try DatabaseCopy.createPrivately(staging, like: target.kind == .missing ? backup : path)
            do {
                let queue = try readOnlyQueue(source)
                defer { try? queue.close() }
                try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [staging]) }
            } catch {
                DatabaseCopy.remove(staging)
                throw mapOpenError(error, path: staging)
            }
            var kept: String?
            if case .regular = target.kind {
                let keptPath = path + ".before-restore-\(stamp)"
                guard rename(path, keptPath) == 0 else {
                    DatabaseCopy.remove(staging)
                    throw .cannotOpen(path: path, reason: "it cannot be moved aside (\(String(cString: strerror(errno)))); nothing was restored")
                }
                if access(path + "-wal", F_OK) == 0 { rename(path + "-wal", keptPath + "-wal") }
                unlink(path + "-shm")
                kept = keptPath
            }
            guard rename(staging, path) == 0 else {
                let reason = String(cString: strerror(errno))
                if let kept { rename(kept, path) }
                throw .cannotOpen(path: path, reason: "the restored copy cannot be put in place (\(reason))")
            }
            return RestoreOutcome(path: path, keptAs: kept)
        }
    }

    /// Records the restore in the restored database's audit trail.
    public func recordRestore(from backup: String, keptAs: String?) throws(StoreError) {
        try write { db in
            try self.audit(db, action: "restore", entity: "database", id: self.path, before: keptAs, after: backup)
        }
    }

    static func verifyIntegrity(of file: DatabaseFile) throws(StoreError) {
        let result: [String]
        do {
            let queue = try readOnlyQueue(file)
            defer { try? queue.close() }
            result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw .invalid(.backup(path: file.path, .damaged("\(mapOpenError(error, path: file.path))")))
        }
        guard result == ["ok"] else {
            let first = result.prefix(3).joined(separator: "; ")
            throw .invalid(.backup(path: file.path, .failsIntegrity(first)))
        }
    }

    static func inspectTimeZone(_ file: DatabaseFile) throws -> String? {
        guard case .regular = file.kind, file.isReadable else { return nil }
        let queue = try readOnlyQueue(file)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'") }
    }
}

/// Whether any process has a WAL database open: every SQLite connection holds a shared lock on the
/// "DMS" byte of the `-shm` file while it uses it. Only the `-shm` file is opened here, and only
/// while this process has no connection to that database (closing a descriptor drops this
/// process's own locks on that file).
enum SharedMemoryProbe {
    /// SQLite's unix VFS: the DMS lock is the byte after the eight WAL locks at offset 120.
    static let deadManSwitchOffset: off_t = 128

    static func isOpenElsewhere(databasePath path: String) -> Bool {
        let fd = open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var probe = flock()
        probe.l_type = Int16(F_WRLCK)
        probe.l_whence = Int16(SEEK_SET)
        probe.l_start = deadManSwitchOffset
        probe.l_len = 1
        guard fcntl(fd, F_GETLK, &probe) == 0 else { return false }
        return probe.l_type != Int16(F_UNLCK)
    }
}
