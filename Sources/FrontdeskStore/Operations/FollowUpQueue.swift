import Foundation
import FrontdeskCore
import GRDB

/// Follow-ups: queued by booking operations in their own transaction, generated when due, listed and marked.
extension AppDatabase {
    /// Queues a follow-up once: the dedupe key makes a second attempt a no-op.
    static func queue(_ db: Database, kind: FollowUpKind, customerID: Int64, bookingID: Int64?, groupID: String?,
                      dueAt: Date, text: String, dedupeKey: String, now: Date) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO follow_ups(kind, customer_id, booking_id, session_group_id, due_at, text, dedupe_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [kind.rawValue, customerID, bookingID, groupID, dueAt.storedSeconds, text, dedupeKey, now.storedSeconds])
    }

    func queueConfirmation(_ db: Database, group: SessionGroup?, booked: [Booking]) throws {
        guard let first = booked.first else { return }
        let text = FollowUpMessages.confirmation(group: group, booked: booked, calendar: calendar)
        try Self.queue(db, kind: .confirmation, customerID: first.customerID, bookingID: first.id, groupID: group?.id,
                       dueAt: now, text: text, dedupeKey: "confirmation:booking:\(first.id)", now: now)
    }

    func queueCompletionFollowUps(_ db: Database, group: SessionGroup, completed: Booking, window: SessionWindow?) throws {
        let progress = group.progress(now: now)
        if progress.isFinished {
            try Self.queue(db, kind: .completion, customerID: group.customerID, bookingID: completed.id, groupID: group.id, dueAt: now,
                           text: FollowUpMessages.completion(group: group), dedupeKey: "completion:group:\(group.id)", now: now)
            return
        }
        try Self.queue(db, kind: .progress, customerID: group.customerID, bookingID: completed.id, groupID: group.id, dueAt: now,
                       text: FollowUpMessages.progress(group: group, completedNumber: completed.sessionNumber, progress: progress),
                       dedupeKey: "progress:booking:\(completed.id)", now: now)
        if let window {
            try Self.queue(db, kind: .nextSession, customerID: group.customerID, bookingID: completed.id, groupID: group.id, dueAt: now,
                           text: FollowUpMessages.nextSession(group: group, nextNumber: completed.sessionNumber + 1, window: window, calendar: calendar),
                           dedupeKey: "next_session:booking:\(completed.id)", now: now)
        }
    }

    /// Follow-ups by status, due first; `limit` at a time.
    public func followUps(status: FollowUpStatus? = .pending, dueBefore: Date? = nil, limit: Int = 200, offsetID: Int64? = nil) throws(StoreError) -> [FollowUp] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let status { conditions.append("f.status = ?"); arguments.append(status.rawValue) }
        if let dueBefore { conditions.append("f.due_at <= ?"); arguments.append(dueBefore.storedSeconds) }
        arguments.append(limit)
        let sql = """
            SELECT f.*, c.name AS customer_name, c.phone, c.email FROM follow_ups f JOIN customers c ON c.id = f.customer_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY f.due_at, f.id LIMIT ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Self.followUp)
        }
    }

    /// Marks a follow-up sent, called or dismissed, recording who did it.
    @discardableResult
    public func markFollowUp(id: Int64, as status: FollowUpStatus) throws(StoreError) -> FollowUp {
        let now = self.now
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT f.*, c.name AS customer_name, c.phone, c.email FROM follow_ups f JOIN customers c ON c.id = f.customer_id WHERE f.id = ?
                """, arguments: [id]) else { throw StoreError.notFound(what: "follow-up", key: "\(id)") }
            let before = Self.followUp(row)
            try db.execute(sql: "UPDATE follow_ups SET status = ?, done_at = ?, done_by = ? WHERE id = ?",
                           arguments: [status.rawValue, status == .pending ? nil : now.storedSeconds, status == .pending ? nil : self.actor, id])
            try self.audit(db, action: "follow_up", entity: "follow_up", id: "\(id)", before: before.status.rawValue, after: status.rawValue)
            var after = before
            after.status = status
            after.doneAt = status == .pending ? nil : now
            after.doneBy = status == .pending ? nil : self.actor
            return after
        }
    }

    static func followUp(_ row: Row) -> FollowUp {
        let done: Int64? = row["done_at"]
        return FollowUp(id: row["id"], kind: FollowUpKind(rawValue: row["kind"]) ?? .confirmation, customerID: row["customer_id"],
                        customerName: row["customer_name"], customerPhone: row["phone"], customerEmail: row["email"],
                        bookingID: row["booking_id"], groupID: row["session_group_id"], dueAt: Date(storedSeconds: row["due_at"]),
                        text: row["text"], status: FollowUpStatus(rawValue: row["status"]) ?? .pending,
                        doneAt: done.map(Date.init(storedSeconds:)), doneBy: row["done_by"])
    }
}
