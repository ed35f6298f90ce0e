import Foundation

/// One session of a move: where it was and where it goes.
public struct ShiftedSession: Sendable, Equatable {
    public var id: Int64?
    public var number: Int
    public var from: Date
    public var to: Date
    public var durationMinutes: Int
    /// Where moving by the same amount would have put it, when that time was not available (and
    /// why); nil when it moved by exactly the same amount.
    public var sameShift: Date?
    public var reason: SlotConflict?

    public init(id: Int64?, number: Int, from: Date, to: Date, durationMinutes: Int,
                sameShift: Date? = nil, reason: SlotConflict? = nil) {
        self.id = id
        self.number = number
        self.from = from
        self.to = to
        self.durationMinutes = durationMinutes
        self.sameShift = sameShift
        self.reason = reason
    }

    /// The session at its new time, for the placement rule.
    public var placed: TimelineSession {
        TimelineSession(id: id, number: number, start: to, durationMinutes: durationMinutes)
    }
}

/// Moving one session and the later sessions of its treatment: the proposal staff confirm.
public struct ShiftPlan: Sendable, Equatable {
    /// The moved session first, then the later ones in number order.
    public var sessions: [ShiftedSession]
    /// What still stands against the plan (refusals, and warnings that need confirming).
    public var findings: [PlacementFinding]

    public init(sessions: [ShiftedSession], findings: [PlacementFinding]) {
        self.sessions = sessions
        self.findings = findings
    }

    /// Some later session could not move by the same amount and went to the next open day.
    public var isAdjusted: Bool { sessions.contains { $0.sameShift != nil } }
}

extension PlacementRule {
    /// Moves `moved` to `newStart` and each of `later` by the same amount (days, and minutes of the
    /// day). A later session whose shifted time is not available goes to the same time of day on the
    /// next day where it is, and the sessions after it move with it, so the gaps between them are kept.
    /// `availability` must not count the sessions being moved as busy.
    public func shiftLater(moving moved: TimelineSession, to newStart: Date, later: [TimelineSession],
                           others: [TimelineSession] = [], availability: ProviderSchedule) -> ShiftPlan {
        let dayDelta = calendar.daysBetween(moved.start, newStart)
        let minuteDelta = calendar.minuteOfDay(of: newStart) - calendar.minuteOfDay(of: moved.start)
        var sessions = [ShiftedSession(id: moved.id, number: moved.number, from: moved.start, to: newStart,
                                       durationMinutes: moved.durationMinutes)]
        var working = availability.adding(busy: DateInterval(start: newStart, duration: Double(moved.durationMinutes) * 60))
        var previous = sessions[0].placed
        var extraDays = 0
        for session in later.sorted(by: { $0.number < $1.number }) {
            let minute = min(max(calendar.minuteOfDay(of: session.start) + minuteDelta, 0), 24 * 60 - 1)
            let firstDay = calendar.localDay(of: session.start).adding(days: dayDelta + extraDays)
            let wanted = calendar.resolvedDate(firstDay, minuteOfDay: minute)
            var chosen = wanted
            var reason: SlotConflict?
            let gap = self.gap(after: previous.number)
            for offset in 0...366 {
                let candidate = offset == 0 ? wanted : calendar.resolvedDate(firstDay.adding(days: offset), minuteOfDay: minute)
                let placed = TimelineSession(id: session.id, number: session.number, start: candidate,
                                             durationMinutes: session.durationMinutes)
                let conflict = working.conflict(start: candidate, durationMinutes: session.durationMinutes, calendar: calendar)
                let tooSoon = Self.gapProblem(previous: previous, next: placed, gap: SessionGap(planned: gap.planned, minimum: gap.minimum,
                                                                                               recommended: gap.recommended),
                                              subject: placed, neighbour: previous, neighbourIsLater: false, calendar: calendar)
                if offset == 0 { reason = conflict }
                if conflict == nil && tooSoon == nil {
                    chosen = candidate
                    extraDays += offset
                    break
                }
            }
            let shifted = ShiftedSession(id: session.id, number: session.number, from: session.start, to: chosen,
                                         durationMinutes: session.durationMinutes,
                                         sameShift: chosen == wanted ? nil : wanted, reason: chosen == wanted ? nil : reason)
            sessions.append(shifted)
            working.addBusy(shifted.placed.interval)
            previous = shifted.placed
        }
        let findings = check(sessions.map(\.placed), others: others, availability: availability)
        return ShiftPlan(sessions: sessions, findings: findings)
    }
}
