import Foundation

/// Notices when the path of an open database leads to another file (deleted, moved, replaced by a
/// restore or a copy): SQLite would keep writing to the old, unlinked file and the changes would be
/// lost without a word. Once noticed, it stays noticed until the process restarts.
final class FileWatch: @unchecked Sendable {
    private let lock = NSLock()
    private let path: String
    private let identity: DatabaseFile.Identity?
    private var detached = false

    init(path: String, identity: DatabaseFile.Identity?) {
        self.path = path
        self.identity = identity
    }

    /// True when the path still leads to the file that was opened (and never stopped doing so).
    func isInPlace() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if detached { return false }
        guard let identity else { return true }
        if DatabaseFile.identity(of: path) != identity { detached = true }
        return !detached
    }
}

extension AppDatabase {
    /// Checks that the path still leads to the file this process opened; the runtime calls it on
    /// every tick and every write calls it first. After a failure every later write is refused.
    public func checkFileInPlace() throws(StoreError) {
        guard fileWatch.isInPlace() else { throw .fileReplaced(path: path) }
    }

    /// False once the database file was found deleted, moved or replaced: the application then
    /// stays read-only until restarted.
    public var isFileInPlace: Bool { fileWatch.isInPlace() }
}
