import Foundation
import FrontdeskCore
import GRDB

/// A follow-up claimed for sending, with the facts its text is rendered from, as they are now.
public struct FollowUpDelivery: Sendable, Equatable {
    public var followUp: FollowUp
    public var fields: MessageFields
    public var smsConsent: Bool
    public var emailConsent: Bool
}

/// How one attempt to send ended.
public enum DeliveryOutcome: String, Sendable, Equatable {
    case sent
    case failed
    case timedOut = "timed_out"
    case notStarted = "not_started"
}

/// One recorded attempt to send a follow-up.
public struct DeliveryAttempt: Sendable, Equatable {
    public var at: Date
    public var by: String
    public var outcome: DeliveryOutcome
    public var exitStatus: Int?
    public var stderrLine: String
}

extension AppDatabase {
    /// Claims the next pending follow-up that is due, inside one write transaction, so two senders
    /// running at once never take the same message. Follow-ups that are no longer true (their session
    /// started, moved or was cancelled) are expired or withdrawn on the way. `skip` excludes ids this
    /// run tried already and kinds it does not send; customers without SMS or e-mail consent are left
    /// to be called; a claim older than `staleAfter` seconds (its sender died) may be taken over.
    /// Nil when nothing is left.
    public func claimNextFollowUp(claimant: String, skipping skip: Set<Int64> = [], kinds: Set<FollowUpKind>? = nil,
                                  staleAfter: TimeInterval = 300) throws(StoreError) -> FollowUpDelivery? {
        let now = self.now
        return try write { db in
            var excluded = skip
            while true {
                let kindList = (kinds ?? Set(FollowUpKind.allCases)).map { "'\($0.rawValue)'" }.joined(separator: ",")
                let skipList = excluded.isEmpty ? "" : "AND id NOT IN (\(excluded.map(String.init).joined(separator: ",")))"
                guard let id = try Int64.fetchOne(db, sql: """
                    SELECT id FROM follow_ups
                    WHERE status = 'pending' AND due_at <= ? AND kind IN (\(kindList)) \(skipList)
                      AND (claimed_at IS NULL OR claimed_at < ?)
                      AND customer_id IN (SELECT id FROM customers WHERE sms_consent = 1 OR email_consent = 1)
                    ORDER BY due_at, id LIMIT 1
                    """, arguments: [now.storedSeconds, now.addingTimeInterval(-staleAfter).storedSeconds]) else { return nil }
                excluded.insert(id)
                guard let delivery = try self.currentDelivery(db, id: id) else { continue }
                try db.execute(sql: "UPDATE follow_ups SET claimed_at = ?, claimed_by = ? WHERE id = ?",
                               arguments: [now.storedSeconds, claimant, id])
                return delivery
            }
        }
    }

    /// Claims one follow-up to send it now (the screen's "send now"), if it is pending and not claimed.
    public func claimFollowUp(id: Int64, claimant: String, staleAfter: TimeInterval = 300) throws(StoreError) -> FollowUpDelivery? {
        let now = self.now
        return try write { db in
            guard try Int.fetchOne(db, sql: """
                SELECT 1 FROM follow_ups WHERE id = ? AND status = 'pending' AND (claimed_at IS NULL OR claimed_at < ?)
                """, arguments: [id, now.addingTimeInterval(-staleAfter).storedSeconds]) != nil,
                  let delivery = try self.currentDelivery(db, id: id) else { return nil }
            try db.execute(sql: "UPDATE follow_ups SET claimed_at = ?, claimed_by = ? WHERE id = ?", arguments: [now.storedSeconds, claimant, id])
            return delivery
        }
    }

    /// Records an attempt to send a claimed follow-up and releases the claim; a successful one is marked sent.
    public func recordDeliveryAttempt(id: Int64, claimant: String, outcome: DeliveryOutcome, exitStatus: Int?,
                                      stderrLine: String) throws(StoreError) {
        let now = self.now
        try write { db in
            try db.execute(sql: """
                INSERT INTO follow_up_attempts(follow_up_id, at, by, outcome, exit_status, stderr_line) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, now.storedSeconds, self.actor, outcome.rawValue, exitStatus, String(stderrLine.prefix(500))])
            // A delivery is a fact whoever reports it (even a sender whose claim went stale); the claim
            // is released only by its holder.
            try db.execute(sql: """
                UPDATE follow_ups SET attempts = attempts + 1,
                    status = CASE WHEN ? AND status = 'pending' THEN 'sent' ELSE status END,
                    done_at = CASE WHEN ? AND status = 'pending' THEN ? ELSE done_at END,
                    done_by = CASE WHEN ? AND status = 'pending' THEN ? ELSE done_by END
                WHERE id = ?
                """, arguments: [outcome == .sent, outcome == .sent, now.storedSeconds, outcome == .sent, self.actor, id])
            try db.execute(sql: "UPDATE follow_ups SET claimed_at = NULL, claimed_by = NULL WHERE id = ? AND claimed_by IS ?",
                           arguments: [id, claimant])
            if outcome == .sent {
                try self.audit(db, action: "follow_up", entity: "follow_up", id: "\(id)", before: "pending", after: "sent")
            }
        }
    }

    /// Every attempt to send a follow-up, oldest first.
    public func deliveryAttempts(followUpID: Int64) throws(StoreError) -> [DeliveryAttempt] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM follow_up_attempts WHERE follow_up_id = ? ORDER BY at, id", arguments: [followUpID]).map {
                DeliveryAttempt(at: Date(storedSeconds: $0["at"]), by: $0["by"],
                                outcome: DeliveryOutcome(rawValue: $0["outcome"]) ?? .failed, exitStatus: $0["exit_status"],
                                stderrLine: $0["stderr_line"])
            }
        }
    }

    /// The follow-up with its text's facts as they are now, or nil after expiring or withdrawing it
    /// because it is no longer true.
    func currentDelivery(_ db: Database, id: Int64) throws -> FollowUpDelivery? {
        let now = self.now
        let followUp = try Self.requireFollowUp(db, id: id)
        guard let customerRow = try Row.fetchOne(db, sql: "SELECT sms_consent, email_consent FROM customers WHERE id = ?",
                                                 arguments: [followUp.customerID]) else { return nil }
        let booking = try followUp.bookingID.flatMap { try Self.booking(db, id: $0) }
        let validUntil = try Int64.fetchOne(db, sql: "SELECT valid_until FROM follow_ups WHERE id = ?", arguments: [id])
        func close(_ status: FollowUpStatus) throws -> FollowUpDelivery? {
            try db.execute(sql: "UPDATE follow_ups SET status = ?, done_at = ?, done_by = ? WHERE id = ?",
                           arguments: [status.rawValue, now.storedSeconds, self.actor, id])
            return nil
        }
        if let validUntil, validUntil <= now.storedSeconds { return try close(.expired) }
        var message = followUp.text
        switch followUp.kind {
        case .reminder, .change:
            guard let booking, booking.status == .confirmed, booking.start.storedSeconds == validUntil else { return try close(.withdrawn) }
            if followUp.kind == .reminder {
                let scheduled = try currentScheduled(db, followUp: followUp, booking: booking, now: now)
                guard let fresh = scheduled.first(where: { $0.kind == .reminder && $0.bookingID == booking.id }) else { return try close(.withdrawn) }
                message = fresh.text
            }
        case .cancellation:
            guard booking?.status == .cancelled else { return try close(.withdrawn) }
        case let kind where FollowUpRules.scheduledKinds.contains(kind):
            let key = try String.fetchOne(db, sql: "SELECT dedupe_key FROM follow_ups WHERE id = ?", arguments: [id])
            let scheduled = try currentScheduled(db, followUp: followUp, booking: booking, now: now)
            guard let fresh = scheduled.first(where: { $0.dedupeKey == key }) else { return try close(.withdrawn) }
            message = fresh.text
        default:
            break
        }
        let fields = MessageFields(customer: followUp.customerName, service: booking?.serviceName ?? "",
                                   session: booking?.sessionNumber, total: booking?.totalSessions, start: booking?.start,
                                   provider: booking?.providerName ?? "", message: message)
        return FollowUpDelivery(followUp: followUp, fields: fields, smsConsent: customerRow["sms_consent"],
                                emailConsent: customerRow["email_consent"])
    }

    private func currentScheduled(_ db: Database, followUp: FollowUp, booking: Booking?, now: Date) throws -> [DueFollowUp] {
        if let groupID = followUp.groupID {
            guard let group = try Self.group(db, id: groupID), let service = try Self.service(db, asBookedIn: groupID) else { return [] }
            return FollowUpRules.scheduled(for: Self.facts(group, service: service), now: now, calendar: calendar)
        }
        guard let booking else { return [] }
        return FollowUpRules.scheduledSingle(bookingID: booking.id, serviceName: booking.serviceName, status: booking.status,
                                             start: booking.start, now: now, calendar: calendar)
    }
}
