import Foundation

/// The follow-up a missed session (no-show) queues: the session's number is free again, so the
/// customer is asked to book it again (issue 12 item 1).
extension FollowUpRules {
    /// The invitation to rebook session `bookingID` of the group after a no-show, due at once;
    /// nil when that booking is not a no-show, its number was booked again, or the treatment is closed.
    public static func afterNoShow(of bookingID: Int64, facts: GroupFacts, now: Date, calendar: ClinicCalendar) -> DueFollowUp? {
        guard let booking = facts.bookings.first(where: { $0.bookingID == bookingID }), booking.session.status == .noShow,
              !facts.state(now: now).isClosed,
              facts.progress(now: now).missedNumbers.contains(booking.session.number) else { return nil }
        return DueFollowUp(kind: .nextSession, dueAt: now,
                           text: FollowUpText.missed(noun: facts.sessionNoun, session: booking.session,
                                                     totalSessions: facts.totalSessions, calendar: calendar),
                           dedupeKey: "rebook:booking:\(bookingID)", groupID: facts.groupID, bookingID: bookingID)
    }
}

extension FollowUpText {
    /// After a no-show: "We missed you at Session 2 of 3 on Tuesday, March 24. When would you like to
    /// book it again?"
    public static func missed(noun: String, session: SessionSnapshot, totalSessions: Int, calendar: ClinicCalendar) -> String {
        "We missed you at \(noun) \(session.number) of \(totalSessions) on \(DateWording.longDay(calendar.localDay(of: session.start))). "
            + "When would you like to book it again?"
    }
}
