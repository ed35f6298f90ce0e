import Foundation
import FrontdeskCore
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension AppDatabase {
    /// Writes a consistent copy with `VACUUM INTO` (never by copying the file, which could catch a
    /// half-written page) and returns where it went.
    ///
    /// A destination that is a folder (or ends in "/") receives `frontdesk-YYYYMMDD-HHMM.sqlite`.
    /// The copy is created 0600, plus the database's group bits when it can carry the database's
    /// group: never readable by more people than the database. A failed copy leaves nothing behind.
    @discardableResult
    public func backup(to destination: String) throws(StoreError) -> String {
        let target = try backupTarget(destination)
        try DatabaseCopy.createPrivately(target, like: path)
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [target]) }
        } catch {
            DatabaseCopy.remove(target)
            // SQLite may word a damaged source as a full disk or an I/O error: ask the source first.
            if let health = try? quickCheck(), health != "ok" { throw .corrupt(path: path) }
            throw backupError(error, target: target)
        }
        return target
    }

    /// The file a backup to `destination` writes.
    func backupTarget(_ destination: String) throws(StoreError) -> String {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            throw .invalid(.backup(path: destination, .exists(thisMinute: false)))
        }
        guard isFolder.boolValue || destination.hasSuffix("/") else { return destination }
        if !exists {
            do { try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true) } catch {
                throw .cannotOpen(path: destination, reason: "the backup folder cannot be created (\(error.localizedDescription))")
            }
        }
        let stamp = LocalStamp.minute(now, calendar: calendar)
        let file = (destination as NSString).appendingPathComponent("frontdesk-\(stamp).sqlite")
        if FileManager.default.fileExists(atPath: file) {
            throw .invalid(.backup(path: file, .exists(thisMinute: true)))
        }
        return file
    }

    private func backupError(_ error: any Error, target: String) -> StoreError {
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path)
            case .SQLITE_FULL: return .diskFull(path: target)
            default: break
            }
            return .cannotOpen(path: target, reason: "the backup could not be written (\(db.message ?? "\(db.resultCode)")); nothing was left there")
        }
        return .cannotOpen(path: target, reason: "the backup could not be written (\(error)); nothing was left there")
    }
}

/// Files that receive a copy of the database: created empty with safe permissions before SQLite
/// writes into them, and removed with their journals when the copy fails.
enum DatabaseCopy {
    /// Creates `target` empty (it must not exist), 0600 plus the group bits of `original` when the
    /// file can take `original`'s group.
    static func createPrivately(_ target: String, like original: String) throws(StoreError) {
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == ENOSPC { throw .diskFull(path: target) }
            if errno == EEXIST { throw .invalid(.backup(path: target, .exists(thisMinute: false))) }
            throw .cannotOpen(path: target, reason: "it cannot be created (\(reason)). Check the folder's permissions or choose another place")
        }
        defer { close(fd) }
        var info = stat()
        guard stat(original, &info) == 0 else { return }
        if fchown(fd, uid_t.max, info.st_gid) == 0 {
            fchmod(fd, 0o600 | (info.st_mode & 0o060))
        }
    }

    static func remove(_ target: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(target + suffix) }
    }
}

/// "20260304-0900": a file-name stamp in the clinic's zone.
enum LocalStamp {
    static func minute(_ date: Date, calendar: ClinicCalendar) -> String {
        let day = calendar.localDay(of: date)
        let minute = calendar.minuteOfDay(of: date)
        return String(format: "%04d%02d%02d-%02d%02d", day.year, day.month, day.day, minute / 60, minute % 60)
    }

    static func second(_ date: Date, calendar: ClinicCalendar) -> String {
        let seconds = Int(date.timeIntervalSince1970) % 60
        return minute(date, calendar: calendar) + String(format: "%02d", (seconds + 60) % 60)
    }
}
