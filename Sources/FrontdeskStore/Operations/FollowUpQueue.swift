import Foundation
import FrontdeskCore
import GRDB

/// Follow-ups: kept in step with the bookings by the transactions that change them, listed and marked.
extension AppDatabase {
    /// Queues a follow-up once: the dedupe key makes a second attempt a no-op.
    static func queue(_ db: Database, kind: FollowUpKind, customerID: Int64, bookingID: Int64?, groupID: String?,
                      dueAt: Date, text: String, dedupeKey: String, now: Date, validUntil: Date? = nil) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO follow_ups(kind, customer_id, booking_id, session_group_id, due_at, text, dedupe_key, created_at, valid_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [kind.rawValue, customerID, bookingID, groupID, dueAt.storedSeconds, text, dedupeKey, now.storedSeconds,
                             validUntil?.storedSeconds])
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
        try queue(db, kind: due.kind, customerID: customerID, bookingID: due.bookingID, groupID: due.groupID.nilIfEmpty,
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

    /// Works out what is due from what changed since the last run: every treatment or single booking
    /// a trigger noted (changes made outside the booking operations, older data) is reconciled, a few
    /// at a time so the write lock is never held long; then reminders whose session has started
    /// expire. Returns how many follow-ups became pending. Idempotent.
    @discardableResult
    public func generateDueFollowUps() throws(StoreError) -> Int {
        var created = 0
        while true {
            let (count, more) = try write { db -> (Int, Bool) in
                let subjects = try String.fetchAll(db, sql: "SELECT subject FROM follow_up_changes LIMIT ?",
                                                   arguments: [Self.reconcileBatch])
                var count = 0
                for subject in subjects { count += try self.reconcileFollowUps(db, subject: subject) }
                return (count, subjects.count == Self.reconcileBatch)
            }
            created += count
            if !more { break }
        }
        try expireStartedFollowUps()
        return created
    }

    /// Treatments reconciled per write transaction by the generator.
    static let reconcileBatch = 16

    /// A reminder (or change or cancellation notice) whose session has started is never sent.
    func expireStartedFollowUps() throws(StoreError) {
        let now = self.now
        try write { db in
            try db.execute(sql: """
                UPDATE follow_ups SET status = 'expired', done_at = ?, done_by = ?
                WHERE status = 'pending' AND valid_until IS NOT NULL AND valid_until <= ?
                """, arguments: [now.storedSeconds, self.actor, now.storedSeconds])
        }
    }

    /// How far back the generator looks for treatments waiting on the customer (overdue, check-in).
    public static let followUpLookBackDays = FollowUpRules.lookBackDays

    /// Follow-ups by status, due first; `limit` at a time.
    public func followUps(status: FollowUpStatus? = .pending, dueBefore: Date? = nil, limit: Int = 200, offsetID: Int64? = nil) throws(StoreError) -> [FollowUp] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let status { conditions.append("f.status = ?"); arguments.append(status.rawValue) }
        if let dueBefore { conditions.append("f.due_at <= ?"); arguments.append(dueBefore.storedSeconds) }
        arguments.append(limit)
        let sql = """
            SELECT f.*, c.name AS customer_name, c.phone, c.email, c.sms_consent, c.email_consent FROM follow_ups f JOIN customers c ON c.id = f.customer_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY f.due_at, f.id LIMIT ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Self.followUp)
        }
    }

    /// Marks a follow-up sent, called or dismissed, recording who did it and, for a call, what was said.
    @discardableResult
    public func markFollowUp(id: Int64, as status: FollowUpStatus, note: String = "") throws(StoreError) -> FollowUp {
        let now = self.now
        return try write { db in
            let before = try Self.requireFollowUp(db, id: id)
            let done = status != .pending
            try db.execute(sql: """
                UPDATE follow_ups SET status = ?, done_at = ?, done_by = ?, note = CASE WHEN ? = '' THEN note ELSE ? END,
                                      claimed_at = NULL, claimed_by = NULL
                WHERE id = ?
                """, arguments: [status.rawValue, done ? now.storedSeconds : nil, done ? self.actor : nil, note, note, id])
            try self.audit(db, action: "follow_up", entity: "follow_up", id: "\(id)", before: before.status.rawValue,
                           after: status.rawValue + (note.isEmpty ? "" : ": \(note)"))
            return try Self.requireFollowUp(db, id: id)
        }
    }

    static func requireFollowUp(_ db: Database, id: Int64) throws -> FollowUp {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT f.*, c.name AS customer_name, c.phone, c.email, c.sms_consent, c.email_consent FROM follow_ups f JOIN customers c ON c.id = f.customer_id WHERE f.id = ?
            """, arguments: [id]) else { throw StoreError.notFound(.followUp, key: "\(id)") }
        return followUp(row)
    }

    static func followUp(_ row: Row) -> FollowUp {
        let done: Int64? = row["done_at"]
        return FollowUp(id: row["id"], kind: FollowUpKind(rawValue: row["kind"]) ?? .confirmation, customerID: row["customer_id"],
                        customerName: row["customer_name"], customerPhone: row["phone"], customerEmail: row["email"],
                        bookingID: row["booking_id"], groupID: row["session_group_id"], dueAt: Date(storedSeconds: row["due_at"]),
                        text: row["text"], status: FollowUpStatus(rawValue: row["status"]) ?? .pending,
                        doneAt: done.map(Date.init(storedSeconds:)), doneBy: row["done_by"], note: row["note"] ?? "",
                        smsConsent: row["sms_consent"] ?? false, emailConsent: row["email_consent"] ?? false)
    }
}
