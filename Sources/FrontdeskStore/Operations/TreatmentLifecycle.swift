import Foundation
import FrontdeskCore
import GRDB

/// What reopening a session did: the session, back to confirmed, and its treatment as it is now.
public struct ReopenOutcome: Sendable, Equatable {
    public var booking: Booking
    public var previousStatus: BookingStatus
    public var group: SessionGroup?
    /// The treatment had been completed or ended and is open again.
    public var treatmentReopened: Bool
}

/// What ending a treatment early did.
public struct EndOutcome: Sendable, Equatable {
    public var group: SessionGroup
    /// Upcoming sessions cancelled with it.
    public var cancelledSessions: [Booking]
}

/// Ending a treatment early and undoing a session's outcome: one transaction each, audited.
extension AppDatabase {
    /// Ends a treatment early with a reason: it is closed and counts as closed-not-completed. Its
    /// sessions that have not started are cancelled (their time becomes free) and its pending
    /// follow-ups withdrawn; sessions already past keep their outcome (or still need one).
    public func endTreatment(groupID: String, reason: EndReason) throws(StoreError) -> EndOutcome {
        let now = self.now
        return try write { db in
            guard let group = try Self.group(db, id: groupID) else { throw StoreError.notFound(.treatment, key: groupID) }
            guard !reason.text.isEmpty else {
                throw StoreError.invalid(.empty(.endReason))
            }
            let state = group.state(now: now)
            switch state {
            case .completed, .cancelled, .ended:
                throw StoreError.refused(.nothingToEnd(state))
            case .active, .toBook, .expired: break
            }
            let upcoming = group.sessions.filter { $0.status == .confirmed && $0.start > now }
            for session in upcoming {
                try db.execute(sql: "UPDATE bookings SET status = 'cancelled', updated_at = ?, updated_by = ? WHERE id = ?",
                               arguments: [now.storedSeconds, self.actor, session.id])
                try self.audit(db, action: "cancel", entity: "booking", id: "\(session.id)", before: "confirmed", after: "cancelled")
            }
            try db.execute(sql: """
                UPDATE session_groups SET ended_at = ?, ended_reason = ?, ended_by = ? WHERE session_group_id = ?
                """, arguments: [now.storedSeconds, reason.text, self.actor, groupID])
            try Self.withdrawPendingFollowUps(db, groupID: groupID)
            try Self.refreshGroup(db, id: groupID, now: now)
            try self.audit(db, action: "end", entity: "session_group", id: groupID, before: state.rawValue,
                           after: "ended: \(reason.text)")
            let ended = try Self.group(db, id: groupID)!
            return EndOutcome(group: ended, cancelledSessions: ended.sessions.filter { s in upcoming.contains { $0.id == s.id } })
        }
    }

    /// Returns a completed, cancelled or no-show session to confirmed (undo), when its time is still
    /// free and no other booking holds its session number; otherwise names who has it and refuses.
    /// A treatment that was completed or ended is open again; the follow-ups the outcome queued
    /// and that were not sent yet are withdrawn.
    public func reopen(bookingID: Int64) throws(StoreError) -> ReopenOutcome {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            let booking = try Self.requireBooking(db, id: bookingID)
            guard booking.status != .confirmed else {
                throw StoreError.refused(.wrongStatus(bookingID: bookingID, status: booking.status, change: .reopen))
            }
            let session = try Self.refusedSession(db, booking)
            var group: SessionGroup?
            if let groupID = booking.sessionGroupID {
                group = try Self.group(db, id: groupID)
                if group?.cancelled == true {
                    throw StoreError.refused(.treatmentCancelled(session))
                }
                if let holder = group?.sessions.first(where: { $0.id != bookingID && $0.sessionNumber == booking.sessionNumber && $0.status.holdsNumber }) {
                    throw StoreError.refused(.reopenBlocked(session, by: .numberBookedAgain(bookingID: holder.id, start: holder.start),
                                                            calendar: calendar))
                }
            }
            if booking.status == .cancelled, let holder = try Self.overlapping(db, booking) {
                throw StoreError.refused(.reopenBlocked(session, by: .timeTaken(bookingID: holder.id, provider: holder.providerName,
                                                                                customer: holder.customerName, start: holder.start,
                                                                                end: holder.end),
                                                        calendar: calendar))
            }
            let wasClosed = group.map { [.completed, .ended].contains($0.state(now: now)) } ?? false
            try db.execute(sql: "UPDATE bookings SET status = 'confirmed', updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [now.storedSeconds, self.actor, bookingID])
            try Self.withdrawOutcomeFollowUps(db, bookingID: bookingID)
            if let groupID = booking.sessionGroupID {
                if group?.ended != nil {
                    try db.execute(sql: "UPDATE session_groups SET ended_at = NULL, ended_reason = NULL, ended_by = NULL WHERE session_group_id = ?",
                                   arguments: [groupID])
                    try self.audit(db, action: "reopen", entity: "session_group", id: groupID, before: "ended", after: nil)
                }
                try Self.refreshGroup(db, id: groupID, now: now)
            }
            try self.audit(db, action: "reopen", entity: "booking", id: "\(bookingID)", before: booking.status.rawValue, after: "confirmed")
            let reopened = try booking.sessionGroupID.flatMap { try Self.group(db, id: $0) }
            return ReopenOutcome(booking: try Self.requireBooking(db, id: bookingID), previousStatus: booking.status,
                                 group: reopened, treatmentReopened: wasClosed)
        }
    }

    /// The session as refusals name it: "Lesson 2 of 10" in the service's noun, or the appointment.
    static func refusedSession(_ db: Database, _ booking: Booking) throws -> RefusedSession {
        let noun = booking.isPartOfMultiSession
            ? try String.fetchOne(db, sql: "SELECT session_noun FROM services WHERE id = ?", arguments: [booking.serviceID]) ?? "Session"
            : nil
        return RefusedSession(bookingID: booking.id, noun: noun, number: booking.sessionNumber, total: booking.totalSessions,
                              start: booking.start)
    }

    /// Another live booking of the same provider overlapping this one's time, if any.
    static func overlapping(_ db: Database, _ booking: Booking) throws -> Booking? {
        try Row.fetchOne(db, sql: """
            SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
            WHERE b.provider_id = ? AND b.id != ? AND b.status != 'cancelled'
              AND b.start_at > ? - 43200 AND b.start_at < ? AND b.end_at > ?
            ORDER BY b.start_at LIMIT 1
            """, arguments: [booking.providerID, booking.id, booking.start.storedSeconds, booking.end.storedSeconds,
                             booking.start.storedSeconds]).map(RowDecoding.booking)
    }
}
