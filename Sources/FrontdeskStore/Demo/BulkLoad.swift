import GRDB

/// Loading many generated rows inside one transaction: the tables' secondary indexes and triggers
/// are dropped first and recreated at the end from the exact SQL the schema stored for them.
///
/// The triggers do not run for the loaded rows: whoever loads checks what they would have refused
/// and writes what they would have kept (`BookingBulkWriter`). Unique indexes are rebuilt, so a
/// duplicate still fails the load.
struct BulkLoad {
    private let definitions: [(type: String, name: String, sql: String)]
    private let previousCacheSize: Int

    /// Page cache for the load, in KiB: the indexes are built in memory, not through the disk.
    static let cacheKiB = 262_144

    init(_ db: Database, tables: [String]) throws {
        let placeholders = tables.map { _ in "?" }.joined(separator: ",")
        definitions = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (\(placeholders))
            ORDER BY type, name
            """, arguments: StatementArguments(tables)).map { ($0["type"], $0["name"], $0["sql"]) }
        previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
        for definition in definitions {
            try db.execute(sql: "DROP \(definition.type == "index" ? "INDEX" : "TRIGGER") \(definition.name.quotedDatabaseIdentifier)")
        }
    }

    /// Recreates every index as it was (a unique index a loaded row breaks fails here).
    func restoreIndexes(_ db: Database) throws {
        for definition in definitions where definition.type == "index" { try db.execute(sql: definition.sql) }
    }

    /// Recreates every trigger as it was, and gives the page cache back.
    func restoreTriggers(_ db: Database) throws {
        for definition in definitions where definition.type == "trigger" { try db.execute(sql: definition.sql) }
        try db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)")
    }

    /// Recreates every index, then every trigger, as they were.
    func finish(_ db: Database) throws {
        try restoreIndexes(db)
        try restoreTriggers(db)
    }
}
