import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    /// How long ago "due now" turns into "overdue".
    public static let overdueAfter: TimeInterval = 24 * 3600

    /// The queue by kind (or one `kind`), with what is due now, overdue, and upcoming within
    /// `upcomingDays`: the first `limitPerKind` entries of each kind (or as many as `loaded` says
    /// the screen holds already, so a reload keeps its place), with each kind's totals so the
    /// screen can say what is not shown yet. Index ranges only.
    public func followUpQueue(kind: FollowUpKind? = nil, upcomingDays: Int = 7, limitPerKind: Int = 200,
                              loaded: [FollowUpKind: Int] = [:]) throws(StoreError) -> FollowUpQueue {
        let now = self.now
        let horizon = now.addingTimeInterval(TimeInterval(upcomingDays) * 86_400).storedSeconds
        return try read { db in
            var groups: [FollowUpKindGroup] = []
            for candidate in FollowUpKind.allCases where kind == nil || kind == candidate {
                let limit = max(limitPerKind, loaded[candidate] ?? 0)
                let entries = try Self.queueEntries(db, kind: candidate, horizon: horizon, after: nil, limit: limit, now: now)
                guard !entries.isEmpty else { continue }
                var total = entries.count
                var due = entries.filter { $0.timing != .upcoming }.count
                if entries.count == limit, let counts = try Row.fetchOne(db, sql: """
                    SELECT COUNT(*) AS total, COALESCE(SUM(due_at <= ?), 0) AS due FROM follow_ups
                    WHERE status = 'pending' AND kind = ? AND due_at <= ?
                    """, arguments: [now.storedSeconds, candidate.rawValue, horizon]) {
                    // Only a full page can have more: count the rest on the same index.
                    total = counts["total"]
                    due = counts["due"]
                }
                groups.append(FollowUpKindGroup(kind: candidate, entries: entries, total: total, dueTotal: due))
            }
            return FollowUpQueue(groups: groups, pendingDue: try Self.pendingDueCount(db, now: now))
        }
    }

    /// The entries of one kind that follow `after` in the queue's order (due time, then id): the
    /// next page of a kind the screen shows only in part (keyset paging, no OFFSET).
    public func followUpQueuePage(kind: FollowUpKind, after: FollowUpQueueCursor, upcomingDays: Int = 7,
                                  limit: Int = 200) throws(StoreError) -> [FollowUpQueueEntry] {
        let now = self.now
        let horizon = now.addingTimeInterval(TimeInterval(upcomingDays) * 86_400).storedSeconds
        return try read { db in try Self.queueEntries(db, kind: kind, horizon: horizon, after: after, limit: limit, now: now) }
    }

    static func queueEntries(_ db: Database, kind: FollowUpKind, horizon: Int64, after: FollowUpQueueCursor?, limit: Int,
                             now: Date) throws -> [FollowUpQueueEntry] {
        let overdueBefore = now.addingTimeInterval(-overdueAfter)
        var arguments: [any DatabaseValueConvertible] = [kind.rawValue, horizon]
        var keyset = ""
        if let after {
            keyset = "AND (f.due_at > ? OR (f.due_at = ? AND f.id > ?))"
            arguments += [after.dueAt.storedSeconds, after.dueAt.storedSeconds, after.id]
        }
        return try Row.fetchAll(db, sql: """
            SELECT f.*, c.name AS customer_name, c.phone, c.email, c.sms_consent, c.email_consent
            FROM follow_ups f JOIN customers c ON c.id = f.customer_id
            WHERE f.status = 'pending' AND f.kind = ? AND f.due_at <= ? \(keyset) ORDER BY f.due_at, f.id LIMIT ?
            """, arguments: StatementArguments(arguments + [limit])).map { row -> FollowUpQueueEntry in
            let followUp = Self.followUp(row)
            let timing: FollowUpTiming = followUp.dueAt > now ? .upcoming : followUp.dueAt <= overdueBefore ? .overdue : .dueNow
            return FollowUpQueueEntry(followUp: followUp, timing: timing)
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
