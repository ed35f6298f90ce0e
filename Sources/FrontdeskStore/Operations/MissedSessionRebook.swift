import Foundation
import FrontdeskCore
import GRDB

/// Booking a missed session of an immediate treatment again, moving the later sessions along when
/// asked: the placement rule decides, and it is one transaction, all or nothing.
extension AppDatabase {
    /// What booking the missed session at `start` takes, without writing anything: the session
    /// alone, and the later sessions moved along by the same amount (the Book flow's preview).
    public func proposeRebookMissed(groupID: String, start: Date, providerID: Int64? = nil) throws(StoreError) -> MissedRebookProposal {
        try read { db in try self.missedRebook(db, groupID: groupID, start: start, providerID: providerID).proposal }
    }

    /// Books the lowest missed (no-show or cancelled) session number of an immediate treatment again
    /// at `start`. When that start breaks the gap to a later session, it is refused with what
    /// `moveLater` would do; with `moveLater` every later confirmed session moves by the same amount
    /// (days and time of day), so the gaps stay as planned. A later session whose new time is not
    /// available is proposed on the next open day (`shiftProposed`), booked with `acceptProposal`;
    /// a gap beyond the maximum needs `confirmedLate`. `expectedStarts` are the starts a preview
    /// showed (the missed session first, then the later ones): when the plan made now differs
    /// (another terminal took a slot), nothing is written (`rebookChanged`, with the plan as it is now). The result lists the new
    /// booking first, then the moved sessions.
    public func rebookMissed(groupID: String, start: Date, providerID: Int64? = nil, moveLater: Bool,
                             acceptProposal: Bool = false, confirmedLate: Bool = false,
                             expectedStarts: [Date]? = nil) throws(StoreError) -> BookingResult {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            let found = try self.missedRebook(db, groupID: groupID, start: start, providerID: providerID)
            let proposal = found.proposal
            let provider = proposal.provider
            let chosenPlan = moveLater ? (proposal.movedAlong ?? proposal.alone) : proposal.alone
            if !chosenPlan.findings.refusals.isEmpty {
                // Would moving the later sessions along fix it? Then say so instead of only refusing.
                if !moveLater, proposal.needsMovingLater {
                    throw StoreError.refused(.laterSessionsInTheWay(proposal.refusal, noun: found.group.sessionNoun, moves: proposal.moves))
                }
                throw StoreError.refused(.placement(PlacementRefusal(provider: provider, findings: chosenPlan.findings.refusals,
                                                                     calendar: calendar)))
            }
            if let expectedStarts, chosenPlan.sessions.map(\.to) != expectedStarts {
                throw StoreError.refused(.rebookChanged(proposal))
            }
            if chosenPlan.isAdjusted && !acceptProposal {
                throw StoreError.refused(.shiftProposal(provider: provider, chosenPlan, calendar: calendar))
            }
            if !chosenPlan.findings.warnings.isEmpty && !confirmedLate {
                throw StoreError.refused(.lateConfirmation(PlacementRefusal(provider: provider, findings: chosenPlan.findings.warnings,
                                                                            calendar: calendar)))
            }
            return try self.writeRebook(db, found, plan: chosenPlan, now: now)
        }
    }

    /// Everything a rebooking is decided on, read inside the caller's transaction.
    private struct MissedRebook {
        var group: SessionGroup
        var service: Service
        var proposal: MissedRebookProposal
        var missedStart: Date
    }

    private func missedRebook(_ db: Database, groupID: String, start: Date, providerID: Int64?) throws -> MissedRebook {
        let now = self.now
        let calendar = self.calendar
        guard let group = try Self.group(db, id: groupID) else { throw StoreError.notFound(.treatment, key: groupID) }
        guard group.strategy == .immediate else {
            throw StoreError.refused(.notBookable(.onlyImmediateMovesAlong(treatment: groupID)))
        }
        let state = group.state(now: now)
        if state.isClosed { throw StoreError.refused(.treatmentClosed(state)) }
        let progress = group.progress(now: now)
        guard let number = MissedSessionRebooking.number(in: progress),
              let missed = group.sessions.filter({ $0.sessionNumber == number && !$0.status.holdsNumber }).max(by: { $0.start < $1.start })
        else { throw StoreError.refused(.notBookable(.nothingMissed)) }
        // The rules the treatment was booked under, not the service's current ones.
        let service = try Self.service(db, asBookedIn: groupID) ?? Self.requireService(db, id: group.serviceID)
        let chosen = providerID ?? missed.providerID
        guard let provider = try Self.provider(db, id: chosen) else { throw StoreError.notFound(.provider, key: "\(chosen)") }

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
        let proposal = MissedRebookProposal(number: number, providerID: provider.id, provider: provider.name, alone: plan([]),
                                            movedAlong: later.isEmpty ? nil : plan(later), calendar: calendar)
        return MissedRebook(group: group, service: service, proposal: proposal, missedStart: missed.start)
    }

    /// Moves the later sessions, books the missed number, and brings the follow-ups up to date.
    private func writeRebook(_ db: Database, _ found: MissedRebook, plan: ShiftPlan, now: Date) throws -> BookingResult {
        let calendar = self.calendar
        let groupID = found.group.id
        let number = found.proposal.number
        let newStart = plan.sessions[0].to
        // Later sessions first when moving forward, so no two of them collide mid-update.
        let moves = Array(plan.sessions.dropFirst())
        for move in (newStart > found.missedStart ? moves.reversed() : moves) {
            guard let id = move.id else { continue }
            try db.execute(sql: "UPDATE bookings SET start_at = ?, end_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [move.to.storedSeconds, move.placed.end.storedSeconds, now.storedSeconds, self.actor, id])
            try self.audit(db, action: "reschedule", entity: "booking", id: "\(id)",
                           before: calendar.iso8601(move.from), after: calendar.iso8601(move.to))
        }
        let id = try Self.insertBooking(db, customerID: found.group.customerID, service: found.service,
                                        providerID: found.proposal.providerID, start: newStart,
                                        number: number, groupID: groupID, actor: self.actor, now: now)
        try Self.refreshGroup(db, id: groupID, now: now)
        let updated = try Self.group(db, id: groupID)!
        let booked = updated.sessions.filter { $0.id == id }
        try self.queueConfirmation(db, group: updated, booked: booked)
        // A change notice with the new time for each session that moved; reminders follow the new times
        // and the request to rebook the missed session is settled.
        for move in moves where move.from != move.to {
            guard let movedID = move.id else { continue }
            try self.queueChangeNotice(db, booking: try Self.requireBooking(db, id: movedID))
        }
        try self.reconcileFollowUps(db, subject: groupID)
        try self.audit(db, action: "book", entity: "session_group", id: groupID,
                       after: "\(found.group.sessionNoun) \(number) again" + (moves.isEmpty ? "" : ", \(moves.count) later moved along"))
        let movedSessions = moves.compactMap { move in updated.sessions.first { $0.id == move.id } }
        return BookingResult(bookings: booked + movedSessions, group: updated, shifted: !moves.isEmpty)
    }
}
