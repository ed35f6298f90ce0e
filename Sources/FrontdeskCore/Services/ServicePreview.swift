import Foundation

/// The "How it works" preview of a service, stored or still a draft: for an example first session,
/// every session's date and time, the gap before it, the sessions working hours, absences or closed
/// days would move, and the whole span. The Services editor and `frontdesk service show` both show it.
public struct ServicePreview: Sendable, Equatable {
    /// One session of the example.
    public struct Session: Sendable, Equatable {
        public var number: Int
        public var label: String
        public var durationMinutes: Int
        public var start: Date
        /// Calendar days after the previous session; nil for the first.
        public var daysAfterPrevious: Int?
        /// The gap the rules ask for before it; nil for the first.
        public var ruleGap: GapLength?
        /// Where the rules put it when it had to move, and why (working hours, an absence, a closed day).
        public var movedFrom: Date?
        public var moveReason: SlotConflict?
        /// False when nothing free was found for it within the rules.
        public var isPlaceable: Bool
    }

    public var strategy: Strategy
    public var isMultiSession: Bool
    public var sessionNoun: String
    public var providerName: String
    public var firstStart: Date
    /// Immediate: the plan as booking would make it. Sequential and flexible: an example at the
    /// recommended gap, or at the suggested frequency.
    public var sessions: [Session]
    /// Sequential: when session 2 may be booked after session 1 is completed, and the date the desk
    /// would suggest for it.
    public var nextWindow: SessionWindow?
    public var suggestedNext: Date?
    /// Flexible: the frequency the example follows ("2 per week"); nil when it follows the gaps.
    public var frequencyText: String?
    /// The rule in a few words ("14 d, then 30 d").
    public var ruleWords: String

    /// Calendar days from the first to the last session of the example.
    public func spanDays(calendar: ClinicCalendar) -> Int? {
        guard sessions.count > 1, let first = sessions.first, let last = sessions.last else { return nil }
        return calendar.daysBetween(first.start, last.start)
    }

    /// Builds the preview. `schedule` is the example provider's hours, absences and closed days
    /// (normally without bookings: the example shows the rules, not one customer's week).
    public static func make(definition: ServiceDefinition, rules: BufferRules, firstStart: Date,
                            providerName: String, schedule: ProviderSchedule, calendar: ClinicCalendar) -> ServicePreview {
        let multi = definition.requiresMultipleSessions && definition.totalSessions > 1
        var preview = ServicePreview(strategy: definition.strategy, isMultiSession: multi,
                                     sessionNoun: definition.sessionNoun, providerName: providerName,
                                     firstStart: firstStart, sessions: [], nextWindow: nil, suggestedNext: nil, frequencyText: nil,
                                     ruleWords: ServiceRuleWords.short(definition: definition, rules: rules))
        let total = multi ? definition.totalSessions : 1
        var single = definition
        single.totalSessions = total
        let gaps = total > 1 ? (1..<total).map { rules.gap(afterSession: $0) } : []

        if multi, definition.strategy == .flexible, let frequency = rules.frequency {
            let duration = definition.durationMinutes(forSession: 1)
            let starts = SchedulePlanner.frequencySlots(
                perWeek: frequency.minPerWeek, count: total, preferredMinuteOfDay: calendar.minuteOfDay(of: firstStart),
                from: firstStart, after: nil, minimumGap: gaps.first?.minimum ?? .zero, schedule: schedule,
                durationMinutes: duration, calendar: calendar)
            preview.frequencyText = frequency.text
            preview.sessions = starts.enumerated().map { index, start in
                Session(number: index + 1, label: definition.label(forSession: index + 1),
                        durationMinutes: definition.durationMinutes(forSession: index + 1), start: start,
                        daysAfterPrevious: index == 0 ? nil : calendar.daysBetween(starts[index - 1], start),
                        ruleGap: nil, movedFrom: nil, moveReason: nil, isPlaceable: true)
            }
            return preview
        }

        // Immediate: the plan as booking lays it out. The others: session 1 where booking puts it,
        // then each next one where the desk would suggest it after a completion.
        let plan = SchedulePlanner.immediate(service: single, gaps: gaps, firstStart: firstStart,
                                             schedule: schedule, calendar: calendar)
        if definition.strategy == .immediate || !multi {
            var previous: Date?
            for planned in plan.sessions {
                let moved = planned.wasMoved || planned.conflict != nil
                preview.sessions.append(Session(
                    number: planned.number, label: planned.label, durationMinutes: planned.durationMinutes, start: planned.start,
                    daysAfterPrevious: previous.map { calendar.daysBetween($0, planned.start) },
                    ruleGap: planned.number > 1 ? gaps[planned.number - 2].planned : nil,
                    movedFrom: moved ? planned.requestedStart : nil, moveReason: moved ? planned.conflict : nil,
                    isPlaceable: planned.isPlaceable))
                previous = planned.start
            }
            return preview
        }
        preview.sessions = pacedExample(definition: single, gaps: gaps, first: plan.sessions[0], schedule: schedule, calendar: calendar)
        if definition.strategy == .sequential, let first = preview.sessions.first, let gap = gaps.first {
            preview.nextWindow = SchedulePlanner.sequentialWindow(after: first.start, gap: gap, calendar: calendar)
            preview.suggestedNext = preview.sessions.count > 1 ? preview.sessions[1].start : nil
        }
        return preview
    }

    /// Sessions after the first at the dates the desk would suggest after each completion: the
    /// recommended day at the same time, else the next free day (as `SchedulePlanner.suggestNext`).
    static func pacedExample(definition: ServiceDefinition, gaps: [SessionGap], first: PlannedSession,
                             schedule: ProviderSchedule, calendar: ClinicCalendar) -> [Session] {
        var working = schedule.adding(busy: first.interval)
        var sessions = [Session(number: 1, label: first.label, durationMinutes: first.durationMinutes, start: first.start,
                                daysAfterPrevious: nil, ruleGap: nil,
                                movedFrom: first.wasMoved || first.conflict != nil ? first.requestedStart : nil,
                                moveReason: first.wasMoved || first.conflict != nil ? first.conflict : nil, isPlaceable: first.isPlaceable)]
        var previous = first.start
        for number in 2...max(definition.totalSessions, 2) where number <= definition.totalSessions {
            let gap = SchedulePlanner.gapBefore(session: number, in: gaps)
            let window = SchedulePlanner.sequentialWindow(after: previous, gap: gap, calendar: calendar)
            let minutes = definition.durationMinutes(forSession: number)
            guard let start = SchedulePlanner.suggestNext(window: window, schedule: working, durationMinutes: minutes,
                                                          calendar: calendar, now: previous) else { break }
            let moved = start != window.recommended
            sessions.append(Session(number: number, label: definition.label(forSession: number), durationMinutes: minutes, start: start,
                                    daysAfterPrevious: calendar.daysBetween(previous, start), ruleGap: gap.recommended,
                                    movedFrom: moved ? window.recommended : nil,
                                    moveReason: moved ? working.conflict(start: window.recommended, durationMinutes: minutes, calendar: calendar) : nil,
                                    isPlaceable: true))
            working.addBusy(DateInterval(start: start, duration: Double(minutes) * 60))
            previous = start
        }
        return sessions
    }

    /// The default example start: 10:00 on the provider's next working day after `now` (the first
    /// opening of that day when 10:00 is outside the hours). Nil when nothing is open within a year.
    public static func defaultStart(schedule: ProviderSchedule, durationMinutes: Int, after now: Date,
                                    calendar: ClinicCalendar) -> Date? {
        let today = calendar.localDay(of: now)
        for offset in 1...366 {
            let day = today.adding(days: offset)
            let ranges = schedule.hours.ranges(on: day.weekday)
            guard !ranges.isEmpty, !schedule.closedDays.contains(day), schedule.daysOff[day] == nil else { continue }
            let ten = 10 * 60
            let minute = ranges.contains { $0.contains(startMinute: ten, durationMinutes: durationMinutes) }
                ? ten : ranges[0].startMinute
            return calendar.resolvedDate(day, minuteOfDay: minute)
        }
        return nil
    }

    /// Why a session moved, as a fact (the booking messages' "pick another day" is advice for the desk).
    /// The preview as lines of text, the same on the screen and on the command line.
    public func lines(calendar: ClinicCalendar) -> [String] {
        var lines = ["How it works (\(ruleWords)), for an example first \(sessionNoun.lowercased()) on \(calendar.dayTime(firstStart)) with \(providerName):"]
        if let frequencyText { lines.append("At \(frequencyText), for example:") } else if strategy != .immediate && isMultiSession {
            lines.append("If every \(sessionNoun.lowercased()) is booked on the day the desk suggests after each completion:")
        }
        for session in sessions {
            var line = "  \(sessionNoun) \(session.number)  \(calendar.dayTime(session.start))  \(session.durationMinutes) min"
            if let days = session.daysAfterPrevious {
                line += "  +\(days) d"
                if let gap = session.ruleGap, gap.unit != .days || gap.value != days { line += " (\(gap))" }
            }
            let title = "\(sessionNoun) \(session.number) of"
            if !session.label.hasPrefix(title) { line += "  \(session.label)" }
            lines.append(line)
            if let from = session.movedFrom {
                let why = session.moveReason.map { ": " + $0.reason(provider: providerName, calendar: calendar) } ?? ""
                lines.append(session.isPlaceable
                             ? "     moved from \(calendar.dayTime(from))\(why)"
                             : "     no free time within the rules after \(calendar.dayTime(from))\(why)")
            }
        }
        if let span = spanDays(calendar: calendar) {
            lines.append("About \(span) days from first to last \(sessionNoun.lowercased()).")
        }
        if let window = nextWindow {
            var text = "After \(sessionNoun.lowercased()) 1 is completed, \(sessionNoun.lowercased()) 2 may be booked from \(calendar.shortDay(window.earliest)), ideally \(calendar.shortDay(window.recommended))"
            if let latest = window.latest { text += ", at the latest \(calendar.shortDay(latest))" }
            if let suggested = suggestedNext { text += "; the desk would suggest \(calendar.dayTime(suggested))" }
            lines.append(text + ".")
        }
        return lines
    }
}

extension ServiceDraft {
    /// The draft as the planners see it.
    public var definition: ServiceDefinition {
        ServiceDefinition(name: name, sessionNoun: sessionNoun, defaultDurationMinutes: durationMinutes,
                          requiresMultipleSessions: requiresMultipleSessions, totalSessions: totalSessions, strategy: strategy,
                          plan: plan, expiryDays: expiryDays)
    }
}

extension ServicePreview {
    /// The preview of a draft the manager is typing (the Services editor), from `firstStart`.
    public static func make(draft: ServiceDraft, firstStart: Date, providerName: String, schedule: ProviderSchedule,
                            calendar: ClinicCalendar) -> ServicePreview {
        make(definition: draft.definition, rules: draft.rules, firstStart: firstStart, providerName: providerName,
             schedule: schedule, calendar: calendar)
    }
}
