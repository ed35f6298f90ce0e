import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File modes for a database several staff accounts share. SQLite creates its files 0644 owned by
/// whoever opened first, so a second account could neither write the database nor create the
/// lock file. A shared database lives in a folder that is group-owned and setgid (2770): every
/// file created there belongs to the folder's group, and Frontdesk creates the database and its
/// lock file 0660. SQLite gives `-wal` and `-shm` the database file's mode, so they follow.
public enum SharedFiles {
    /// The files of a database: the file itself, its WAL, its shared memory and the setup lock.
    public static func companions(of path: String) -> [String] {
        [path, path + "-wal", path + "-shm", path + ".lock"]
    }

    /// True when `folder` has the setgid bit: files created there are meant for its group.
    public static func isSetgidFolder(_ folder: String) -> Bool {
        var info = stat()
        guard stat(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR && (info.st_mode & S_ISGID) != 0
    }

    /// The group id of a group name or number.
    public static func groupID(named name: String) -> gid_t? {
        if let group = getgrnam(name) { return group.pointee.gr_gid }
        if let number = UInt32(name), getgrgid(number) != nil { return number }
        return nil
    }

    /// The name of a group id, or the number as text.
    public static func groupName(_ id: gid_t) -> String {
        getgrgid(id).map { String(cString: $0.pointee.gr_name) } ?? String(id)
    }

    /// Makes `folder` (created when missing) belong to `group` with mode 2770.
    static func prepareFolder(_ folder: String, group: gid_t, path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "its folder cannot be created (\(error.localizedDescription))")
        }
        guard chown(folder, uid_t.max, group) == 0 else {
            throw .cannotOpen(path: path, reason: "the folder \(folder) cannot be given to the group \(groupName(group)) (\(errnoText())); run this as its owner or as root, or choose a folder of your own")
        }
        guard chmod(folder, 0o2770) == 0 else {
            throw .cannotOpen(path: path, reason: "the folder \(folder) cannot be made 2770 (\(errnoText()))")
        }
    }

    /// Creates an empty database file and its lock file 0660, owned by `group` when given (else
    /// by the folder's group through setgid). SQLite treats an empty file as a new database.
    static func createFiles(for path: String, group: gid_t?) throws(StoreError) {
        for file in [path, path + ".lock"] {
            let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o660)
            guard fd >= 0 else {
                throw .cannotOpen(path: path, reason: "\(file) cannot be created (\(errnoText()))")
            }
            defer { close(fd) }
            // The umask may have taken the group's write bit; put it back.
            guard fchmod(fd, 0o660) == 0 else {
                throw .cannotOpen(path: path, reason: "\(file) cannot be made 0660 (\(errnoText()))")
            }
            if let group, fchown(fd, uid_t.max, group) != 0 {
                throw .cannotOpen(path: path, reason: "\(file) cannot be given to the group \(groupName(group)) (\(errnoText()))")
            }
        }
    }

    /// After SQLite has created `-wal` and `-shm`: the same group and mode on every file that exists.
    static func settle(_ path: String, group: gid_t?) {
        for file in companions(of: path) where FileManager.default.fileExists(atPath: file) {
            if let group { _ = chown(file, uid_t.max, group) }
            _ = chmod(file, 0o660)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
