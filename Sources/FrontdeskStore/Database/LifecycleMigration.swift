import Foundation
import FrontdeskCore
import GRDB

/// "v4 lifecycle": each treatment keeps its state (the core's `GroupState` without the clock) and
/// how it was ended early; a missed (no-show) session frees its number like a cancelled one.
///
/// Self-contained: it reads only v1 columns, so it runs the same whichever other v4 migrations
/// were registered before it.
enum LifecycleMigration {
    static let name = "v4 lifecycle: treatment state, ended early, missed sessions free their number"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE session_groups ADD COLUMN state TEXT NOT NULL DEFAULT 'to_book'
                CHECK (state IN ('active', 'to_book', 'completed', 'cancelled', 'ended'));
            ALTER TABLE session_groups ADD COLUMN ended_at INTEGER;
            ALTER TABLE session_groups ADD COLUMN ended_reason TEXT;
            ALTER TABLE session_groups ADD COLUMN ended_by TEXT;
            -- The start of the earliest confirmed session, NULL when nothing is booked: with the state it
            -- answers "expired" and "needs outcome" from the group row instead of its bookings.
            ALTER TABLE session_groups ADD COLUMN earliest_confirmed_at INTEGER;
            CREATE INDEX session_groups_on_state_anchor ON session_groups(state, anchor_at, session_group_id);
            CREATE INDEX session_groups_on_earliest_confirmed ON session_groups(earliest_confirmed_at)
                WHERE earliest_confirmed_at IS NOT NULL;

            -- A session number is held by a confirmed or completed booking; cancelled and missed ones free it.
            DROP INDEX bookings_one_live_session_number;
            CREATE UNIQUE INDEX bookings_one_held_session_number
                ON bookings(session_group_id, session_number)
                WHERE session_group_id IS NOT NULL AND status IN ('confirmed', 'completed');
            """)
        try fillStates(db)
    }

    /// Computes every existing treatment's state with the core's rule, in one ordered pass over the
    /// groups and one over their bookings (no query per group).
    private static func fillStates(_ db: Database) throws {
        struct Head { var id: String; var total: Int; var cancelled: Bool; var completedAt: Int64? }
        let heads = try Row.fetchAll(db, sql: """
            SELECT session_group_id, total_sessions, cancelled, completed_at FROM session_groups ORDER BY session_group_id
            """).map { Head(id: $0["session_group_id"], total: $0["total_sessions"], cancelled: $0["cancelled"],
                            completedAt: $0["completed_at"]) }
        struct Facts { var sessions: [(number: Int, status: BookingStatus)] = []; var earliestConfirmed: Int64?; var lastCompleted: Int64? }
        var facts: [String: Facts] = [:]
        facts.reserveCapacity(heads.count)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT session_group_id, session_number, status, start_at FROM bookings WHERE session_group_id IS NOT NULL
            """)
        while let row = try rows.next() {
            let id: String = row["session_group_id"]
            let status = BookingStatus(rawValue: row["status"]) ?? .confirmed
            let start: Int64 = row["start_at"]
            var entry = facts[id] ?? Facts()
            entry.sessions.append((row["session_number"], status))
            if status == .confirmed { entry.earliestConfirmed = min(entry.earliestConfirmed ?? start, start) }
            if status == .completed { entry.lastCompleted = max(entry.lastCompleted ?? start, start) }
            facts[id] = entry
        }
        let update = try db.makeStatement(sql: """
            UPDATE session_groups SET state = ?, earliest_confirmed_at = ?, completed_at = ? WHERE session_group_id = ?
            """)
        for head in heads {
            let entry = facts[head.id] ?? Facts()
            let state = GroupState.stored(totalSessions: head.total, sessions: entry.sessions, cancelled: head.cancelled, ended: false)
            let completedAt = state == .completed ? (head.completedAt ?? entry.lastCompleted) : nil
            try update.execute(arguments: [state.rawValue, entry.earliestConfirmed, completedAt, head.id])
        }
    }
}
