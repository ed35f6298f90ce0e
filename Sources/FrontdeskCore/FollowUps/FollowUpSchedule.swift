import Foundation

/// What should be pending for a treatment or a single booking at any moment, with its due time
/// (past or future). The store reconciles the queue with this in every transaction that changes
/// bookings, so nothing has to be searched for later: a cancelled session's reminder is withdrawn,
/// a moved one gets a reminder for its new time.
extension FollowUpRules {
    /// Follow-ups whose reason is older than this are left to staff, not queued automatically
    /// (a customer who stopped a year ago gets no "it's been 400 days" message).
    public static let lookBackDays = 90

    /// The kinds the schedule owns: a pending one that is no longer scheduled is withdrawn.
    public static let scheduledKinds: Set<FollowUpKind> = [.reminder, .progress, .completion, .nextSession, .overdue, .checkIn, .expiry]

    /// Everything that should be pending for `facts` at `now`: a reminder 24 h before each future
    /// confirmed session, the messages of the latest completion (within `completionCatchUpDays`), the
    /// overdue warning of a sequential treatment waiting for its next booking, a flexible package's
    /// check-in after its last booked lesson and its expiry warning. Texts are worded as of the
    /// later of `now` and the due time.
    public static func scheduled(for facts: GroupFacts, now: Date, calendar: ClinicCalendar) -> [DueFollowUp] {
        let state = facts.state(now: now)
        guard state != .cancelled, state != .ended else { return [] }
        let progress = facts.progress(now: now)
        let lookBack = calendar.adding(days: -lookBackDays, to: now)
        var result: [DueFollowUp] = []

        for booking in facts.bookings where booking.session.status == .confirmed && booking.session.start > now {
            result.append(reminder(for: booking, facts: facts, now: now, calendar: calendar))
        }

        let latestCompleted = facts.bookings.filter { $0.session.status == .completed }
            .max { ($0.session.start, $0.session.number) < ($1.session.start, $1.session.number) }
        if let latest = latestCompleted, calendar.daysBetween(latest.session.start, now) <= completionCatchUpDays {
            result += afterCompletion(of: latest.bookingID, facts: facts, now: now, calendar: calendar)
        }

        // A missed session whose number is still free: the invitation to book it again (its own key).
        for missed in facts.bookings where missed.session.status == .noShow && missed.session.end >= lookBack {
            if var rebook = afterNoShow(of: missed.bookingID, facts: facts, now: now, calendar: calendar) {
                rebook.dueAt = missed.session.end
                result.append(rebook)
            }
        }

        let bookedAhead = facts.bookings.contains { $0.session.status == .confirmed && $0.session.start > now }
        if facts.strategy == .sequential, !state.isClosed, !bookedAhead, progress.nextFreeNumber != nil,
           let latest = latestCompleted, latest.session.start >= lookBack {
            let dueAt = overdueAt(afterSession: latest.session.number, start: latest.session.start, gaps: facts.gaps, calendar: calendar)
            result.append(DueFollowUp(
                kind: .overdue, dueAt: dueAt,
                text: FollowUpText.overdue(noun: facts.sessionNoun, lastCompleted: latest.session.number,
                                           lastSessionStart: latest.session.start, now: max(now, dueAt), calendar: calendar),
                dedupeKey: "overdue:booking:\(latest.bookingID)", groupID: facts.groupID, bookingID: latest.bookingID))
        }

        if facts.strategy == .flexible, !state.isClosed, progress.remaining > 0,
           let last = facts.bookings.filter({ $0.session.status.holdsSlot }).max(by: { $0.session.end < $1.session.end }),
           last.session.end >= lookBack {
            result.append(DueFollowUp(
                kind: .checkIn, dueAt: last.session.end,
                text: FollowUpText.checkIn(noun: facts.sessionNoun, remaining: progress.remaining),
                dedupeKey: "check_in:booking:\(last.bookingID)", groupID: facts.groupID, bookingID: last.bookingID))
        }

        if facts.strategy == .flexible, let expiresAt = facts.expiresAt, !state.isClosed, progress.remaining > 0, now < expiresAt {
            let dueAt = calendar.adding(days: -expiryWarningDays, to: expiresAt)
            result.append(DueFollowUp(
                kind: .expiry, dueAt: dueAt,
                text: FollowUpText.expiry(noun: facts.sessionNoun, daysLeft: calendar.daysBetween(max(now, dueAt), expiresAt),
                                          remaining: progress.remaining),
                dedupeKey: "expiry:group:\(facts.groupID):\(calendar.localDay(of: expiresAt))",
                groupID: facts.groupID, bookingID: nil))
        }
        return result
    }

    /// A single booking (no treatment): its reminder while it is confirmed and ahead. `groupID` is empty.
    public static func scheduledSingle(bookingID: Int64, serviceName: String, status: BookingStatus, start: Date,
                                       now: Date, calendar: ClinicCalendar) -> [DueFollowUp] {
        guard status == .confirmed, start > now else { return [] }
        let dueAt = start.addingTimeInterval(-reminderLead)
        return [DueFollowUp(kind: .reminder, dueAt: dueAt,
                            text: FollowUpText.appointmentReminder(serviceName: serviceName, start: start, now: max(now, dueAt),
                                                                   calendar: calendar),
                            dedupeKey: reminderKey(bookingID: bookingID, start: start), groupID: "", bookingID: bookingID)]
    }

    /// A reminder is for one booking at one time: moving the booking makes it another reminder.
    public static func reminderKey(bookingID: Int64, start: Date) -> String {
        "reminder:booking:\(bookingID):\(Int64(start.timeIntervalSince1970.rounded(.down)))"
    }

    private static func reminder(for booking: GroupBooking, facts: GroupFacts, now: Date, calendar: ClinicCalendar) -> DueFollowUp {
        let dueAt = booking.session.start.addingTimeInterval(-reminderLead)
        return DueFollowUp(
            kind: .reminder, dueAt: dueAt,
            text: FollowUpText.reminder(noun: facts.sessionNoun, session: booking.session, totalSessions: facts.totalSessions,
                                        now: max(now, dueAt), calendar: calendar),
            dedupeKey: reminderKey(bookingID: booking.bookingID, start: booking.session.start),
            groupID: facts.groupID, bookingID: booking.bookingID)
    }
}
