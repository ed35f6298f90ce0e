import Foundation

/// One booking of a group with its stored id, so follow-ups can point at it.
public struct GroupBooking: Sendable, Equatable {
    public var bookingID: Int64
    public var session: SessionSnapshot

    public init(bookingID: Int64, session: SessionSnapshot) {
        self.bookingID = bookingID
        self.session = session
    }
}

/// What the follow-up rules need to know about one session group.
public struct GroupFacts: Sendable, Equatable {
    public var groupID: String
    public var serviceName: String
    /// "Session", "Lesson".
    public var sessionNoun: String
    public var strategy: Strategy
    public var totalSessions: Int
    public var bookings: [GroupBooking]
    /// gaps[i] is the gap between session i+1 and i+2 (from the service's buffer rules).
    public var gaps: [SessionGap]
    public var expiresAt: Date?
    public var cancelled: Bool
    /// Ended early by the desk.
    public var ended: Bool

    public init(groupID: String, serviceName: String, sessionNoun: String = "Session", strategy: Strategy,
                totalSessions: Int, bookings: [GroupBooking], gaps: [SessionGap] = [], expiresAt: Date? = nil,
                cancelled: Bool = false, ended: Bool = false) {
        self.groupID = groupID
        self.serviceName = serviceName
        self.sessionNoun = sessionNoun
        self.strategy = strategy
        self.totalSessions = totalSessions
        self.bookings = bookings
        self.gaps = gaps
        self.expiresAt = expiresAt
        self.cancelled = cancelled
        self.ended = ended
    }

    public func progress(now: Date) -> GroupProgress {
        GroupProgress(totalSessions: totalSessions, sessions: bookings.map(\.session), now: now)
    }

    public func state(now: Date) -> GroupState {
        GroupState.of(progress(now: now), cancelled: cancelled, ended: ended, expiresAt: expiresAt, now: now)
    }
}

/// A follow-up the rules say should exist, ready to be stored. Storing is keyed by `dedupeKey`,
/// so generating twice never queues twice.
public struct DueFollowUp: Sendable, Equatable {
    public var kind: FollowUpKind
    public var dueAt: Date
    public var text: String
    /// Stable identity such as "reminder:booking:42"; the store keeps it unique.
    public var dedupeKey: String
    public var groupID: String
    /// The booking it is about, when there is one.
    public var bookingID: Int64?

    public init(kind: FollowUpKind, dueAt: Date, text: String, dedupeKey: String, groupID: String, bookingID: Int64?) {
        self.kind = kind
        self.dueAt = dueAt
        self.text = text
        self.dedupeKey = dedupeKey
        self.groupID = groupID
        self.bookingID = bookingID
    }
}

/// When each follow-up of SPEC §4 is due, as pure functions of a group's facts and the clock.
public enum FollowUpRules {
    /// Reminders go out this long before a session.
    public static let reminderLead: TimeInterval = 24 * 3600
    /// Expiry warnings start this many days before a package lapses.
    public static let expiryWarningDays = 30
    /// Progress, completion and next-session messages are (re)generated only this many days after the session.
    public static let completionCatchUpDays = 7

    /// Every follow-up due at `now` for one group: reminders, overdue warnings, check-ins, expiry
    /// warnings, and the progress / completion / next-session messages of the latest completed
    /// session (a catch-up in case they were not queued when it was marked). Confirmations are made
    /// when booking, with `confirmation(for:bookingIDs:now:calendar:)`.
    public static func due(for facts: GroupFacts, now: Date, calendar: ClinicCalendar) -> [DueFollowUp] {
        let state = facts.state(now: now)
        guard state != .cancelled, state != .ended else { return [] }
        let progress = facts.progress(now: now)
        var result: [DueFollowUp] = []

        for booking in facts.bookings where booking.session.status == .confirmed {
            let dueAt = booking.session.start.addingTimeInterval(-reminderLead)
            guard dueAt <= now, now < booking.session.start else { continue }
            result.append(DueFollowUp(
                kind: .reminder, dueAt: dueAt,
                text: FollowUpText.reminder(noun: facts.sessionNoun, session: booking.session,
                                            totalSessions: facts.totalSessions, now: now, calendar: calendar),
                dedupeKey: "reminder:booking:\(booking.bookingID)", groupID: facts.groupID, bookingID: booking.bookingID))
        }

        let latestCompleted = facts.bookings.filter { $0.session.status == .completed }
            .max { ($0.session.start, $0.session.number) < ($1.session.start, $1.session.number) }
        if let latest = latestCompleted, calendar.daysBetween(latest.session.start, now) <= completionCatchUpDays {
            result += afterCompletion(of: latest.bookingID, facts: facts, now: now, calendar: calendar)
                .filter { $0.dueAt <= now }
        }

        if facts.strategy == .sequential, !state.isClosed, progress.booked == 0, progress.nextFreeNumber != nil,
           let latest = latestCompleted {
            let dueAt = overdueAt(afterSession: latest.session.number, start: latest.session.start, gaps: facts.gaps, calendar: calendar)
            if now > dueAt {
                result.append(DueFollowUp(
                    kind: .overdue, dueAt: dueAt,
                    text: FollowUpText.overdue(noun: facts.sessionNoun, lastCompleted: latest.session.number,
                                               lastSessionStart: latest.session.start, now: now, calendar: calendar),
                    dedupeKey: "overdue:booking:\(latest.bookingID)", groupID: facts.groupID,
                    bookingID: latest.bookingID))
            }
        }

        if facts.strategy == .flexible, !state.isClosed, progress.booked == 0, progress.remaining > 0,
           let last = facts.bookings.filter({ $0.session.status.holdsSlot }).max(by: { $0.session.end < $1.session.end }),
           last.session.end <= now {
            result.append(DueFollowUp(
                kind: .checkIn, dueAt: last.session.end,
                text: FollowUpText.checkIn(noun: facts.sessionNoun, remaining: progress.remaining),
                dedupeKey: "check_in:booking:\(last.bookingID)", groupID: facts.groupID, bookingID: last.bookingID))
        }

        if facts.strategy == .flexible, let expiresAt = facts.expiresAt, !state.isClosed, progress.remaining > 0,
           now < expiresAt {
            let dueAt = calendar.adding(days: -expiryWarningDays, to: expiresAt)
            if now >= dueAt {
                let daysLeft = calendar.daysBetween(now, expiresAt)
                result.append(DueFollowUp(
                    kind: .expiry, dueAt: dueAt,
                    text: FollowUpText.expiry(noun: facts.sessionNoun, daysLeft: daysLeft, remaining: progress.remaining),
                    dedupeKey: "expiry:group:\(facts.groupID):\(calendar.localDay(of: expiresAt))",
                    groupID: facts.groupID, bookingID: nil))
            }
        }
        return result
    }

    /// The confirmation for bookings just made in one go (all of an immediate group, or a flexible batch).
    public static func confirmation(for facts: GroupFacts, bookingIDs: [Int64], now: Date,
                                    calendar: ClinicCalendar) -> DueFollowUp? {
        let ids = Set(bookingIDs)
        let booked = facts.bookings.filter { ids.contains($0.bookingID) && $0.session.status == .confirmed }
        guard let first = booked.map(\.bookingID).min() else { return nil }
        let remaining = facts.strategy == .flexible ? facts.progress(now: now).remaining : nil
        return DueFollowUp(
            kind: .confirmation, dueAt: now,
            text: FollowUpText.confirmation(serviceName: facts.serviceName, noun: facts.sessionNoun,
                                            totalSessions: facts.totalSessions, sessions: booked.map(\.session),
                                            remaining: remaining, calendar: calendar),
            dedupeKey: "confirmation:booking:\(first)", groupID: facts.groupID, bookingID: first)
    }

    /// What completing a booking queues: progress (or completion, when the group is done) and, for a
    /// sequential treatment with nothing booked ahead, the invitation to book the next session.
    /// Each is due when the session ends.
    public static func afterCompletion(of bookingID: Int64, facts: GroupFacts, now: Date,
                                       calendar: ClinicCalendar) -> [DueFollowUp] {
        guard !facts.cancelled, !facts.ended, let booking = facts.bookings.first(where: { $0.bookingID == bookingID }),
              booking.session.status == .completed else { return [] }
        let k = booking.session.number, n = facts.totalSessions
        let progress = facts.progress(now: now)
        let dueAt = booking.session.end
        if facts.state(now: now) == .completed {
            return [DueFollowUp(kind: .completion, dueAt: dueAt,
                                text: FollowUpText.completion(serviceName: facts.serviceName, noun: facts.sessionNoun,
                                                              totalSessions: n),
                                dedupeKey: "completion:group:\(facts.groupID)", groupID: facts.groupID,
                                bookingID: bookingID)]
        }
        var result = [DueFollowUp(kind: .progress, dueAt: dueAt,
                                  text: FollowUpText.progress(noun: facts.sessionNoun, completed: k < n ? k : min(progress.completed, n - 1),
                                                              totalSessions: n),
                                  dedupeKey: "progress:booking:\(bookingID)", groupID: facts.groupID,
                                  bookingID: bookingID)]
        if facts.strategy == .sequential, k < n, progress.booked == 0, progress.nextFreeNumber != nil {
            let gap = SchedulePlanner.gapBefore(session: k + 1, in: facts.gaps)
            let window = SchedulePlanner.sequentialWindow(after: booking.session.start, gap: gap, calendar: calendar)
            result.append(DueFollowUp(kind: .nextSession, dueAt: dueAt,
                                      text: FollowUpText.nextSession(noun: facts.sessionNoun, completed: k,
                                                                     totalSessions: n, window: window, calendar: calendar),
                                      dedupeKey: "next_session:booking:\(bookingID)", groupID: facts.groupID,
                                      bookingID: bookingID))
        }
        return result
    }

    /// When a sequential treatment becomes overdue after its latest completed session `number`, which
    /// started at `start`, under the treatment's own gaps (the gap before session `number + 1`; the
    /// last gap stands in past the plan). The follow-ups and the Dashboard's overdue figure both ask this.
    public static func overdueAt(afterSession number: Int, start: Date, gaps: [SessionGap], calendar: ClinicCalendar) -> Date {
        overdueAt(lastSessionStart: start, gap: SchedulePlanner.gapBefore(session: number + 1, in: gaps), calendar: calendar)
    }

    /// When a sequential treatment becomes overdue after a session: its start plus the maximum gap,
    /// else plus twice the recommended gap.
    public static func overdueAt(lastSessionStart: Date, gap: SessionGap, calendar: ClinicCalendar) -> Date {
        if let maximum = gap.maximum { return calendar.adding(maximum, to: lastSessionStart) }
        let twice = GapLength(gap.recommended.value * 2, gap.recommended.unit)
        return calendar.adding(twice, to: lastSessionStart)
    }
}
