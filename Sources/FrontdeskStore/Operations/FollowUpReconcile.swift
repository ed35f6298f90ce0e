import Foundation
import FrontdeskCore
import GRDB

/// Keeps the pending follow-ups of one treatment (or single booking) equal to what the rules say
/// should be pending now. Called by every operation that changes bookings, in its own transaction,
/// and by the generator for what triggers noted.
extension AppDatabase {
    /// The change-log subject of a booking: its treatment, or the booking itself when it stands alone.
    static func followUpSubject(of booking: Booking) -> String {
        booking.sessionGroupID ?? "booking:\(booking.id)"
    }

    /// Reconciles one subject and clears it from the change log. Returns how many follow-ups became pending.
    @discardableResult
    func reconcileFollowUps(_ db: Database, subject: String) throws -> Int {
        let created = try reconcile(db, subject: subject)
        try db.execute(sql: "DELETE FROM follow_up_changes WHERE subject = ?", arguments: [subject])
        return created
    }

    private func reconcile(_ db: Database, subject: String) throws -> Int {
        let now = self.now
        let desired: [DueFollowUp]
        let customerID: Int64
        let pendingSQL: String
        let key: any DatabaseValueConvertible
        if subject.hasPrefix("booking:"), let id = Int64(subject.dropFirst("booking:".count)) {
            guard let booking = try Self.booking(db, id: id) else { return 0 }
            customerID = booking.customerID
            desired = FollowUpRules.scheduledSingle(bookingID: id, serviceName: booking.serviceName, status: booking.status,
                                                    start: booking.start, now: now, calendar: calendar)
            pendingSQL = "f.booking_id = ? AND f.session_group_id IS NULL"
            key = id
        } else {
            guard let group = try Self.group(db, id: subject), let service = try Self.service(db, asBookedIn: subject) else { return 0 }
            customerID = group.customerID
            desired = FollowUpRules.scheduled(for: Self.facts(group, service: service), now: now, calendar: calendar)
            pendingSQL = "f.session_group_id = ?"
            key = subject
        }
        let pending = try Row.fetchAll(db, sql: """
            SELECT f.id, f.kind, f.dedupe_key, f.valid_until, f.due_at, f.text, f.customer_id,
                   b.status AS booking_status, b.start_at AS booking_start
            FROM follow_ups f LEFT JOIN bookings b ON b.id = f.booking_id
            WHERE \(pendingSQL) AND f.status = 'pending'
            """, arguments: [key])
        let desiredKeys = Set(desired.map(\.dedupeKey))
        var pendingKeys = Set<String>()
        // What a pending follow-up says now: unchanged ones are not written again.
        var current: [String: (dueAt: Int64, text: String, validUntil: Int64?, customerID: Int64)] = [:]
        for row in pending {
            let kind = FollowUpKind(rawValue: row["kind"])
            let dedupeKey: String = row["dedupe_key"]
            let bookingStatus = (row["booking_status"] as String?).flatMap(BookingStatus.init(rawValue:))
            let sameTime = (row["valid_until"] as Int64?) == (row["booking_start"] as Int64?)
            let stillTrue: Bool
            switch kind {
            case let kind? where FollowUpRules.scheduledKinds.contains(kind): stillTrue = desiredKeys.contains(dedupeKey)
            case .confirmation?: stillTrue = bookingStatus == .confirmed || bookingStatus == .completed
            case .change?: stillTrue = bookingStatus == .confirmed && sameTime
            case .cancellation?: stillTrue = bookingStatus == .cancelled
            default: stillTrue = true
            }
            if stillTrue {
                pendingKeys.insert(dedupeKey)
                current[dedupeKey] = (row["due_at"], row["text"], row["valid_until"], row["customer_id"])
                continue
            }
            try db.execute(sql: "UPDATE follow_ups SET status = 'withdrawn', done_at = ?, done_by = ? WHERE id = ?",
                           arguments: [now.storedSeconds, actor, row["id"] as Int64])
        }
        var created = 0
        for due in desired {
            // A withdrawn one comes back when it is true again (a session reopened, moved back); a sent,
            // called or dismissed one never does. A pending one gets its current text and time.
            let validUntil = due.kind == .reminder ? due.dueAt.addingTimeInterval(FollowUpRules.reminderLead).storedSeconds : nil
            if let now = current[due.dedupeKey], now.dueAt == due.dueAt.storedSeconds, now.text == due.text,
               now.validUntil == validUntil, now.customerID == customerID { continue }
            try db.execute(sql: """
                INSERT INTO follow_ups(kind, customer_id, booking_id, session_group_id, due_at, text, dedupe_key, created_at, valid_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(dedupe_key) DO UPDATE SET
                    status = 'pending', due_at = excluded.due_at, text = excluded.text, valid_until = excluded.valid_until,
                    customer_id = excluded.customer_id, done_at = NULL, done_by = NULL
                WHERE follow_ups.status IN ('pending', 'withdrawn')
                """, arguments: [due.kind.rawValue, customerID, due.bookingID, due.groupID.nilIfEmpty, due.dueAt.storedSeconds,
                                 due.text, due.dedupeKey, now.storedSeconds, validUntil])
            if db.changesCount > 0, !pendingKeys.contains(due.dedupeKey) { created += 1 }
        }
        return created
    }

    /// A cancelled session's notice to the customer, due now; never sent once the session's time has come.
    func queueCancellationNotice(_ db: Database, booking: Booking) throws {
        let (noun, total) = try Self.nounAndTotal(db, booking)
        let text = FollowUpText.cancellation(serviceName: booking.serviceName, noun: noun, session: booking.snapshot,
                                             totalSessions: total, calendar: calendar)
        try Self.queue(db, kind: .cancellation, customerID: booking.customerID, bookingID: booking.id, groupID: booking.sessionGroupID,
                       dueAt: now, text: text, dedupeKey: "cancellation:booking:\(booking.id):\(booking.start.storedSeconds)",
                       now: now, validUntil: booking.start)
    }

    /// A moved session's notice with its new time, due now; an earlier unsent notice for it is withdrawn
    /// by the reconciliation, which sees it no longer matches the booking.
    func queueChangeNotice(_ db: Database, booking: Booking) throws {
        let (noun, total) = try Self.nounAndTotal(db, booking)
        let text = FollowUpText.change(serviceName: booking.serviceName, noun: noun, session: booking.snapshot, totalSessions: total,
                                       provider: booking.providerName, calendar: calendar)
        try Self.queue(db, kind: .change, customerID: booking.customerID, bookingID: booking.id, groupID: booking.sessionGroupID,
                       dueAt: now, text: text, dedupeKey: "change:booking:\(booking.id):\(booking.start.storedSeconds)",
                       now: now, validUntil: booking.start)
    }

    static func nounAndTotal(_ db: Database, _ booking: Booking) throws -> (String, Int) {
        let noun = try String.fetchOne(db, sql: "SELECT session_noun FROM services WHERE id = ?", arguments: [booking.serviceID]) ?? "Session"
        return (noun, booking.sessionGroupID == nil ? 1 : booking.totalSessions)
    }
}
