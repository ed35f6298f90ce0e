import Foundation
import FrontdeskCore
import GRDB

/// The instant each waiting sequential treatment becomes overdue, kept in `kpi_treatments.overdue_at`
/// so the Dashboard counts overdue treatments from one index range, under each treatment's own copy
/// of its rules (`session_group_rules`), exactly as the follow-ups do.
///
/// The instant depends on the clinic calendar (days and months keep the wall-clock time across
/// daylight saving), which SQL cannot work out, so the work is split:
/// - triggers (whoever writes) clear `overdue_at` when what it depends on changes: the latest
///   completed session, the treatment's sessions, strategy or service, its copy of the rules, and,
///   for a treatment without a copy, its service's rules;
/// - the application fills the cleared ones at the end of each of its write transactions
///   (`AppDatabase.write`), after a recount and when the migration runs;
/// - readers work out the few still cleared (rows written by another program) themselves, so a
///   figure is right whether or not they were filled.
enum OverdueInstants {
    /// Open sequential treatments with nothing booked, a number free and a completed session: those
    /// that can be overdue (the same condition as the partial index).
    static let waiting = KPICounterSchema.waiting

    /// The column, its index and the triggers that clear it (the "dashboard: overdue" migration).
    static let schema = """
        ALTER TABLE kpi_treatments ADD COLUMN overdue_at INTEGER;
        CREATE INDEX kpi_treatments_overdue ON kpi_treatments(overdue_at, provider_id, service_id, expires_at)
            WHERE \(waiting);
        -- Overdue was found per service gap on this index; kpi_treatments_overdue replaces it.
        DROP INDEX IF EXISTS kpi_treatments_waiting;
        CREATE TRIGGER dashboard_overdue_on_treatment
        AFTER UPDATE OF last_completed_at, last_completed_number, total_sessions, strategy, service_id ON kpi_treatments
        WHEN OLD.last_completed_at IS NOT NEW.last_completed_at OR OLD.last_completed_number IS NOT NEW.last_completed_number
          OR OLD.total_sessions IS NOT NEW.total_sessions OR OLD.strategy IS NOT NEW.strategy OR OLD.service_id IS NOT NEW.service_id
        BEGIN
            UPDATE kpi_treatments SET overdue_at = NULL WHERE session_group_id = NEW.session_group_id;
        END;
        CREATE TRIGGER dashboard_overdue_on_rules_insert AFTER INSERT ON session_group_rules BEGIN
            UPDATE kpi_treatments SET overdue_at = NULL WHERE session_group_id = NEW.session_group_id;
        END;
        CREATE TRIGGER dashboard_overdue_on_rules_update AFTER UPDATE ON session_group_rules BEGIN
            UPDATE kpi_treatments SET overdue_at = NULL WHERE session_group_id IN (OLD.session_group_id, NEW.session_group_id);
        END;
        CREATE TRIGGER dashboard_overdue_on_rules_delete AFTER DELETE ON session_group_rules BEGIN
            UPDATE kpi_treatments SET overdue_at = NULL WHERE session_group_id = OLD.session_group_id;
        END;
        -- A treatment without its own copy follows its service's rules as they are now.
        CREATE TRIGGER dashboard_overdue_on_service_rules AFTER UPDATE OF session_buffer_config ON services
        WHEN OLD.session_buffer_config IS NOT NEW.session_buffer_config BEGIN
            UPDATE kpi_treatments SET overdue_at = NULL
            WHERE service_id = NEW.id AND \(waiting)
              AND NOT EXISTS (SELECT 1 FROM session_group_rules r WHERE r.session_group_id = kpi_treatments.session_group_id);
        END;
        """

    /// The migration: the schema, then every waiting treatment's instant in the clinic's zone.
    /// The overdue index as wide as the figure's query: every column the waiting condition, the
    /// filters and the cleared-instant read test, so counting reads index pages only (at 1,000,000
    /// bookings ~110 pages instead of ~4,000 table lookups). A migration of its own.
    static let coveringIndex = """
        DROP INDEX IF EXISTS kpi_treatments_overdue;
        CREATE INDEX kpi_treatments_overdue ON kpi_treatments(
            overdue_at, provider_id, service_id, expires_at, strategy, closed_day, confirmed_sessions, held_sessions,
            total_sessions, last_completed_at, last_completed_number)
            WHERE \(waiting);
        """

    static func install(_ db: Database) throws {
        try db.execute(sql: schema)
        if let zone = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'"),
           let timeZone = TimeZone(identifier: zone) {
            try fill(db, calendar: ClinicCalendar(timeZone: timeZone))
        }
    }

    /// One waiting treatment as the overdue rule needs it.
    struct Waiting {
        var id: String
        var lastCompletedAt: Int64
        var lastCompletedNumber: Int
    }

    /// Works out and stores the instant of every waiting treatment whose instant was cleared: usually
    /// none or the one a transaction changed (one probe of the index), all of them after a recount.
    static func fill(_ db: Database, calendar: ClinicCalendar) throws {
        let cleared = try Row.fetchAll(db, sql: """
            SELECT session_group_id, last_completed_at, last_completed_number
            FROM kpi_treatments INDEXED BY kpi_treatments_overdue WHERE \(waiting) AND overdue_at IS NULL
            """).map(waitingRow)
        guard !cleared.isEmpty else { return }
        let update = try db.cachedStatement(sql: "UPDATE kpi_treatments SET overdue_at = ? WHERE session_group_id = ?")
        for (id, instant) in try instants(db, of: cleared, calendar: calendar) {
            try update.execute(arguments: [instant.storedSeconds, id])
        }
    }

    static func waitingRow(_ row: Row) -> Waiting {
        Waiting(id: row["session_group_id"], lastCompletedAt: row["last_completed_at"], lastCompletedNumber: row["last_completed_number"])
    }

    /// When each treatment becomes overdue, by the core's rule over the treatment's own copy of its
    /// rules (the follow-ups' reading of it). Treatments whose service is gone are left out.
    static func instants(_ db: Database, of treatments: [Waiting], calendar: ClinicCalendar) throws -> [(id: String, at: Date)] {
        var cache = GroupRulesCache()
        var result: [(id: String, at: Date)] = []
        let byID = Dictionary(treatments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A few hundred at a time: a recount fills every waiting treatment at once.
        for start in stride(from: 0, to: treatments.count, by: 500) {
            let ids = treatments[start..<min(start + 500, treatments.count)].map(\.id)
            for row in try Row.fetchAll(db, sql: """
                SELECT g.session_group_id, g.service_id, g.strategy, g.total_sessions,
                       r.session_buffer_config, r.session_plan, r.duration_minutes
                FROM session_groups g LEFT JOIN session_group_rules r ON r.session_group_id = g.session_group_id
                WHERE g.session_group_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(ids)) {
                guard let treatment = byID[row["session_group_id"]], let service = try cache.service(db, copy: row) else { continue }
                let at = FollowUpRules.overdueAt(afterSession: treatment.lastCompletedNumber,
                                                 start: Date(storedSeconds: treatment.lastCompletedAt),
                                                 gaps: service.gaps, calendar: calendar)
                result.append((treatment.id, at))
            }
        }
        return result
    }

    /// Waiting treatments whose stored instant differs from the rule's (for `kpi --verify`); a
    /// cleared instant is not a difference, it is worked out when read.
    static func differences(_ db: Database, calendar: ClinicCalendar, limit: Int) throws -> [KPICounterDifference] {
        guard limit > 0 else { return [] }
        var stored: [String: Int64] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT session_group_id, last_completed_at, last_completed_number, overdue_at FROM kpi_treatments
            WHERE \(waiting) AND overdue_at IS NOT NULL
            """)
        for row in rows { stored[row["session_group_id"]] = row["overdue_at"] }
        var result: [KPICounterDifference] = []
        for (id, at) in try instants(db, of: rows.map(waitingRow), calendar: calendar) where stored[id] != at.storedSeconds {
            result.append(KPICounterDifference(table: "kpi_treatments", side: .keptOnly,
                                               row: "session_group_id=\(id) overdue_at=\(stored[id].map(String.init) ?? "NULL")"))
            result.append(KPICounterDifference(table: "kpi_treatments", side: .recountedOnly,
                                               row: "session_group_id=\(id) overdue_at=\(at.storedSeconds)"))
            if result.count >= limit { break }
        }
        return result
    }
}
