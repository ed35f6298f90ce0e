import GRDB

/// "speed: covering index": the partial index behind the expired and expiring figures
/// (`DashboardRead`, `DashboardLists`) holds every column those queries test. Before, each matching
/// treatment cost a lookup of its table row (SQLite 3.40 tests the partial index's own condition on
/// `closed_day` again, on the row): at 1,000,000 bookings the expiring count read about 1,060 pages
/// for 1,250 treatments, now about 20.
///
/// Self-contained: it reads only `kpi_treatments` (v5 kpi) and keeps the index name the queries name
/// in `INDEXED BY`. (The overdue figure's index belongs to the "dashboard: overdue" migration.)
enum SpeedMigration {
    static let name = "speed: covering index for the expired and expiring figures"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS kpi_treatments_expiry;
            CREATE INDEX kpi_treatments_expiry
                ON kpi_treatments(expires_at, confirmed_sessions, strategy, provider_id, service_id, held_sessions,
                                  total_sessions, closed_day)
                WHERE expires_at IS NOT NULL AND closed_day IS NULL;
            """)
    }
}
