import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Read-only examinations of a database file for `frontdesk doctor`: they never migrate, never
/// switch the journal mode, and work on a damaged or newer file that `open` refuses.
public enum DatabaseDiagnosis {
    /// What the path is, and who may do what with it.
    public struct FileFacts: Sendable, Equatable {
        public var exists: Bool
        public var isRegularFile: Bool
        public var size: Int64
        /// Permission bits, e.g. 0o660.
        public var mode: UInt16
        public var ownerID: UInt32
        public var groupID: UInt32
        public var readable: Bool
        public var writable: Bool
        public var folderWritable: Bool
        /// The folder passes its group on to new files (setgid), as a shared database needs.
        public var folderSetGroupID: Bool
    }

    /// How the schema compares with this version's.
    public enum SchemaState: Sendable, Equatable {
        case upToDate(migrations: Int)
        case needsMigration(pending: [String])
        case newer(unknown: [String])
        case notFrontdesk(reason: String)
    }

    public static func fileFacts(path: String) -> FileFacts {
        let file = DatabaseFile(path: path)
        var info = stat()
        var folderInfo = stat()
        let exists = stat(path, &info) == 0
        let folderFound = stat(file.folder, &folderInfo) == 0
        return FileFacts(exists: exists, isRegularFile: exists && (info.st_mode & S_IFMT) == S_IFREG,
                         size: exists ? Int64(info.st_size) : 0, mode: UInt16(info.st_mode & 0o7777),
                         ownerID: info.st_uid, groupID: info.st_gid,
                         readable: file.isReadable, writable: file.isWritable, folderWritable: file.folderIsWritable,
                         folderSetGroupID: folderFound && (folderInfo.st_mode & S_ISGID) != 0)
    }

    public static func schema(path: String) throws(StoreError) -> SchemaState {
        let check = try AppDatabase.inspect(DatabaseFile(path: path))
        switch check.verdict {
        case .empty: return .notFrontdesk(reason: "an empty SQLite database")
        case let .foreign(tables): return .notFrontdesk(reason: "another program's tables: " + tables.prefix(4).joined(separator: ", "))
        case let .newer(unknown): return .newer(unknown: unknown)
        case let .frontdesk(pending):
            return pending.isEmpty ? .upToDate(migrations: SchemaCheck.knownMigrations.count) : .needsMigration(pending: pending)
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` when healthy, otherwise SQLite's findings (at most `limit`).
    public static func integrity(path: String, limit: Int = 20) throws(StoreError) -> [String] {
        try pragmaLines(path: path, sql: "PRAGMA integrity_check(\(max(1, limit)))")
    }

    /// `PRAGMA foreign_key_check`: one line per row whose reference points nowhere; empty when healthy.
    public static func foreignKeys(path: String, limit: Int = 20) throws(StoreError) -> [String] {
        do {
            let queue = try AppDatabase.readOnlyQueue(DatabaseFile(path: path))
            defer { try? queue.close() }
            return try queue.read { db in
                let cursor = try Row.fetchCursor(db, sql: "PRAGMA foreign_key_check")
                var lines: [String] = []
                while let row = try cursor.next(), lines.count < limit {
                    let table: String = row[0] ?? "?"
                    let rowid: Int64? = row[1]
                    let parent: String = row[2] ?? "?"
                    lines.append("\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent) row")
                }
                return lines
            }
        } catch {
            throw AppDatabase.mapOpenError(error, path: path)
        }
    }

    private static func pragmaLines(path: String, sql: String) throws(StoreError) -> [String] {
        do {
            let queue = try AppDatabase.readOnlyQueue(DatabaseFile(path: path))
            defer { try? queue.close() }
            return try queue.read { db in try String.fetchAll(db, sql: sql) }
        } catch {
            throw AppDatabase.mapOpenError(error, path: path)
        }
    }
}
