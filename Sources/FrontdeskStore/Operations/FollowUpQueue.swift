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

    /// What the follow-up rules need to know about a group and its service.
    static func facts(_ group: SessionGroup, service: Service) -> GroupFacts {
        GroupFacts(groupID: group.id, serviceName: group.serviceName, sessionNoun: group.sessionNoun, strategy: group.strategy,
                   totalSessions: group.totalSessions,
                   bookings: group.sessions.map { GroupBooking(bookingID: $0.id, session: $0.snapshot) },
                   gaps: service.gaps, expiresAt: group.expiresAt, cancelled: group.cancelled,
                  ended: group.ended != nil)
    }

    static func store(_ db: Database, _ due: DueFollowUp, customerID: Int64, now: Date) throws {
        try queue(db, kind: due.kind, customerID: customerID, bookingID: due.bookingID, groupID: due.groupID,
                  dueAt: due.dueAt, text: due.text, dedupeKey: due.dedupeKey, now: now)
    }

    /// Queues the confirmation of what was just booked, in the booking's own transaction.
    func queueConfirmation(_ db: Database, group: SessionGroup?, booked: [Booking]) throws {
        guard let first = booked.first else { return }
        if let group {
            let service = try Self.service(db, asBookedIn: group.id) ?? Self.requireService(db, id: group.serviceID)
            if let due = FollowUpRules.confirmation(for: Self.facts(group, service: service), bookingIDs: booked.map(\.id),
                                                    now: now, calendar: calendar) {
                try Self.store(db, due, customerID: group.customerID, now: now)
            }
            return
        }
        let text = FollowUpText.confirmation(serviceName: first.serviceName, noun: "Session", totalSessions: 1,
                                             sessions: [first.snapshot], calendar: calendar)
        try Self.queue(db, kind: .confirmation, customerID: first.customerID, bookingID: first.id, groupID: nil,
                       dueAt: now, text: text, dedupeKey: "confirmation:booking:\(first.id)", now: now)
    }

    /// Queues progress, completion and next-session messages after a completion, in the same transaction.
    func queueCompletionFollowUps(_ db: Database, group: SessionGroup, completed: Booking, window: SessionWindow?) throws {
        let service = try Self.service(db, asBookedIn: group.id) ?? Self.requireService(db, id: group.serviceID)
        for due in FollowUpRules.afterCompletion(of: completed.id, facts: Self.facts(group, service: service), now: now, calendar: calendar) {
            try Self.store(db, due, customerID: group.customerID, now: now)
        }
    }

    /// Queues the invitation to book a missed session again, in the no-show's own transaction.
    func queueMissedSessionFollowUp(_ db: Database, group: SessionGroup, missed: Booking) throws {
        let service = try Self.requireService(db, id: group.serviceID)
        if let due = FollowUpRules.afterNoShow(of: missed.id, facts: Self.facts(group, service: service), now: now, calendar: calendar) {
            try Self.store(db, due, customerID: group.customerID, now: now)
        }
    }

    /// Deletes a treatment's follow-ups nobody has acted on yet (it was ended early).
    static func withdrawPendingFollowUps(_ db: Database, groupID: String) throws {
        try db.execute(sql: "DELETE FROM follow_ups WHERE session_group_id = ? AND status = 'pending'", arguments: [groupID])
    }

    /// Deletes the not-yet-acted-on follow-ups a session's outcome queued (progress, completion, next
    /// session, rebook), so undoing the outcome undoes them and marking it again queues them afresh.
    static func withdrawOutcomeFollowUps(_ db: Database, bookingID: Int64) throws {
        try db.execute(sql: """
            DELETE FROM follow_ups WHERE booking_id = ? AND status = 'pending' AND kind IN ('progress', 'completion', 'next_session')
            """, arguments: [bookingID])
    }

    /// Generates every follow-up that is due now (reminders, overdue treatments, check-ins, expiry
    /// warnings) and returns how many were new. Idempotent: running it twice queues nothing twice.
    @discardableResult
    public func generateDueFollowUps() throws(StoreError) -> Int {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM follow_ups") ?? 0
            let n = now.storedSeconds
            let soon = n + Int64(FollowUpRules.reminderLead)
            // Only groups that can have something due: a session within a day, a sequential treatment
            // waiting for its next booking, or a flexible package with nothing ahead or close to expiry.
            // Treatments whose last session is older than the look-back are left to staff: a customer
            // who stopped a year ago gets no automatic "it's been 400 days" message.
            let lookBack = n - Int64(Self.followUpLookBackDays) * 86_400
            let candidates = try String.fetchSet(db, sql: """
                SELECT session_group_id FROM bookings
                WHERE start_at >= ? AND start_at < ? AND status = 'confirmed' AND session_group_id IS NOT NULL
                UNION
                SELECT session_group_id FROM session_groups
                WHERE anchor_at > ? AND anchor_at <= ? AND state IN ('active', 'to_book')
                  AND strategy IN ('sequential', 'flexible')
                UNION
                SELECT session_group_id FROM session_groups
                WHERE strategy = 'flexible' AND state IN ('active', 'to_book') AND expires_at > ? AND expires_at <= ?
                """, arguments: [n, soon, lookBack, n, n, n + Int64(FollowUpRules.expiryWarningDays) * 86_400])
            var rules = GroupRulesCache()
            for id in candidates.sorted() {
                guard let group = try Self.group(db, id: id) else { continue }
                guard let service = try rules.service(db, asBookedIn: id) else { continue }
                for due in FollowUpRules.due(for: Self.facts(group, service: service), now: now, calendar: calendar) {
                    try Self.store(db, due, customerID: group.customerID, now: now)
                }
            }
            // Reminders for single bookings.
            let singles = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
                WHERE b.start_at >= ? AND b.start_at < ? AND b.status = 'confirmed' AND b.is_part_of_multi_session = 0
                """, arguments: [n, soon]).map(RowDecoding.booking)
            for booking in singles {
                let text = FollowUpText.reminder(noun: "Appointment", session: booking.snapshot, totalSessions: 1, now: now, calendar: calendar)
                    .replacingOccurrences(of: "Appointment 1 of 1", with: "your \(booking.serviceName)")
                try Self.queue(db, kind: .reminder, customerID: booking.customerID, bookingID: booking.id, groupID: nil,
                               dueAt: booking.start.addingTimeInterval(-FollowUpRules.reminderLead), text: text,
                               dedupeKey: "reminder:booking:\(booking.id)", now: now)
            }
            let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM follow_ups") ?? 0
            return after - before
        }
    }

    /// How far back the generator looks for treatments waiting on the customer (overdue, check-in).
    public static let followUpLookBackDays = 90

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
