import Foundation
import FrontdeskCore
import GRDB

/// Building, rebuilding and checking the Dashboard's counters (`KPICounterSchema`).
enum KPICounters {
    /// The settings key recording the zone the clinic days were computed in.
    static let zoneKey = "kpi_zone"

    /// The "v5 kpi" migration: the tables, the triggers, and counters for what the database holds.
    static func install(_ db: Database) throws {
        try db.execute(sql: KPICounterSchema.tables)
        for sql in KPICounterSchema.sourceTriggers + KPICounterSchema.treatmentCountTriggers.map(\.sql) {
            try db.execute(sql: sql)
        }
        // A new database has no zone yet: `alignClinicZone` builds the days once the zone is recorded.
        if let zone = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'"),
           let timeZone = TimeZone(identifier: zone) {
            try rebuild(db, zone: timeZone)
        }
    }

    /// The "v6 kpi" migration, for databases that ran an earlier "v5 kpi" (before packages were counted
    /// by the day they lapse): every counter trigger as the code defines it now, and a recount when the
    /// lapse counts are missing.
    static func refreshTriggers(_ db: Database) throws {
        for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpi%'") {
            try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
        }
        for sql in KPICounterSchema.sourceTriggers + KPICounterSchema.treatmentCountTriggers.map(\.sql) {
            try db.execute(sql: sql)
        }
        let missingLapses = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM kpi_treatments t WHERE \(KPICounterSchema.lapses("t")))
               AND NOT EXISTS (SELECT 1 FROM kpi_treatment_counts WHERE event = 'lapses')
            """) ?? false
        if missingLapses, let zone = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'"),
           let timeZone = TimeZone(identifier: zone) {
            try rebuild(db, zone: timeZone)
        }
    }

    /// Rebuilds the counters when the clinic's zone is not the one they were computed in (a new
    /// database, or `init --timezone` changing it). One read when nothing changed.
    static func alignClinicZone(_ db: Database) throws {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT value FROM settings WHERE key = 'timezone') AS zone, (SELECT value FROM settings WHERE key = ?) AS counted
            """, arguments: [zoneKey])
        guard let zone: String = row?["zone"], zone != row?["counted"], let timeZone = TimeZone(identifier: zone) else { return }
        try rebuild(db, zone: timeZone)
    }

    /// Recomputes every counter from `bookings` and `session_groups` (the migration, a change of zone,
    /// a bulk load). The treatment-count triggers are set aside so the counts are built in one pass.
    static func rebuild(_ db: Database, zone: TimeZone) throws {
        // The recount sorts every booking by day: give it the page cache a bulk load uses, then give it back.
        let previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -\(BulkLoad.cacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)") }
        try db.execute(sql: "DELETE FROM kpi_clinic_offsets")
        let insert = try db.makeStatement(sql: "INSERT INTO kpi_clinic_offsets(from_at, offset_seconds) VALUES (?, ?)")
        for offset in ClinicDaySQL.offsets(of: zone) { try insert.execute(arguments: [offset.from, offset.offset]) }
        for trigger in KPICounterSchema.treatmentCountTriggers { try db.execute(sql: "DROP TRIGGER \(trigger.name)") }
        try db.execute(sql: """
            DELETE FROM kpi_sessions;
            DELETE FROM kpi_treatments;
            DELETE FROM kpi_treatment_counts;
            INSERT INTO kpi_sessions(provider_id, service_id, day, status, sessions) \(KPIRecount.sessions);
            INSERT INTO kpi_treatments(\(KPICounterSchema.treatmentColumns)) \(KPIRecount.treatments);
            INSERT INTO kpi_treatment_counts(provider_id, service_id, event, day, strategy, treatments, unscheduled)
                \(KPIRecount.treatmentCounts(from: "kpi_treatments"));
            """)
        for trigger in KPICounterSchema.treatmentCountTriggers { try db.execute(sql: trigger.sql) }
        // The recount cleared every overdue instant (a database migrated up to "v5 kpi" only has none yet).
        if try db.columns(in: "kpi_treatments").contains(where: { $0.name == "overdue_at" }) {
            try OverdueInstants.fill(db, calendar: ClinicCalendar(timeZone: zone))
        }
        try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [zoneKey, zone.identifier])
    }
}

/// The counters recomputed from the source tables: what `rebuild` writes and `--verify` compares.
enum KPIRecount {
    /// Sessions per provider × service × day × status, with roll-ups, from `bookings`.
    static let sessions = """
        SELECT CASE r.rp WHEN 1 THEN b.provider_id ELSE 0 END, CASE r.rs WHEN 1 THEN b.service_id ELSE 0 END,
               b.day, b.status, SUM(b.n)
        FROM (SELECT provider_id, service_id, day, status, COUNT(*) AS n
              FROM (SELECT provider_id, service_id, status, \(ClinicDaySQL.day(of: "start_at")) AS day FROM bookings)
              GROUP BY provider_id, service_id, day, status) b,
             \(rollupFlags) r
        GROUP BY 1, 2, 3, 4
        """

    /// Which of a row's four roll-ups keep the provider (rp) and the service (rs).
    static let rollupFlags = "(SELECT 1 AS rp, 1 AS rs UNION ALL SELECT 1, 0 UNION ALL SELECT 0, 1 UNION ALL SELECT 0, 0)"

    /// One row per treatment, from `session_groups` and its bookings.
    static let treatments = """
        SELECT \(KPICounterSchema.groupValues("g")),
               \(KPICounterSchema.bookingAggregates("g.session_group_id").map { "\($0.expression) AS \($0.column)" }.joined(separator: ",\n"))
        FROM session_groups g
        """

    /// Treatment counts with roll-ups from a table or subquery shaped like `kpi_treatments`.
    static func treatmentCounts(from source: String) -> String {
        """
        SELECT CASE r.rp WHEN 1 THEN e.provider_id ELSE 0 END, CASE r.rs WHEN 1 THEN e.service_id ELSE 0 END,
               e.event, e.day, e.strategy, SUM(e.n), SUM(e.u)
        FROM (SELECT provider_id, service_id, 'started' AS event, started_day AS day, strategy, 1 AS n, 0 AS u FROM \(source)
              UNION ALL
              SELECT provider_id, service_id, state, COALESCE(closed_day, 0), strategy, 1,
                     CASE WHEN closed_day IS NULL THEN total_sessions - held_sessions ELSE 0 END FROM \(source)
              UNION ALL
              SELECT provider_id, service_id, 'lapses', \(ClinicDaySQL.day(of: "expires_at")), strategy, 1,
                     total_sessions - held_sessions FROM \(source) l WHERE \(KPICounterSchema.lapses("l"))) e,
             \(rollupFlags) r
        GROUP BY 1, 2, 3, 4, 5
        """
    }
}
