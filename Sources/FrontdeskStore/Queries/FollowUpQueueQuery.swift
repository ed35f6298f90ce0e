import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    /// How long ago "due now" turns into "overdue".
    public static let overdueAfter: TimeInterval = 24 * 3600

    /// The queue by kind (or one `kind`), with what is due now, overdue, and upcoming within
    /// `upcomingDays`; at most `limitPerKind` entries per kind. Index ranges only.
    public func followUpQueue(kind: FollowUpKind? = nil, upcomingDays: Int = 7, limitPerKind: Int = 200) throws(StoreError) -> FollowUpQueue {
        let now = self.now
        let horizon = now.addingTimeInterval(TimeInterval(upcomingDays) * 86_400).storedSeconds
        let overdueBefore = now.addingTimeInterval(-Self.overdueAfter)
        return try read { db in
            var groups: [FollowUpKindGroup] = []
            for candidate in FollowUpKind.allCases where kind == nil || kind == candidate {
                let entries = try Row.fetchAll(db, sql: """
                    SELECT f.*, c.name AS customer_name, c.phone, c.email, c.sms_consent, c.email_consent
                    FROM follow_ups f JOIN customers c ON c.id = f.customer_id
                    WHERE f.status = 'pending' AND f.kind = ? AND f.due_at <= ? ORDER BY f.due_at, f.id LIMIT ?
                    """, arguments: [candidate.rawValue, horizon, limitPerKind]).map { row -> FollowUpQueueEntry in
                    let followUp = Self.followUp(row)
                    let timing: FollowUpTiming = followUp.dueAt > now ? .upcoming : followUp.dueAt <= overdueBefore ? .overdue : .dueNow
                    return FollowUpQueueEntry(followUp: followUp, timing: timing)
                }
                if !entries.isEmpty { groups.append(FollowUpKindGroup(kind: candidate, entries: entries)) }
            }
            return FollowUpQueue(groups: groups, pendingDue: try Self.pendingDueCount(db, now: now))
        }
    }

    /// Pending follow-ups that are due now or overdue: the count on the Follow-ups tab.
    public func pendingFollowUpCount() throws(StoreError) -> Int {
        let now = self.now
        return try read { db in try Self.pendingDueCount(db, now: now) }
    }

    /// Due follow-ups of customers who agreed to neither SMS nor e-mail: the sender leaves them to be called.
    public func dueFollowUpsToCall() throws(StoreError) -> Int {
        let now = self.now.storedSeconds
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM follow_ups f JOIN customers c ON c.id = f.customer_id
                WHERE f.status = 'pending' AND f.due_at <= ? AND c.sms_consent = 0 AND c.email_consent = 0
                """, arguments: [now]) ?? 0
        }
    }

    static func pendingDueCount(_ db: Database, now: Date) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM follow_ups WHERE status = 'pending' AND due_at <= ?",
                         arguments: [now.storedSeconds]) ?? 0
    }

    /// The screen's "mark called": done, with what was agreed on the phone.
    @discardableResult
    public func markFollowUpCalled(id: Int64, note: String) throws(StoreError) -> FollowUp {
        try markFollowUp(id: id, as: .called, note: note.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The screen's "dismiss": not to be sent or called.
    @discardableResult
    public func dismissFollowUp(id: Int64, note: String = "") throws(StoreError) -> FollowUp {
        try markFollowUp(id: id, as: .dismissed, note: note)
    }
}
