import GRDB

/// "speed: covering indexes": the partial indexes behind the overdue, expired and expiring figures
/// (`OverdueTreatments`, `DashboardRead`) hold every column those queries test. Before, each
/// matching treatment cost a lookup of its table row (the partial index's own conditions on
/// `closed_day`, `strategy` and the session counts are tested again by SQLite 3.40, on the row):
/// at 1,000,000 bookings `frontdesk kpi` read about 5,300 pages, 4,200 of them for the overdue count.
///
/// Self-contained: it reads only `kpi_treatments` (v5 kpi) and keeps the index names the queries name
/// in `INDEXED BY`.
enum SpeedMigration {
    static let name = "speed: covering indexes for the overdue, expired and expiring figures"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS kpi_treatments_waiting;
            CREATE INDEX kpi_treatments_waiting
                ON kpi_treatments(service_id, last_completed_number, last_completed_at, provider_id, expires_at,
                                  strategy, closed_day, confirmed_sessions, held_sessions, total_sessions)
                WHERE strategy = 'sequential' AND closed_day IS NULL AND confirmed_sessions = 0
                  AND held_sessions < total_sessions AND last_completed_at IS NOT NULL;
            DROP INDEX IF EXISTS kpi_treatments_expiry;
            CREATE INDEX kpi_treatments_expiry
                ON kpi_treatments(expires_at, confirmed_sessions, strategy, provider_id, service_id, held_sessions,
                                  total_sessions, closed_day)
                WHERE expires_at IS NOT NULL AND closed_day IS NULL;
            """)
    }
}
