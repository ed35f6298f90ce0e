import Foundation
import FrontdeskCore
import GRDB

/// Everything the Dashboard shows, read from the counters (`KPICounterSchema`) in one read
/// transaction: a few primary-key ranges and small partial-index ranges, never a scan of bookings.
extension AppDatabase {
    /// The Dashboard's figures for a period and optional provider and service: tiles, per-strategy
    /// rates, sessions today and this week, overdue, unscheduled, expiring, no-show rate, popularity
    /// and the weekly series. The formulas are the core's (`KPIReport`).
    public func dashboard(_ query: DashboardQuery = DashboardQuery()) throws(StoreError) -> KPIReport {
        let now = self.now
        let calendar = self.calendar
        return try read { db in
            KPIReport(try Self.dashboardCounts(db, query: query, now: now, calendar: calendar))
        }
    }

    static func dashboardCounts(_ db: Database, query: DashboardQuery, now: Date, calendar: ClinicCalendar) throws -> DashboardCounts {
        let today = calendar.localDay(of: now)
        let period = query.period.range(today: today)
        let filter = DashboardFilterSQL(query)
        var counts = DashboardCounts(period: period)

        // Sessions: the chart's weeks (which hold today and this week), then the period.
        let weeks = DashboardQuery.chartWeeks(today: today)
        let firstDay = weeks.first!.ordinal
        let monday = today.mondayOfWeek.ordinal
        counts.weeks = weeks.map { WeekSessions(weekStart: $0, sessions: SessionCounts()) }
        for row in try Row.fetchAll(db, sql: """
            SELECT day, status, sessions FROM kpi_sessions
            WHERE provider_id = ? AND service_id = ? AND day BETWEEN ? AND ?
            """, arguments: [filter.provider, filter.service, firstDay, weeks.last!.ordinal + 6]) {
            let day: Int = row["day"], sessions: Int = row["sessions"]
            guard let status = BookingStatus(rawValue: row["status"]) else { continue }
            counts.weeks[(day - firstDay) / 7].sessions.add(sessions, status)
            if day == today.ordinal { counts.today.add(sessions, status) }
            if day >= monday, day < monday + 7 { counts.thisWeek.add(sessions, status) }
        }
        let days = period.map { "AND day BETWEEN \($0.lowerBound.ordinal) AND \($0.upperBound.ordinal)" } ?? ""
        for row in try Row.fetchAll(db, sql: """
            SELECT status, SUM(sessions) AS sessions FROM kpi_sessions
            WHERE provider_id = ? AND service_id = ? \(days) GROUP BY status
            """, arguments: [filter.provider, filter.service]) {
            if let status = BookingStatus(rawValue: row["status"]) { counts.periodSessions.add(row["sessions"], status) }
        }

        // Treatments: open now, and started or closed in the period.
        var open: [Strategy: (treatments: Int, unscheduled: Int)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT strategy, SUM(treatments) AS treatments, SUM(unscheduled) AS unscheduled FROM kpi_treatment_counts
            WHERE provider_id = ? AND service_id = ? AND event IN \(KPICounterSchema.openStates) AND day = 0 GROUP BY strategy
            """, arguments: [filter.provider, filter.service]) {
            guard let strategy = Strategy(rawValue: row["strategy"]) else { continue }
            open[strategy] = (row["treatments"], row["unscheduled"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT event, strategy, SUM(treatments) AS treatments FROM kpi_treatment_counts
            WHERE provider_id = ? AND service_id = ? AND event IN ('started', 'completed', 'cancelled', 'ended') \(days)
            GROUP BY event, strategy
            """, arguments: [filter.provider, filter.service]) {
            guard let strategy = Strategy(rawValue: row["strategy"]) else { continue }
            let n: Int = row["treatments"]
            switch row["event"] as String {
            case "started": counts.started[strategy, default: 0] += n
            case "completed": counts.closed[strategy, default: ClosedTreatments()].completed += n
            case "cancelled": counts.closed[strategy, default: ClosedTreatments()].cancelled += n
            default: counts.closed[strategy, default: ClosedTreatments()].endedEarly += n
            }
        }
        // Expired packages are open in the counters (expiry is a matter of the clock): take them out.
        let periodStart = period.map { calendar.startOfDay($0.lowerBound).storedSeconds } ?? Int64.min
        let periodEnd = period.map { calendar.startOfDay($0.upperBound.adding(days: 1)).storedSeconds } ?? Int64.max
        for row in try Row.fetchAll(db, sql: """
            SELECT strategy, COUNT(*) AS n, SUM(total_sessions - held_sessions) AS unscheduled,
                   SUM(expires_at >= ? AND expires_at < ?) AS in_period
            FROM kpi_treatments INDEXED BY kpi_treatments_expiry
            WHERE \(KPICounterSchema.expiredNow) \(filter.treatments) GROUP BY strategy
            """, arguments: [periodStart, periodEnd, now.storedSeconds]) {
            guard let strategy = Strategy(rawValue: row["strategy"]) else { continue }
            let n: Int = row["n"], unscheduled: Int = row["unscheduled"]
            open[strategy, default: (0, 0)].treatments -= n
            open[strategy, default: (0, 0)].unscheduled -= unscheduled
            counts.closed[strategy, default: ClosedTreatments()].expired += row["in_period"] as Int
        }
        for (strategy, value) in open where value.treatments != 0 { counts.active[strategy] = value.treatments }
        // Strategies with nothing to count are left out (counters can hold rows that went back to zero).
        counts.closed = counts.closed.filter { $0.value != ClosedTreatments() }
        counts.started = counts.started.filter { $0.value != 0 }
        counts.unscheduledFlexibleSessions = open[.flexible]?.unscheduled ?? 0
        counts.packagesExpiringSoon = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM kpi_treatments INDEXED BY kpi_treatments_expiry WHERE \(KPICounterSchema.expiringSoon) \(filter.treatments)
            """, arguments: [now.storedSeconds, Self.expiryHorizon(now: now, calendar: calendar).storedSeconds]) ?? 0
        counts.overdueSequential = try OverdueTreatments(db, filter: filter, now: now, calendar: calendar).count()
        return counts
    }

    /// The end of the "expiring within 30 days" window.
    static func expiryHorizon(now: Date, calendar: ClinicCalendar) -> Date {
        calendar.adding(days: FollowUpRules.expiryWarningDays, to: now)
    }
}

/// A Dashboard filter as SQL: counter keys (0 = any) and conditions on `kpi_treatments`.
struct DashboardFilterSQL {
    let provider: Int64
    let service: Int64
    /// " AND provider_id = 3 AND service_id = 5", or "" without filters (numbers, never text).
    let treatments: String

    init(_ query: DashboardQuery) {
        provider = query.providerID ?? 0
        service = query.serviceID ?? 0
        treatments = (query.providerID.map { " AND provider_id = \($0)" } ?? "") + (query.serviceID.map { " AND service_id = \($0)" } ?? "")
    }
}
