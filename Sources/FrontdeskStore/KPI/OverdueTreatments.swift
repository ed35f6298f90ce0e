import Foundation
import FrontdeskCore
import GRDB

/// Sequential treatments overdue for their next session, found without reading every waiting one.
///
/// A treatment is overdue when `now` is past its last completed session plus the overdue gap after
/// that session under the treatment's own copy of its rules (`FollowUpRules.overdueAt`: the maximum
/// gap, else twice the recommended one). `OverdueInstants` keeps that instant per waiting treatment,
/// so the overdue ones are one range of its index; the few whose instant another program's write
/// cleared are worked out here with the same rule.
struct OverdueTreatments {
    let db: Database
    let filter: DashboardFilterSQL
    let now: Date
    let calendar: ClinicCalendar

    init(_ db: Database, filter: DashboardFilterSQL, now: Date, calendar: ClinicCalendar) {
        self.db = db
        self.filter = filter
        self.now = now
        self.calendar = calendar
    }

    /// How many treatments are overdue.
    func count() throws -> Int {
        let kept = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM kpi_treatments INDEXED BY kpi_treatments_overdue
            WHERE \(OverdueInstants.waiting) AND overdue_at < ? AND \(Self.notExpired) \(filter.treatments)
            """, arguments: [now.timeIntervalSince1970, now.storedSeconds]) ?? 0
        return kept + (try cleared().count)
    }

    /// The overdue treatments' ids, the longest overdue first, at most `limit`.
    func ids(limit: Int) throws -> [String] {
        var found: [(id: String, at: Int64)] = try Row.fetchAll(db, sql: """
            SELECT session_group_id, overdue_at FROM kpi_treatments INDEXED BY kpi_treatments_overdue
            WHERE \(OverdueInstants.waiting) AND overdue_at < ? AND \(Self.notExpired) \(filter.treatments)
            ORDER BY overdue_at, session_group_id LIMIT ?
            """, arguments: [now.timeIntervalSince1970, now.storedSeconds, limit]).map { ($0["session_group_id"], $0["overdue_at"]) }
        found += try cleared().map { ($0.id, $0.at.storedSeconds) }
        return found.sorted { ($0.at, $0.id) < ($1.at, $1.id) }.prefix(limit).map(\.id)
    }

    /// A waiting treatment (nothing booked) past its expiry date is expired, not overdue (one parameter: now).
    static let notExpired = "(expires_at IS NULL OR expires_at > ?)"

    /// Waiting treatments whose instant was cleared and not yet filled, that are overdue now.
    private func cleared() throws -> [(id: String, at: Date)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT session_group_id, last_completed_at, last_completed_number FROM kpi_treatments INDEXED BY kpi_treatments_overdue
            WHERE \(OverdueInstants.waiting) AND overdue_at IS NULL AND \(Self.notExpired) \(filter.treatments)
            """, arguments: [now.storedSeconds])
        guard !rows.isEmpty else { return [] }
        return try OverdueInstants.instants(db, of: rows.map(OverdueInstants.waitingRow), calendar: calendar).filter { now > $0.at }
    }
}
