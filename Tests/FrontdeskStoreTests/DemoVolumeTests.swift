import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// The generated clinic-chain data the benchmarks share: its shape, its determinism, and a schema
/// left whole by the bulk load.
@Suite struct DemoVolumeTests {
    static func schema(_ database: AppDatabase) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
        }
    }

    @Test func aboutFortyPercentInTreatmentsOnTwentyProviders() throws {
        let t = try TemporaryDatabase()
        #expect(try t.database.seedVolume(bookings: 3000) == 3000)
        let (total, grouped, providers, overlaps) = try t.database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bookings")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bookings WHERE is_part_of_multi_session = 1")!,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM providers")!,
             try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT start_at, LAG(end_at) OVER (PARTITION BY provider_id ORDER BY start_at) AS previous_end
                                      FROM bookings WHERE status != 'cancelled') WHERE previous_end > start_at
                """)!)
        }
        #expect(total == 3000)
        #expect(abs(Double(grouped) / Double(total) - 0.40) < 0.02)
        #expect(providers == 20)
        #expect(overlaps == 0)
    }

    @Test func generatedTreatmentsHaveTheirCopyOfTheRules() throws {
        let t = try TemporaryDatabase()
        _ = try t.database.seedVolume(bookings: 500)
        let missing = try t.database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM session_groups g
                WHERE NOT EXISTS (SELECT 1 FROM session_group_rules r WHERE r.session_group_id = g.session_group_id)
                """)!
        }
        let groups = try t.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session_groups")! }
        #expect(groups > 0)
        #expect(missing == 0)
    }

    @Test func theBulkLoadLeavesEveryIndexAndTriggerAsMigrated() throws {
        let fresh = try TemporaryDatabase()
        let loaded = try TemporaryDatabase()
        _ = try loaded.database.seedVolume(bookings: 500)
        #expect(try Self.schema(loaded.database) == Self.schema(fresh.database))
        // The overlap trigger is back: a second booking in a taken slot is refused by SQLite itself.
        let refused: Bool = try loaded.database.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM bookings WHERE status != 'cancelled' LIMIT 1")!
            do {
                try db.execute(sql: """
                    INSERT INTO bookings(customer_id, service_id, provider_id, start_at, end_at, created_at, updated_at, created_by, updated_by)
                    VALUES (?, ?, ?, ?, ?, 0, 0, 'test', 'test')
                    """, arguments: [row["customer_id"], row["service_id"], row["provider_id"], row["start_at"], row["end_at"]])
                return false
            } catch {
                return true
            }
        }
        #expect(refused)
    }

    @Test func theSameSizeGivesTheSameData() throws {
        let a = try TemporaryDatabase(), b = try TemporaryDatabase()
        _ = try a.database.seedVolume(bookings: 800)
        _ = try b.database.seedVolume(bookings: 800)
        let dump = { (database: AppDatabase) throws -> [String] in
            try database.read { db in
                try String.fetchAll(db, sql: """
                    SELECT provider_id || ' ' || customer_id || ' ' || start_at || ' ' || status || ' ' || IFNULL(session_group_id, '-')
                    FROM bookings ORDER BY id
                    """)
            }
        }
        #expect(try dump(a.database) == dump(b.database))
    }
}

/// A database written before the covering indexes opens, migrates, and gets them.
@Suite struct CoveringIndexMigrationTests {
    @Test func aVersionOneDatabaseGetsTheCountingIndexes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v1 schema")
        }
        let database = try AppDatabase.open(path: path)
        let indexes = try database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bookings'")
        }
        #expect(indexes.contains("bookings_on_start_status"))
        #expect(indexes.contains("bookings_on_group_status"))
        #expect(!indexes.contains("bookings_on_start"))
        #expect(indexes.contains("idx_bookings_session_group"))
        #expect(indexes.contains("bookings_on_provider_start_end"))
        #expect(!indexes.contains("bookings_on_provider_start"))
    }

    @Test func availabilityIsReadFromTheCoveringIndexAlone() throws {
        let t = try TemporaryDatabase()
        let plan = try t.database.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT id, start_at, end_at FROM bookings
                WHERE provider_id = 1 AND start_at > 0 AND start_at < 100 AND end_at > 0 AND status != 'cancelled'
                """).map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("COVERING INDEX bookings_on_provider_start_end"), "\(plan)")
    }
}
