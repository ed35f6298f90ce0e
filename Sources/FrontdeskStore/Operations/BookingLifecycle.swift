import Foundation
import FrontdeskCore
import GRDB

/// Completing, cancelling, no-shows, rescheduling and notes: one transaction each.
extension AppDatabase {
    /// How close to a session a change needs an explicit confirmation (the original's notice period).
    public static let shortNoticeSeconds: TimeInterval = 48 * 3600

    /// Marks a session completed. Completing a sequential session proposes the next one; completing
    /// the last one completes the treatment. A session starting more than an hour from now is
    /// refused unless `early` says it took place early on purpose (`EarlyCompletion`).
    public func complete(bookingID: Int64, early: Bool = false) throws(StoreError) -> CompletionOutcome {
        let calendar = self.calendar
        let now = self.now
        return try write { db in
            let booking = try Self.requireConfirmed(db, id: bookingID, change: .complete)
            if !early, EarlyCompletion.needsIntent(start: booking.start, now: now) {
                throw StoreError.refused(.completedTooEarly(try Self.refusedSession(db, booking), now: now, calendar: calendar))
            }
            try self.setStatus(db, booking: booking, to: .completed, now: now)
            let updated = try Self.requireBooking(db, id: bookingID)
            guard let groupID = booking.sessionGroupID else {
                try self.reconcileFollowUps(db, subject: Self.followUpSubject(of: booking))
                return CompletionOutcome(booking: updated, group: nil, nextWindow: nil, suggestedNext: nil, treatmentCompleted: false)
            }
            try Self.refreshGroup(db, id: groupID, now: now)
            let group = try Self.group(db, id: groupID)!
            let service = try Self.rulesService(db, for: booking)
            var window: SessionWindow?
            var suggestion: Date?
            let nextHeld = group.sessions.contains { $0.sessionNumber > booking.sessionNumber && $0.status.holdsNumber }
            let finished = group.state(now: now) == .completed
            if group.strategy == .sequential, !finished, !nextHeld, booking.sessionNumber < group.totalSessions {
                let gap = service.bufferRules.gap(afterSession: booking.sessionNumber)
                let nextWindow = SchedulePlanner.sequentialWindow(after: booking.start, gap: gap, calendar: calendar)
                window = nextWindow
                if let provider = try Self.provider(db, id: booking.providerID) {
                    let horizon = (nextWindow.latest ?? nextWindow.recommended).addingTimeInterval(60 * 86_400)
                    let schedule = try Self.schedule(db, provider: provider, from: min(nextWindow.earliest, now), to: horizon)
                    suggestion = SchedulePlanner.suggestNext(window: nextWindow, schedule: schedule,
                                                             durationMinutes: service.definition.durationMinutes(forSession: booking.sessionNumber + 1),
                                                             calendar: calendar, now: now)
                }
            }
            try self.queueCompletionFollowUps(db, group: group, completed: updated, window: window)
            try self.reconcileFollowUps(db, subject: groupID)
            try self.audit(db, action: "complete", entity: "booking", id: "\(bookingID)", before: "confirmed", after: "completed")
            return CompletionOutcome(booking: updated, group: group, nextWindow: window, suggestedNext: suggestion,
                                     treatmentCompleted: finished)
        }
    }

    /// Cancels a session; its number can be booked again. Within 48 hours it needs `confirmedShortNotice`.
    @discardableResult
    public func cancel(bookingID: Int64, confirmedShortNotice: Bool = false) throws(StoreError) -> Booking {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            let booking = try Self.requireConfirmed(db, id: bookingID, change: .cancel)
            if !confirmedShortNotice, booking.start > now, booking.start.timeIntervalSince(now) < Self.shortNoticeSeconds {
                throw StoreError.refused(.shortNotice(.cancel, start: booking.start, calendar: calendar))
            }
            try self.setStatus(db, booking: booking, to: .cancelled, now: now)
            if let groupID = booking.sessionGroupID { try Self.refreshGroup(db, id: groupID, now: now) }
            // Its reminder is withdrawn and the customer is told, in this same transaction.
            try self.queueCancellationNotice(db, booking: booking)
            try self.reconcileFollowUps(db, subject: Self.followUpSubject(of: booking))
            try self.audit(db, action: "cancel", entity: "booking", id: "\(bookingID)", before: "confirmed", after: "cancelled")
            return try Self.requireBooking(db, id: bookingID)
        }
    }

    /// Records that the customer did not come. Only for a session that has started.
    @discardableResult
    public func markNoShow(bookingID: Int64) throws(StoreError) -> Booking {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            let booking = try Self.requireConfirmed(db, id: bookingID, change: .noShow)
            guard booking.start <= now else {
                throw StoreError.refused(.noShowBeforeStart(try Self.refusedSession(db, booking), calendar: calendar))
            }
            try self.setStatus(db, booking: booking, to: .noShow, now: now)
            if let groupID = booking.sessionGroupID {
                try Self.refreshGroup(db, id: groupID, now: now)
                if let group = try Self.group(db, id: groupID) {
                    try self.queueMissedSessionFollowUp(db, group: group, missed: try Self.requireBooking(db, id: bookingID))
                }
            }
            try self.reconcileFollowUps(db, subject: Self.followUpSubject(of: booking))
            try self.audit(db, action: "no_show", entity: "booking", id: "\(bookingID)", before: "confirmed", after: "no_show")
            return try Self.requireBooking(db, id: bookingID)
        }
    }

    /// Moves a session, re-checking it with the placement rule (gaps to its neighbours, the
    /// provider's time, the horizon). For an immediate treatment, `shiftLater` moves every later
    /// session by the same amount, all or none; when one of them would land where the provider
    /// cannot take it, the nearest plan that fits (same time on the next open day, gaps kept) is
    /// proposed as `shiftProposed` and booked only with `acceptProposal`. Beyond the maximum gap
    /// needs `confirmedLate`. Flexible lessons are renumbered by date afterwards.
    public func reschedule(bookingID: Int64, to newStart: Date, shiftLater: Bool = false,
                           confirmedShortNotice: Bool = false, confirmedLate: Bool = false,
                           acceptProposal: Bool = false) throws(StoreError) -> [Booking] {
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            let booking = try Self.requireConfirmed(db, id: bookingID, change: .reschedule)
            if newStart < now { throw StoreError.refused(.inThePast(newStart, calendar: calendar)) }
            if !confirmedShortNotice, booking.start > now, booking.start.timeIntervalSince(now) < Self.shortNoticeSeconds {
                throw StoreError.refused(.shortNotice(.reschedule, start: booking.start, calendar: calendar))
            }
            let service = try Self.rulesService(db, for: booking)
            guard let provider = try Self.provider(db, id: booking.providerID) else {
                throw StoreError.notFound(.provider, key: "\(booking.providerID)")
            }
            let group = try booking.sessionGroupID.flatMap { try Self.group(db, id: $0) }
            let timeline = (group?.sessions ?? [booking]).map(TimelineSession.init)
            let moved = TimelineSession(booking)
            let later = shiftLater && group?.strategy == .immediate
                ? timeline.filter { $0.number > booking.sessionNumber && $0.status == .confirmed } : []
            let rule = self.placementRule(service: service, strategy: group?.strategy ?? .flexible)
            let excluded = Set([booking.id] + later.compactMap(\.id))
            let span = later.map(\.start).max().map { calendar.adding(days: max(0, calendar.daysBetween(booking.start, newStart)) + 60, to: $0) }
            let readUntil = min(max(newStart, span ?? newStart), calendar.startOfDay(rule.lastBookableDay ?? calendar.localDay(of: newStart)))
            let availability = try Self.schedule(db, provider: provider, from: min(newStart, booking.start),
                                                 to: max(readUntil, newStart).addingTimeInterval(86_400), excluding: excluded)

            let plan = rule.shiftLater(moving: moved, to: newStart, later: later, others: timeline, availability: availability)
            let refusals = plan.findings.refusals
            if !refusals.isEmpty {
                throw StoreError.refused(.placement(PlacementRefusal(provider: provider.name, findings: refusals, calendar: calendar)))
            }
            if plan.isAdjusted && !acceptProposal {
                throw StoreError.refused(.shiftProposal(provider: provider.name, plan, calendar: calendar))
            }
            if !plan.findings.warnings.isEmpty && !confirmedLate {
                throw StoreError.refused(.lateConfirmation(PlacementRefusal(provider: provider.name, findings: plan.findings.warnings,
                                                                            calendar: calendar)))
            }
            // Move later sessions first when shifting forward, so no two moved sessions collide mid-update.
            let ordered = newStart > booking.start ? plan.sessions.reversed() : plan.sessions
            for move in ordered {
                guard let id = move.id else { continue }
                try db.execute(sql: "UPDATE bookings SET start_at = ?, end_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                               arguments: [move.to.storedSeconds, move.placed.end.storedSeconds, now.storedSeconds, self.actor, id])
                try self.audit(db, action: "reschedule", entity: "booking", id: "\(id)",
                               before: calendar.iso8601(move.from), after: calendar.iso8601(move.to))
            }
            if let group {
                if group.strategy == .flexible { try self.renumberByDate(db, groupID: group.id, service: service, now: now) }
                try Self.refreshGroup(db, id: group.id, now: now)
            }
            // A change notice with the new time for each session that moved; the old reminders are
            // withdrawn and ones for the new times queued.
            for move in plan.sessions where move.from != move.to {
                guard let id = move.id else { continue }
                try self.queueChangeNotice(db, booking: try Self.requireBooking(db, id: id))
            }
            try self.reconcileFollowUps(db, subject: Self.followUpSubject(of: booking))
            return try plan.sessions.compactMap(\.id).map { try Self.requireBooking(db, id: $0) }
        }
    }

    /// Replaces a session's notes.
    @discardableResult
    public func setNotes(bookingID: Int64, notes: String) throws(StoreError) -> Booking {
        try Self.checkText(notes, field: "Notes", limit: TextLimits.notes, multiline: true)
        let now = self.now
        return try write { db in
            let booking = try Self.requireBooking(db, id: bookingID)
            try db.execute(sql: "UPDATE bookings SET notes = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                           arguments: [notes, now.storedSeconds, self.actor, bookingID])
            try self.audit(db, action: "notes", entity: "booking", id: "\(bookingID)", before: booking.notes, after: notes)
            return try Self.requireBooking(db, id: bookingID)
        }
    }

    /// Gives a flexible package more time (a manager's decision); an expired package takes bookings again.
    @discardableResult
    public func extendPackage(groupID: String, until: Date) throws(StoreError) -> SessionGroup {
        let now = self.now
        return try write { db in
            guard let group = try Self.group(db, id: groupID) else { throw StoreError.notFound(.treatment, key: groupID) }
            let state = group.state(now: now)
            if [.completed, .cancelled, .ended].contains(state) {
                throw StoreError.refused(.nothingToExtend(state))
            }
            guard until > now else { throw StoreError.refused(.inThePast(until, calendar: self.calendar)) }
            try db.execute(sql: "UPDATE session_groups SET expires_at = ? WHERE session_group_id = ?", arguments: [until.storedSeconds, groupID])
            try self.reconcileFollowUps(db, subject: groupID)
            try self.audit(db, action: "extend", entity: "session_group", id: groupID,
                           before: group.expiresAt.map { self.calendar.iso8601($0) }, after: self.calendar.iso8601(until))
            return try Self.group(db, id: groupID)!
        }
    }

    private func setStatus(_ db: Database, booking: Booking, to status: BookingStatus, now: Date) throws {
        try db.execute(sql: "UPDATE bookings SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                       arguments: [status.rawValue, now.storedSeconds, actor, booking.id])
    }

    /// The booking, which must still be confirmed for `change` (completing, cancelling, …).
    static func requireConfirmed(_ db: Database, id: Int64, change: SessionChange) throws -> Booking {
        let booking = try requireBooking(db, id: id)
        guard booking.status == .confirmed else {
            throw StoreError.refused(.wrongStatus(bookingID: id, status: booking.status, change: change))
        }
        return booking
    }

    static func requireBooking(_ db: Database, id: Int64) throws -> Booking {
        guard let booking = try booking(db, id: id) else { throw StoreError.notFound(.booking, key: "\(id)") }
        return booking
    }
}
