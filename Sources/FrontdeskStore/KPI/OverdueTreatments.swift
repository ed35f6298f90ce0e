import Foundation
import FrontdeskCore
import GRDB

/// Sequential treatments overdue for their next session, found without reading every waiting one.
///
/// A treatment is overdue when `now` is past its last completed session plus the overdue gap after
/// that session (`FollowUpRules.overdueAt`: the maximum gap, else twice the recommended one). The gap
/// depends on the service and the session number, and calendar days and months have no fixed length,
/// so for each gap the waiting index is cut at two instants: sessions before the first are overdue for
/// certain (counted in the index), those after the second are not, and only the few in between (a
/// band of days) are checked one by one with the core's rule.
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
        var total = 0
        for slice in try slices() {
            total += try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM kpi_treatments INDEXED BY kpi_treatments_waiting
                WHERE \(KPICounterSchema.waiting) AND \(slice.condition) AND last_completed_at < ? \(filter.treatments)
                  AND \(Self.notExpired)
                """, arguments: [slice.certain, now.storedSeconds]) ?? 0
            total += try band(slice).count
        }
        return total
    }

    /// The overdue treatments' ids, longest waiting first, at most `limit`.
    func ids(limit: Int) throws -> [String] {
        var found: [(id: String, since: Int64)] = []
        for slice in try slices() {
            for row in try Row.fetchAll(db, sql: """
                SELECT session_group_id, last_completed_at FROM kpi_treatments INDEXED BY kpi_treatments_waiting
                WHERE \(KPICounterSchema.waiting) AND \(slice.condition) AND last_completed_at < ? \(filter.treatments)
                  AND \(Self.notExpired)
                ORDER BY last_completed_at LIMIT ?
                """, arguments: [slice.certain, now.storedSeconds, limit]) {
                found.append((row["session_group_id"], row["last_completed_at"]))
            }
            found += try band(slice)
        }
        return found.sorted { ($0.since, $0.id) < ($1.since, $1.id) }.prefix(limit).map(\.id)
    }

    /// A waiting treatment (nothing booked) past its expiry date is expired, not overdue (one parameter: now).
    static let notExpired = "(expires_at IS NULL OR expires_at > ?)"

    /// One service and the session numbers that share an overdue gap.
    struct Slice {
        /// "service_id = 4 AND last_completed_number IN (1, 2, 3)".
        var condition: String
        var gap: SessionGap
        /// Last sessions before this are overdue whatever the calendar does.
        var certain: Int64
        /// Last sessions from this on are not overdue yet.
        var notYet: Int64
    }

    /// The waiting treatments between `certain` and `notYet`, checked with the core's rule.
    private func band(_ slice: Slice) throws -> [(id: String, since: Int64)] {
        try Row.fetchAll(db, sql: """
            SELECT session_group_id, last_completed_at FROM kpi_treatments INDEXED BY kpi_treatments_waiting
            WHERE \(KPICounterSchema.waiting) AND \(slice.condition) AND last_completed_at >= ? AND last_completed_at < ?
            \(filter.treatments) AND \(Self.notExpired)
            """, arguments: [slice.certain, slice.notYet, now.storedSeconds]).compactMap { row in
            let since: Int64 = row["last_completed_at"]
            let due = FollowUpRules.overdueAt(lastSessionStart: Date(storedSeconds: since), gap: slice.gap, calendar: calendar)
            return now > due ? (row["session_group_id"], since) : nil
        }
    }

    /// The sequential services (or the filtered one) cut into slices by overdue gap.
    private func slices() throws -> [Slice] {
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM services WHERE multi_session_strategy = 'sequential' \(filter.service == 0 ? "" : "AND id = \(filter.service)")
            """)
        var result: [Slice] = []
        for id in ids {
            guard let service = try AppDatabase.service(db, id: id) else { continue }
            let gaps = service.gaps
            // The gap after session k is gaps[k - 1]; numbers past the plan use its last gap, as the follow-ups do.
            var numbersByGap: [SessionGap: [Int]] = [:]
            for number in 1...50 {
                let gap = gaps.indices.contains(number - 1) ? gaps[number - 1]
                    : gaps.last ?? SessionGap(planned: .zero, minimum: .zero, recommended: .zero)
                numbersByGap[gap, default: []].append(number)
            }
            for (gap, numbers) in numbersByGap {
                let length = gap.maximum ?? GapLength(gap.recommended.value * 2, gap.recommended.unit)
                let (shortest, longest) = Self.seconds(length)
                result.append(Slice(
                    condition: "service_id = \(id) AND last_completed_number IN (\(numbers.map(String.init).joined(separator: ", ")))",
                    gap: gap, certain: now.storedSeconds - longest, notYet: now.storedSeconds - shortest + 1))
            }
        }
        return result
    }

    /// The fewest and most seconds a calendar length can take (daylight saving moves a day by an
    /// hour, a month has 28 to 31 days), with an hour's margin either way.
    static func seconds(_ length: GapLength) -> (shortest: Int64, longest: Int64) {
        let day: Int64 = 86_400, margin: Int64 = 7_200
        let value = Int64(length.value)
        switch length.unit {
        case .days: return (value * day - margin, value * day + margin)
        case .weeks: return (value * 7 * day - margin, value * 7 * day + margin)
        case .months: return (value * 28 * day - margin, value * 31 * day + margin)
        }
    }
}
