import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How long opening waits for another process that is setting up the same database, and what it
/// says while waiting.
public struct SetupLockWait: Sendable {
    /// After this long, `notice` is called once with a sentence for the person waiting.
    public var noticeAfter: TimeInterval
    /// After this long, opening gives up with `StoreError.setupLockTimeout`.
    public var giveUpAfter: TimeInterval
    public var notice: @Sendable (String) -> Void

    public init(noticeAfter: TimeInterval = 1, giveUpAfter: TimeInterval = 30, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.noticeAfter = noticeAfter
        self.giveUpAfter = giveUpAfter
        self.notice = notice
    }

    /// The sentence shown after `noticeAfter`.
    public static let waitingMessage = "Waiting for another Frontdesk to finish setting up the database…"
}

/// An advisory `flock` on a file beside the database, so that several processes starting at once
/// migrate one after the other. (The lock never touches the database file itself: closing a
/// descriptor on it would drop SQLite's own locks.)
enum MigrationLock {
    static func lockPath(besideDatabase path: String) -> String { path + ".lock" }

    static func withLock<T>(besideDatabase path: String, wait: SetupLockWait = SetupLockWait(),
                            _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let fd = try acquire(besideDatabase: path, wait: wait)
        defer {
            flock(fd, LOCK_UN)
            close(fd)
        }
        return try body()
    }

    /// When a lock file exists beside the database, waits until no process holds it (a setup in
    /// progress) and returns true; returns false at once when there is no lock file. Creates nothing.
    static func waitWhileHeld(besideDatabase path: String, wait: SetupLockWait) throws(StoreError) -> Bool {
        let lockPath = lockPath(besideDatabase: path)
        guard access(lockPath, F_OK) == 0 else { return false }
        let fd = try acquire(besideDatabase: path, wait: wait)
        flock(fd, LOCK_UN)
        close(fd)
        return true
    }

    /// Takes the lock, polling so that the wait can be announced and bounded. Returns the descriptor.
    static func acquire(besideDatabase path: String, wait: SetupLockWait) throws(StoreError) -> Int32 {
        let lockPath = lockPath(besideDatabase: path)
        var fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o660)
        // Another account's lock file that we may only read still serves: flock needs no write access.
        if fd < 0 && errno == EACCES { fd = open(lockPath, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            if errno == ENOSPC { throw .diskFull(path: path) }
            throw .cannotOpen(path: path, reason: "the lock file \(lockPath) cannot be created (\(String(cString: strerror(errno)))). Check the folder's permissions")
        }
        let started = Date()
        var announced = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(fd)
                throw .cannotOpen(path: path, reason: "the lock file \(lockPath) cannot be locked (\(String(cString: strerror(errno))))")
            }
            let waited = Date().timeIntervalSince(started)
            if waited >= wait.giveUpAfter {
                close(fd)
                throw .setupLockTimeout(path: path, seconds: Int(wait.giveUpAfter.rounded()))
            }
            if !announced && waited >= wait.noticeAfter {
                announced = true
                wait.notice(SetupLockWait.waitingMessage)
            }
            usleep(20_000)
        }
        return fd
    }
}
