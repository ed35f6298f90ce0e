import Foundation
import FrontdeskCore
import GRDB

/// The lists behind the Dashboard's tiles (Enter on overdue, expiring, unscheduled or today), with
/// the same filter as the figures, read from the same indexes.
extension AppDatabase {
    /// The rows of one tile's list, at most `limit`: treatments (overdue longest overdue first,
    /// expiring soonest first, unscheduled soonest to expire first) or today's sessions in time order.
    /// The period does not apply: these lists are about now.
    public func dashboardList(_ list: KPIList, query: DashboardQuery = DashboardQuery(), limit: Int = 200) throws(StoreError) -> KPIListRows {
        let now = self.now
        let calendar = self.calendar
        let filter = DashboardFilterSQL(query)
        return try read { db in
            switch list {
            case .today:
                let today = calendar.localDay(of: now)
                var conditions = ["b.start_at >= ?", "b.start_at < ?", "b.status != 'cancelled'"]
                if let provider = query.providerID { conditions.append("b.provider_id = \(provider)") }
                if let service = query.serviceID { conditions.append("b.service_id = \(service)") }
                return .sessions(try Row.fetchAll(db, sql: """
                    SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
                    WHERE \(conditions.joined(separator: " AND ")) ORDER BY b.start_at, b.id LIMIT ?
                    """, arguments: [calendar.startOfDay(today).storedSeconds, calendar.startOfDay(today.adding(days: 1)).storedSeconds,
                                     limit]).map(RowDecoding.booking))
            case .overdue:
                let ids = try OverdueTreatments(db, filter: filter, now: now, calendar: calendar).ids(limit: limit)
                return .treatments(try Self.treatmentSummaries(db, ids: ids))
            case .expiring:
                let ids = try String.fetchAll(db, sql: """
                    SELECT session_group_id FROM kpi_treatments INDEXED BY kpi_treatments_expiry WHERE \(KPICounterSchema.expiringSoon) \(filter.treatments)
                    ORDER BY expires_at, session_group_id LIMIT ?
                    """, arguments: [now.storedSeconds, Self.expiryHorizon(now: now, calendar: calendar).storedSeconds, limit])
                return .treatments(try Self.treatmentSummaries(db, ids: ids))
            case .unscheduled:
                let ids = try String.fetchAll(db, sql: """
                    SELECT session_group_id FROM kpi_treatments INDEXED BY kpi_treatments_open
                    WHERE closed_day IS NULL AND strategy = 'flexible' AND held_sessions < total_sessions
                      AND NOT (expires_at IS NOT NULL AND expires_at <= ? AND confirmed_sessions = 0) \(filter.treatments)
                    ORDER BY expires_at IS NULL, expires_at, session_group_id LIMIT ?
                    """, arguments: [now.storedSeconds, limit])
                return .treatments(try Self.treatmentSummaries(db, ids: ids))
            }
        }
    }

    /// The treatments with these ids, in the order given, each with its sessions counted by status.
    static func treatmentSummaries(_ db: Database, ids: [String]) throws -> [TreatmentSummary] {
        guard !ids.isEmpty else { return [] }
        let placeholders = ids.map { _ in "?" }.joined(separator: ",")
        var byID: [String: TreatmentSummary] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT g.session_group_id, g.customer_id, g.strategy, g.total_sessions, g.anchor_at, g.cancelled,
                   g.completed_at, g.expires_at, c.name AS customer_name, s.name AS service_name, s.session_noun,
                   (SELECT COUNT(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'completed') AS completed,
                   (SELECT COUNT(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'confirmed') AS booked,
                   (SELECT COUNT(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'cancelled') AS cancelled_sessions,
                   (SELECT COUNT(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'no_show') AS no_show,
                   (SELECT MIN(start_at) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'confirmed') AS next_start
            FROM session_groups g JOIN customers c ON c.id = g.customer_id JOIN services s ON s.id = g.service_id
            WHERE g.session_group_id IN (\(placeholders))
            """, arguments: StatementArguments(ids)) {
            let completedAt: Int64? = row["completed_at"], expiresAt: Int64? = row["expires_at"], next: Int64? = row["next_start"]
            let summary = TreatmentSummary(
                kind: .group, groupID: row["session_group_id"], bookingID: nil, customerID: row["customer_id"],
                customerName: row["customer_name"], serviceName: row["service_name"], sessionNoun: row["session_noun"],
                strategy: Strategy(rawValue: row["strategy"]), totalSessions: row["total_sessions"],
                completed: row["completed"], booked: row["booked"], cancelled: row["cancelled_sessions"], noShow: row["no_show"],
                nextStart: next.map(Date.init(storedSeconds:)), anchor: Date(storedSeconds: row["anchor_at"]), singleStatus: nil,
                groupCancelled: row["cancelled"], completedAt: completedAt.map(Date.init(storedSeconds:)),
                expiresAt: expiresAt.map(Date.init(storedSeconds:)))
            byID[summary.groupID!] = summary
        }
        return ids.compactMap { byID[$0] }
    }
}
