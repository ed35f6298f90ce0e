import Foundation
import GRDB

/// What a SQLite file holds, read through a read-only connection before anything is written:
/// another program's tables, a newer Frontdesk's schema, or ours (up to date or needing migrations).
struct SchemaCheck: Equatable {
    enum Verdict: Equatable {
        /// A SQLite database with no tables at all: `init` and `demo` may set it up.
        case empty
        /// Tables, but not Frontdesk's.
        case foreign(tables: [String])
        /// Migrations this version does not know.
        case newer(unknown: [String])
        /// Frontdesk's schema; `pending` migrations still to run.
        case frontdesk(pending: [String])
    }

    var verdict: Verdict

    /// The names of every migration this version knows, in order.
    static var knownMigrations: [String] { Migrations.migrator.migrations }

    static func read(_ db: Database) throws -> SchemaCheck {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if tables.isEmpty { return SchemaCheck(verdict: .empty) }
        guard tables.contains("grdb_migrations") else {
            return SchemaCheck(verdict: .foreign(tables: tables))
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = knownMigrations
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { return SchemaCheck(verdict: .newer(unknown: unknown)) }
        return SchemaCheck(verdict: .frontdesk(pending: known.filter { !applied.contains($0) }))
    }

    /// The refusal for anything that is not a Frontdesk database this version can use.
    func refusal(path: String, allowEmpty: Bool) -> StoreError? {
        switch verdict {
        case .empty:
            return allowEmpty ? nil : .notFrontdesk(path: path, reason: AppDatabase.emptyDatabaseReason)
        case let .foreign(tables):
            let shown = tables.prefix(4).joined(separator: ", ") + (tables.count > 4 ? ", …" : "")
            return .notFrontdesk(path: path, reason: "it is another program's SQLite database, with tables \(shown)")
        case let .newer(unknown):
            return .newerSchema(path: path, unknown: unknown)
        case .frontdesk:
            return nil
        }
    }

    var needsMigration: Bool {
        switch verdict {
        case .empty: return true
        case let .frontdesk(pending): return !pending.isEmpty
        case .foreign, .newer: return false
        }
    }
}
