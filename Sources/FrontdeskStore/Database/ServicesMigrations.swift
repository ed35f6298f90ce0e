import Foundation
import GRDB

/// The schema for issue 9 (services, providers, closed days): treatments keep the rules they were
/// booked under, provider absences and clinic closed days are tables of their own. Self-contained:
/// it depends on no other engineer's migration.
enum ServicesMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7 services: treatments keep their rules, absences, clinic closed days") { db in
            try db.execute(sql: v7)
            try moveClosedDaysToAbsences(db)
            // "3 active treatments keep their current rules" is counted per service from an index,
            // with the treatment state when that column exists ("v4 lifecycle").
            let hasState = try db.columns(in: "session_groups").contains { $0.name == "state" }
            try db.execute(sql: "CREATE INDEX session_groups_on_service ON session_groups(service_id\(hasState ? ", state" : ""))")
        }
    }

    // A session group keeps a copy of its service's buffer configuration, session plan and default
    // duration, taken when it is created (`insertGroup`), so that editing a service changes new
    // treatments only; existing groups get their service's current rules here. A table of its own,
    // one row per group: writing it never runs the triggers other features keep on session_groups.
    private static let v7 = """
    CREATE TABLE session_group_rules (
        session_group_id TEXT PRIMARY KEY NOT NULL REFERENCES session_groups(session_group_id) ON DELETE CASCADE,
        session_buffer_config TEXT NOT NULL,
        session_plan TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO session_group_rules(session_group_id, session_buffer_config, session_plan, duration_minutes)
    SELECT g.session_group_id, s.session_buffer_config, s.session_plan, s.duration_minutes
    FROM session_groups g JOIN services s ON s.id = g.service_id;

    -- Days are clinic-local YYYY-MM-DD texts, which sort as dates.
    CREATE TABLE provider_absences (
        id INTEGER PRIMARY KEY,
        provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
        first_day TEXT NOT NULL CHECK (first_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        last_day TEXT NOT NULL CHECK (last_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        reason TEXT NOT NULL DEFAULT '',
        CHECK (last_day >= first_day),
        UNIQUE (provider_id, first_day)
    );
    CREATE INDEX provider_absences_on_last_day ON provider_absences(provider_id, last_day);

    CREATE TABLE clinic_closed_days (
        day TEXT PRIMARY KEY NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        reason TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;

    -- `frontdesk audit --since` reads the newest events first.
    CREATE INDEX audit_events_on_at ON audit_events(at);
    """

    /// Closed days typed with `provider add --closed` were a JSON column; they become absences.
    private static func moveClosedDaysToAbsences(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, closed_days FROM providers WHERE closed_days NOT IN ('', '[]')")
        for row in rows {
            let text: String = row["closed_days"]
            let days = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
            for day in Set(days) where day.count == 10 {
                try db.execute(sql: "INSERT OR IGNORE INTO provider_absences(provider_id, first_day, last_day, reason) VALUES (?, ?, ?, '')",
                               arguments: [row["id"], day, day])
            }
            try db.execute(sql: "UPDATE providers SET closed_days = '[]' WHERE id = ?", arguments: [row["id"]])
        }
    }
}
