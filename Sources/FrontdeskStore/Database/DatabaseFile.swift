import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the path of a database leads to, found with `stat` and `access` only: the database file is
/// never opened with plain file calls (closing such a descriptor would drop SQLite's locks).
struct DatabaseFile {
    enum Kind: Equatable {
        case missing
        case notRegular
        case regular(size: Int64)
    }

    /// Device and inode: which file the path led to when the database was opened.
    struct Identity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    let path: String

    var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    var kind: Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        return .regular(size: Int64(info.st_size))
    }

    /// The file the path leads to now, or nil when nothing is there.
    var identity: Identity? { Self.identity(of: path) }

    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    var isReadable: Bool { access(path, R_OK) == 0 }
    var isWritable: Bool { access(path, W_OK) == 0 }
    var folderIsWritable: Bool { access(folder, W_OK | X_OK) == 0 }
    var hasSharedMemoryFile: Bool { access(path + "-shm", F_OK) == 0 }

    /// Opening for reading only: possible in place, or only as an immutable snapshot when the
    /// folder is read-only and no `-shm` exists (SQLite cannot create one there).
    var needsImmutableRead: Bool { !folderIsWritable && !hasSharedMemoryFile }

    /// Creates the folder of a new database; a full disk is named as such.
    func createFolder() throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            if (error as NSError).underlyingErrorCode == ENOSPC { throw .diskFull(path: path) }
            throw .cannotOpen(path: path, reason: "its folder \(folder) cannot be created (\(error.localizedDescription)). Check the folder's permissions")
        }
    }
}

extension NSError {
    /// The POSIX code under a Foundation file error, when there is one.
    var underlyingErrorCode: Int32? {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        return (userInfo[NSUnderlyingErrorKey] as? NSError)?.underlyingErrorCode
    }
}
