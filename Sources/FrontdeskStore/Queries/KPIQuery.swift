import Foundation
import FrontdeskCore
import GRDB

/// Counts for the dashboard. The formulas live in the core (`KPIReport`); the store only counts,
/// each count an indexed range or a pass over the (small) session-group table.
extension AppDatabase {
    /// How far back the no-show rate looks: recent behaviour is what the desk can act on.
    public static let noShowWindowDays = 90

    public func kpiReport() throws(StoreError) -> KPIReport {
        KPIReport(try kpiInputs())
    }

    public func kpiInputs() throws(StoreError) -> KPIInputs {
        let now = self.now
        let calendar = self.calendar
        let n = now.storedSeconds
        let today = calendar.localDay(of: now)
        let weekStart = today.adding(days: -(today.weekday.rawValue - 1))
        let bounds = (
            today: calendar.startOfDay(today).storedSeconds, tomorrow: calendar.startOfDay(today.adding(days: 1)).storedSeconds,
            week: calendar.startOfDay(weekStart).storedSeconds, nextWeek: calendar.startOfDay(weekStart.adding(days: 7)).storedSeconds
        )
        return try read { db in
            var inputs = KPIInputs()
            // The stored state counts every group but the expired ones, which the clock decides: those
            // are the few "to book" packages past their date with nothing booked.
            for row in try Row.fetchAll(db, sql: """
                SELECT strategy, state, COUNT(*) AS count FROM session_groups GROUP BY strategy, state
                """) {
                guard let strategy = Strategy(rawValue: row["strategy"]), let state = GroupState(rawValue: row["state"]) else { continue }
                inputs.groups[strategy, default: GroupStateCounts()][state] += row["count"] as Int
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT strategy, COUNT(*) AS expired FROM session_groups
                WHERE state = 'to_book' AND expires_at <= ? AND earliest_confirmed_at IS NULL
                GROUP BY strategy
                """, arguments: [n]) {
                guard let strategy = Strategy(rawValue: row["strategy"]) else { continue }
                let expired: Int = row["expired"]
                inputs.groups[strategy, default: GroupStateCounts()].toBook -= expired
                inputs.groups[strategy, default: GroupStateCounts()].expired += expired
            }
            inputs.sessionsToday = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM bookings WHERE start_at >= ? AND start_at < ? AND status != 'cancelled'
                """, arguments: [bounds.today, bounds.tomorrow]) ?? 0
            inputs.sessionsThisWeek = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM bookings WHERE start_at >= ? AND start_at < ? AND status != 'cancelled'
                """, arguments: [bounds.week, bounds.nextWeek]) ?? 0
            inputs.overdueSequentialGroups = try Self.overdueSequentialCount(db, now: now, calendar: calendar)
            inputs.unscheduledFlexibleSessions = try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(MAX(g.total_sessions - (SELECT COUNT(*) FROM bookings b
                    WHERE b.session_group_id = g.session_group_id AND b.status IN ('confirmed', 'completed')), 0)), 0)
                FROM session_groups g
                WHERE g.strategy = 'flexible' AND g.state IN ('active', 'to_book')
                  AND (g.expires_at IS NULL OR g.expires_at > ?)
                """, arguments: [n]) ?? 0
            inputs.packagesExpiringWithin30Days = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM session_groups g
                WHERE g.strategy = 'flexible' AND g.state IN ('active', 'to_book')
                  AND g.expires_at > ? AND g.expires_at <= ?
                  AND g.total_sessions > (SELECT COUNT(*) FROM bookings b WHERE b.session_group_id = g.session_group_id
                                          AND b.status IN ('confirmed', 'completed'))
                """, arguments: [n, n + Int64(FollowUpRules.expiryWarningDays) * 86_400]) ?? 0
            let since = n - Int64(Self.noShowWindowDays) * 86_400
            for row in try Row.fetchAll(db, sql: """
                SELECT status, COUNT(*) AS count FROM bookings
                WHERE start_at >= ? AND start_at < ? AND status IN ('completed', 'no_show') GROUP BY status
                """, arguments: [since, n]) {
                let count: Int = row["count"]
                if row["status"] == "completed" { inputs.completedSessions = count } else { inputs.noShowSessions = count }
            }
            return inputs
        }
    }

    /// Sequential treatments waiting for their next booking longer than the maximum gap (else twice the recommended).
    static func overdueSequentialCount(_ db: Database, now: Date, calendar: ClinicCalendar) throws -> Int {
        let rows = try Row.fetchAll(db, sql: """
            SELECT g.strategy, g.total_sessions, g.session_buffer_config, b.start_at, b.session_number FROM session_groups g
            JOIN bookings b ON b.session_group_id = g.session_group_id AND b.status = 'completed'
            WHERE g.strategy = 'sequential' AND g.state = 'to_book' AND g.earliest_confirmed_at IS NULL AND g.anchor_at <= ?
              AND b.session_number = (SELECT MAX(d.session_number) FROM bookings d
                                      WHERE d.session_group_id = g.session_group_id AND d.status = 'completed')
            """, arguments: [now.storedSeconds])
        // Each treatment's own copy of its rules; most share one, so each distinct copy is parsed once.
        var rulesByCopy: [String: BufferRules] = [:]
        var count = 0
        for row in rows {
            let total: Int = row["total_sessions"]
            let config: String = row["session_buffer_config"] ?? "{}"
            let key = "\(total)|\(config)"
            if rulesByCopy[key] == nil {
                rulesByCopy[key] = groupRules(config, totalSessions: total, strategy: .sequential)
            }
            guard let rules = rulesByCopy[key] else { continue }
            let number: Int = row["session_number"]
            guard number < total else { continue }
            let gap = rules.gap(afterSession: number)
            let due = FollowUpRules.overdueAt(lastSessionStart: Date(storedSeconds: row["start_at"]), gap: gap, calendar: calendar)
            if now > due { count += 1 }
        }
        return count
    }

    /// Live sessions per week for `weeks` weeks starting with the current one (the dashboard's bars).
    public func sessionsPerWeek(weeks: Int = 8, startingWeeksAgo: Int = 4) throws(StoreError) -> [(weekStart: LocalDay, sessions: Int)] {
        let calendar = self.calendar
        let today = calendar.localDay(of: now)
        let thisWeek = today.adding(days: -(today.weekday.rawValue - 1))
        let first = thisWeek.adding(days: -7 * startingWeeksAgo)
        return try read { db in
            try (0..<weeks).map { index in
                let start = first.adding(days: 7 * index)
                let count = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM bookings WHERE start_at >= ? AND start_at < ? AND status != 'cancelled'
                    """, arguments: [calendar.startOfDay(start).storedSeconds, calendar.startOfDay(start.adding(days: 7)).storedSeconds]) ?? 0
                return (start, count)
            }
        }
    }
}
