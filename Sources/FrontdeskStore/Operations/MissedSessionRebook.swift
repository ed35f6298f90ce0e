import Foundation
import FrontdeskCore
import GRDB

/// Booking a missed session of an immediate treatment again, moving the later sessions along when
/// asked: the placement rule decides, and it is one transaction, all or nothing.
extension AppDatabase {
    /// Books the lowest missed (no-show or cancelled) session number of an immediate treatment again
    /// at `start`. When that start breaks the gap to a later session, it is refused with what
    /// `moveLater` would do; with `moveLater` every later confirmed session moves by the same amount
    /// (days and time of day), so the gaps stay as planned. A later session whose new time is not
    /// available is proposed on the next open day (`shiftProposed`), booked with `acceptProposal`;
    /// a gap beyond the maximum needs `confirmedLate`. The result lists the new booking first, then
    /// the moved sessions.
    public func rebookMissed(groupID: String, start: Date, providerID: Int64? = nil, moveLater: Bool,
                             acceptProposal: Bool = false, confirmedLate: Bool = false) throws(StoreError) -> BookingResult {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            guard let group = try Self.group(db, id: groupID) else { throw StoreError.notFound(what: "treatment", key: groupID) }
            guard group.strategy == .immediate else {
                throw StoreError.refused(.notBookable(.onlyImmediateMovesAlong(treatment: groupID)))
            }
            let state = group.state(now: now)
            if state.isClosed { throw StoreError.refused(.treatmentClosed(state)) }
            let progress = group.progress(now: now)
            guard let number = MissedSessionRebooking.number(in: progress),
                  let missed = group.sessions.filter({ $0.sessionNumber == number && !$0.status.holdsNumber }).max(by: { $0.start < $1.start })
            else { throw StoreError.refused(.notBookable(.nothingMissed)) }
            let service = try Self.requireService(db, id: group.serviceID)
            let chosen = providerID ?? missed.providerID
            guard let provider = try Self.provider(db, id: chosen) else { throw StoreError.notFound(what: "provider", key: "\(chosen)") }

            let rule = self.placementRule(service: service, strategy: .immediate)
            let timeline = group.sessions.map(TimelineSession.init)
            // The missed session, as the rule moves it: from where it was to the new start.
            let again = TimelineSession(number: number, start: missed.start,
                                        durationMinutes: service.definition.durationMinutes(forSession: number))
            let later = timeline.filter { $0.number > number && $0.status == .confirmed }
            let span = later.map(\.start).max().map { calendar.adding(days: max(0, calendar.daysBetween(missed.start, start)) + 60, to: $0) }
            let availability = try Self.schedule(db, provider: provider, from: min(start, missed.start),
                                                 to: max(span ?? start, start).addingTimeInterval(86_400),
                                                 excluding: Set(later.compactMap(\.id)))
            func plan(_ moving: [TimelineSession]) -> ShiftPlan {
                rule.shiftLater(moving: again, to: start, later: moving, others: timeline, availability: availability)
            }
            let chosenPlan = plan(moveLater ? later : [])
            let noun = group.sessionNoun
            if !chosenPlan.findings.refusals.isEmpty {
                // Would moving the later sessions along fix it? Then say so instead of only refusing.
                let along = plan(later)
                if !moveLater, !later.isEmpty, along.findings.refusals.isEmpty {
                    let refusal = PlacementRefusal(provider: provider.name, findings: chosenPlan.findings.refusals, calendar: calendar)
                    throw StoreError.refused(.laterSessionsInTheWay(refusal, noun: noun, moves: Array(along.sessions.dropFirst())))
                }
                throw StoreError.refused(.placement(PlacementRefusal(provider: provider.name, findings: chosenPlan.findings.refusals,
                                                                     calendar: calendar)))
            }
            if chosenPlan.isAdjusted && !acceptProposal {
                throw StoreError.refused(.shiftProposal(provider: provider.name, chosenPlan, calendar: calendar))
            }
            if !chosenPlan.findings.warnings.isEmpty && !confirmedLate {
                throw StoreError.refused(.lateConfirmation(PlacementRefusal(provider: provider.name, findings: chosenPlan.findings.warnings,
                                                                            calendar: calendar)))
            }

            // Later sessions first when moving forward, so no two of them collide mid-update.
            let moves = Array(chosenPlan.sessions.dropFirst())
            for move in (start > missed.start ? moves.reversed() : moves) {
                guard let id = move.id else { continue }
                try db.execute(sql: "UPDATE bookings SET start_at = ?, end_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                               arguments: [move.to.storedSeconds, move.placed.end.storedSeconds, now.storedSeconds, self.actor, id])
                try self.audit(db, action: "reschedule", entity: "booking", id: "\(id)",
                               before: calendar.iso8601(move.from), after: calendar.iso8601(move.to))
            }
            let newStart = chosenPlan.sessions[0].to
            let id = try Self.insertBooking(db, customerID: group.customerID, service: service, providerID: provider.id, start: newStart,
                                            number: number, groupID: groupID, actor: self.actor, now: now)
            try Self.refreshGroup(db, id: groupID, now: now)
            let updated = try Self.group(db, id: groupID)!
            let booked = updated.sessions.filter { $0.id == id }
            try self.queueConfirmation(db, group: updated, booked: booked)
            try self.audit(db, action: "book", entity: "session_group", id: groupID,
                           after: "\(noun) \(number) again" + (moves.isEmpty ? "" : ", \(moves.count) later moved along"))
            let movedSessions = moves.compactMap { move in updated.sessions.first { $0.id == move.id } }
            return BookingResult(bookings: booked + movedSessions, group: updated, shifted: !moves.isEmpty)
        }
    }
}
