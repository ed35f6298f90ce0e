import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    /// Runs `body` in one immediate transaction; any error rolls everything back. Before it commits,
    /// the overdue instants the change cleared are worked out again (`OverdueInstants`).
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let calendar = self.calendar
        return try writeOnly { db in
            let result = try body(db)
            try OverdueInstants.fill(db, calendar: calendar)
            return result
        }
    }

    private func writeOnly<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        if isReadOnly && !rollsBack { throw .readOnly(path: path) }
        try checkFileInPlace()
        do {
            guard rollsBack else {
                let result = try writer.write(body)
                // A long write (the demo volume) may outlive the file: say so rather than report success.
                try checkFileInPlace()
                return result
            }
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .rollback
                }
                return result!
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw translate(error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw translate(error)
        }
    }

    func translate(_ error: any Error) -> StoreError {
        guard let db = error as? DatabaseError else { return .invalid(.unexpected("\(error)")) }
        if db.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER, db.message?.contains("slot taken") == true {
            return .refused(.slotTaken(nil))
        }
        switch db.resultCode {
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_CONSTRAINT:
            return .invalid(.constraint(db.message ?? "constraint"))
        default:
            return .cannotOpen(path: path, reason: db.message ?? "\(db.resultCode)")
        }
    }

    /// Records who changed what; called inside the same transaction as the change.
    func audit(_ db: Database, action: String, entity: String, id: String, before: String? = nil, after: String? = nil) throws {
        try db.execute(sql: """
            INSERT INTO audit_events(at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now.storedSeconds, actor, action, entity, id, before, after])
    }

    /// A value from the settings table.
    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits, so screens know to reload.
    public func dataVersion() throws(StoreError) -> Int {
        // data_version is per connection: ask the single writer connection, which never changes
        // between calls except by other processes' commits.
        do {
            return try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw translate(error)
        }
    }

    /// `PRAGMA integrity_check`: "ok" for a healthy file.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }

    /// `PRAGMA quick_check`: "ok" for a healthy file; cheaper than `integrityCheck` (no index contents).
    public func quickCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "\n") }
    }

    /// `PRAGMA foreign_key_check`: one line per row whose reference points nowhere; empty when healthy.
    public func foreignKeyCheck() throws(StoreError) -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                let table: String = row[0] ?? "?"
                let rowid: Int64? = row[1]
                let parent: String = row[2] ?? "?"
                return "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent) row"
            }
        }
    }
}
