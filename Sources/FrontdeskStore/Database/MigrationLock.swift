import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory `flock` on a file beside the database, so that several processes starting at once
/// migrate one after the other. (The lock never touches the database file itself: closing a
/// descriptor on it would drop SQLite's own locks.)
enum MigrationLock {
    static func withLock<T>(besideDatabase path: String, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let lockPath = path + ".lock"
        var fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o660)
        // Another account's lock file that we may only read still serves: flock needs no write access.
        if fd < 0 && errno == EACCES { fd = open(lockPath, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw .cannotOpen(path: path, reason: "the lock file \(lockPath) cannot be created (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                throw .cannotOpen(path: path, reason: "the lock file \(lockPath) cannot be locked")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
