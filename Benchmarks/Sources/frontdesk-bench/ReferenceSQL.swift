import Foundation
import FrontdeskCore
import FrontdeskStore

/// The queries the `sqlite3` command line runs for the side-by-side comparisons: the same questions
/// Frontdesk answers, written plainly, with the clinic's day boundaries filled in.
enum ReferenceSQL {
    /// The agenda of `days` days from the clinic-local day of `now`, with the same rows and order as
    /// `frontdesk agenda` (live bookings, by start then id) and local times formatted by SQLite.
    static func agenda(calendar: ClinicCalendar, now: Date, days: Int) -> String {
        let today = calendar.localDay(of: now)
        let from = Int64(calendar.startOfDay(today).timeIntervalSince1970)
        let to = Int64(calendar.startOfDay(today.adding(days: days)).timeIntervalSince1970)
        return """
        SELECT date(b.start_at, 'unixepoch', 'localtime'), time(b.start_at, 'unixepoch', 'localtime'),
               time(b.end_at, 'unixepoch', 'localtime'), c.name, s.name, p.name, b.label, b.status,
               b.session_number, b.total_sessions
        FROM bookings b
        JOIN customers c ON c.id = b.customer_id
        JOIN services s ON s.id = b.service_id
        JOIN providers p ON p.id = b.provider_id
        WHERE b.start_at >= \(from) AND b.start_at < \(to) AND b.status IN ('completed', 'confirmed', 'no_show')
        ORDER BY b.start_at, b.id;
        """
    }

    /// The Dashboard's KPI set (SPEC §5) computed from the base tables with no summaries.
    static func kpis(calendar: ClinicCalendar, now: Date) -> String {
        let today = calendar.localDay(of: now)
        let n = Int64(now.timeIntervalSince1970)
        let dayStart = Int64(calendar.startOfDay(today).timeIntervalSince1970)
        let dayEnd = Int64(calendar.startOfDay(today.adding(days: 1)).timeIntervalSince1970)
        let mondayOffset = today.weekday.rawValue - 1
        let weekStart = Int64(calendar.startOfDay(today.adding(days: -mondayOffset)).timeIntervalSince1970)
        let weekEnd = Int64(calendar.startOfDay(today.adding(days: 7 - mondayOffset)).timeIntervalSince1970)
        let chartStart = weekStart - 11 * 7 * 86_400
        // A group is closed when completed, cancelled, or expired (flexible, past its expiry).
        let state = """
            CASE WHEN g.completed_at IS NOT NULL THEN 'completed' WHEN g.cancelled = 1 THEN 'cancelled'
                 WHEN g.expires_at IS NOT NULL AND g.expires_at <= \(n) THEN 'expired' ELSE 'active' END
            """
        return """
        -- Active treatments and the completion rate, overall and per strategy.
        SELECT 'groups', g.strategy, SUM(st = 'active'), SUM(st = 'completed'), SUM(st = 'cancelled'), SUM(st = 'expired'),
               ROUND(100.0 * SUM(st = 'completed') / NULLIF(SUM(st != 'active'), 0), 1)
        FROM (SELECT g.strategy, \(state) AS st FROM session_groups g) g GROUP BY g.strategy;
        -- Sessions today and this week.
        SELECT 'sessions today', COUNT(*) FROM bookings WHERE start_at >= \(dayStart) AND start_at < \(dayEnd) AND status != 'cancelled';
        SELECT 'sessions this week', COUNT(*) FROM bookings WHERE start_at >= \(weekStart) AND start_at < \(weekEnd) AND status != 'cancelled';
        -- Overdue sequential groups: nothing booked ahead, and the maximum gap (else twice the recommended) has passed.
        SELECT 'overdue sequential', COUNT(*) FROM session_groups g JOIN services s ON s.id = g.service_id
        WHERE g.strategy = 'sequential' AND g.cancelled = 0 AND g.completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'confirmed')
          AND (SELECT MAX(b.start_at) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'completed')
              + 86400 * COALESCE(json_extract(s.session_buffer_config, '$.maximum_days'),
                                 2 * json_extract(s.session_buffer_config, '$.recommended_days'), 14) < \(n);
        -- Unscheduled sessions left in open flexible packages.
        SELECT 'unscheduled flexible', SUM(g.total_sessions - (SELECT COUNT(*) FROM bookings b
               WHERE b.session_group_id = g.session_group_id AND b.status != 'cancelled'))
        FROM session_groups g WHERE g.strategy = 'flexible' AND g.cancelled = 0 AND g.completed_at IS NULL
          AND (g.expires_at IS NULL OR g.expires_at > \(n));
        -- Packages expiring within 30 days.
        SELECT 'expiring 30 days', COUNT(*) FROM session_groups g WHERE g.cancelled = 0 AND g.completed_at IS NULL
          AND g.expires_at > \(n) AND g.expires_at <= \(n + 30 * 86_400);
        -- No-show rate over past sessions.
        SELECT 'no-show rate', ROUND(100.0 * SUM(status = 'no_show') / NULLIF(SUM(status IN ('completed', 'no_show')), 0), 2)
        FROM bookings WHERE start_at < \(n);
        -- Strategy popularity.
        SELECT 'popularity', strategy, COUNT(*) FROM session_groups GROUP BY strategy ORDER BY 3 DESC;
        -- Sessions per week, the last 12 weeks.
        SELECT 'week', (start_at - \(chartStart)) / 604800, COUNT(*) FROM bookings
        WHERE start_at >= \(chartStart) AND start_at < \(weekEnd) AND status != 'cancelled'
        GROUP BY (start_at - \(chartStart)) / 604800;
        """
    }
}
