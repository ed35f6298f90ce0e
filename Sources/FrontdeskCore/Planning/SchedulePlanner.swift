import Foundation

/// Lays out the sessions of a treatment against a provider's schedule (SPEC §3).
///
/// Gap rules are calendar-day based: session k+1 may fall on day(k) + minimum at the earliest and,
/// where a maximum is set, on day(k) + maximum at the latest, at any time of those days.
public enum SchedulePlanner {
    /// How finely moved sessions are placed: quarter hours.
    public static let granularityMinutes = 15

    /// All N sessions of an immediate treatment, each at the previous session's actual start plus
    /// the planned gap (same wall-clock time). A session that does not fit is flagged and moved to
    /// the earliest free slot that keeps the minimum and maximum gaps; later sessions follow it.
    /// `pinned` holds dates staff typed for some sessions: they are kept as typed (and flagged when
    /// they break a rule) and the others are planned around them. `gaps[i]` is the gap between
    /// session i+1 and i+2; a missing entry reuses the last gap.
    public static func immediate(service: ServiceDefinition, gaps: [SessionGap], firstStart: Date,
                                 schedule: ProviderSchedule, calendar: ClinicCalendar,
                                 pinned: [Int: Date] = [:], now: Date? = nil,
                                 horizonDays: Int = PlacementRule.defaultHorizonDays) -> SchedulePlan {
        let total = max(service.totalSessions, 1)
        // Pinned sessions hold their time from the outset, so nothing earlier is moved onto them.
        var pinnedIntervals: [Int: DateInterval] = [:]
        for (number, start) in pinned where (1...total).contains(number) {
            pinnedIntervals[number] = DateInterval(
                start: start, duration: Double(service.durationMinutes(forSession: number)) * 60)
        }
        var working = schedule.adding(busy: pinnedIntervals.keys.sorted().map { pinnedIntervals[$0]! })
        var placed: [DateInterval] = []
        var sessions: [PlannedSession] = []
        var previous: (start: Date, end: Date)?

        for number in 1...total {
            let duration = service.durationMinutes(forSession: number)
            let label = service.label(forSession: number)
            let gap = number > 1 ? gapBefore(session: number, in: gaps) : nil
            let requested = previous.map { calendar.adding(gap!.planned, to: $0.start) } ?? firstStart
            // The wall-clock time the plan wants may be skipped or doubled by a daylight-saving change.
            let clockChange = previous.flatMap { previous -> ClockChange? in
                guard pinned[number] == nil else { return nil }
                let wanted = calendar.localDay(of: previous.start).adding(gap!.planned)
                return calendar.clockChange(on: wanted, minuteOfDay: calendar.minuteOfDay(of: previous.start))
            }

            if let pin = pinned[number] {
                let others = placed + pinnedIntervals.filter { $0.key != number }.map(\.value)
                let conflict = pinnedConflict(pin, duration: duration, previous: previous?.start, gap: gap,
                                              others: others, schedule: schedule, calendar: calendar, now: now)
                // A typed date may break a gap rule only beyond the maximum (confirmed on booking);
                // closer than the minimum, or clashing with the provider's time, it is refused.
                let isPlaceable: Bool
                switch conflict {
                case nil, .gapTooLong?: isPlaceable = true
                default: isPlaceable = false
                }
                let session = PlannedSession(number: number, label: label, durationMinutes: duration,
                                             requestedStart: pin, start: pin, conflict: conflict,
                                             isPlaceable: isPlaceable, isPinned: true)
                sessions.append(session)
                placed.append(session.interval)
                previous = (session.start, session.end)
                continue
            }

            var conflict: SlotConflict?
            if let now, requested < now {
                conflict = .inThePast
            } else if let previous, let gap, let broken = checkGap(previous: previous.start, next: requested,
                                                                    gap: gap, calendar: calendar) {
                conflict = broken
            } else {
                conflict = working.conflict(start: requested, durationMinutes: duration, calendar: calendar)
            }

            var start: Date? = requested
            if let found = conflict {
                start = sameTimeOnNextOpenDay(found, requested: requested, duration: duration, previous: previous, gap: gap,
                                              schedule: working, calendar: calendar, now: now)
                    ?? relocate(requested: requested, duration: duration, previous: previous, gap: gap,
                                schedule: working, calendar: calendar, now: now)
                if start == nil, let maximum = gap?.maximum { conflict = .gapTooLong(maximum: maximum) }
            }
            let session = PlannedSession(number: number, label: label, durationMinutes: duration,
                                         requestedStart: requested, start: start ?? requested,
                                         conflict: conflict, isPlaceable: start != nil, clockChange: clockChange)
            sessions.append(session)
            if session.isPlaceable {
                working.addBusy(session.interval)
                placed.append(session.interval)
            }
            previous = (session.start, session.end)
        }
        return SchedulePlan(sessions: standingProblems(sessions, gaps: gaps, schedule: schedule, calendar: calendar,
                                                       now: now, horizonDays: horizonDays))
    }

    /// Asks the placement rule what each session still breaks where it ended up, against the
    /// provider's schedule and the plan's other sessions; a refusal makes the session unplaceable.
    static func standingProblems(_ sessions: [PlannedSession], gaps: [SessionGap], schedule: ProviderSchedule,
                                 calendar: ClinicCalendar, now: Date?, horizonDays: Int) -> [PlannedSession] {
        let rule = PlacementRule(strategy: .immediate, gaps: gaps, horizonDays: now == nil ? nil : horizonDays, calendar: calendar,
                                 now: now ?? .distantPast)
        let timeline = sessions.map { TimelineSession(id: Int64($0.number), number: $0.number, start: $0.start,
                                                      durationMinutes: $0.durationMinutes) }
        return sessions.indices.map { index in
            var session = sessions[index]
            let others = timeline.indices.filter { $0 != index && sessions[$0].isPlaceable }.map { timeline[$0] }
            let availability = schedule.adding(busy: others.map(\.interval))
            session.problems = rule.check([timeline[index]], others: others, availability: availability).map(\.problem)
            if !session.problems.refusalsOnly.isEmpty { session.isPlaceable = false }
            return session
        }
    }

    /// A session that falls on a day the provider does not work goes to the same time on the next
    /// day that is open and free (keeping the gaps): customers keep their usual hour. Nil when the
    /// day itself is open (the earliest free slot is then the better proposal) or none is found.
    private static func sameTimeOnNextOpenDay(_ conflict: SlotConflict, requested: Date, duration: Int,
                                              previous: (start: Date, end: Date)?, gap: SessionGap?,
                                              schedule: ProviderSchedule, calendar: ClinicCalendar, now: Date?) -> Date? {
        let day = calendar.localDay(of: requested)
        switch conflict {
        case .closedDay: break
        case .outsideWorkingHours where schedule.hours.ranges(on: day.weekday).isEmpty: break
        default: return nil
        }
        let minute = calendar.minuteOfDay(of: requested)
        var latestDay = day.adding(days: 366)
        if let previous, let maximum = gap?.maximum {
            latestDay = min(latestDay, calendar.localDay(of: previous.start).adding(maximum))
        }
        guard day < latestDay else { return nil }
        for ordinal in (day.ordinal + 1)...latestDay.ordinal {
            let candidate = calendar.resolvedDate(LocalDay(ordinal: ordinal), minuteOfDay: minute)
            if let now, candidate < now { continue }
            if schedule.conflict(start: candidate, durationMinutes: duration, calendar: calendar) == nil { return candidate }
        }
        return nil
    }

    /// Whether `next` keeps the gap after `previous`: gapTooShort before day(previous) + minimum,
    /// gapTooLong after day(previous) + maximum, else nil.
    public static func checkGap(previous: Date, next: Date, gap: SessionGap, calendar: ClinicCalendar) -> SlotConflict? {
        let previousDay = calendar.localDay(of: previous)
        let nextDay = calendar.localDay(of: next)
        if next < previous || nextDay < previousDay.adding(gap.minimum) { return .gapTooShort(minimum: gap.minimum) }
        if let maximum = gap.maximum, nextDay > previousDay.adding(maximum) { return .gapTooLong(maximum: maximum) }
        return nil
    }

    // MARK: - Pieces

    /// The gap before session `number` (2…N); the last configured gap stands in for missing ones.
    static func gapBefore(session number: Int, in gaps: [SessionGap]) -> SessionGap {
        let index = number - 2
        if gaps.indices.contains(index) { return gaps[index] }
        return gaps.last ?? SessionGap(planned: .zero, minimum: .zero, recommended: .zero)
    }

    /// The first rule a staff-typed date breaks: past, gap, provider's schedule, or another session of the plan.
    private static func pinnedConflict(_ start: Date, duration: Int, previous: Date?, gap: SessionGap?,
                                       others: [DateInterval], schedule: ProviderSchedule,
                                       calendar: ClinicCalendar, now: Date?) -> SlotConflict? {
        if let now, start < now { return .inThePast }
        if let conflict = schedule.conflict(start: start, durationMinutes: duration, calendar: calendar) {
            return conflict
        }
        let end = start.addingTimeInterval(Double(duration) * 60)
        if let other = others.first(where: { $0.start < end && $0.end > start }) { return .overlapsBooking(other) }
        if let previous, let gap { return checkGap(previous: previous, next: start, gap: gap, calendar: calendar) }
        return nil
    }

    /// The earliest free start for a session whose requested time does not fit: first at or after the
    /// requested time, then (if the gap allows) between the minimum gap and the requested time.
    private static func relocate(requested: Date, duration: Int, previous: (start: Date, end: Date)?,
                                 gap: SessionGap?, schedule: ProviderSchedule, calendar: ClinicCalendar,
                                 now: Date?) -> Date? {
        var lowerBound = now.map { roundUp($0) } ?? .distantPast
        var upperBound: Date?
        if let previous, let gap {
            let previousDay = calendar.localDay(of: previous.start)
            lowerBound = max(lowerBound, previous.end, calendar.startOfDay(previousDay.adding(gap.minimum)))
            if let maximum = gap.maximum { upperBound = endOfDay(previousDay.adding(maximum), calendar) }
        }
        let forward = max(requested, lowerBound)
        if let start = schedule.earliestFit(notBefore: forward, durationMinutes: duration, notAfter: upperBound,
                                            calendar: calendar, granularityMinutes: granularityMinutes) {
            return start
        }
        guard requested > lowerBound, lowerBound != Date.distantPast else { return nil }
        let limit = upperBound.map { min($0, requested) } ?? requested
        return schedule.earliestFit(notBefore: lowerBound, durationMinutes: duration, notAfter: limit,
                                    calendar: calendar, granularityMinutes: granularityMinutes)
    }

    /// The last instant of a local day.
    static func endOfDay(_ day: LocalDay, _ calendar: ClinicCalendar) -> Date {
        calendar.startOfDay(day.adding(days: 1)).addingTimeInterval(-1)
    }

    /// Rounds up to the granularity grid, so "now" never yields a start like 10:07:33.
    static func roundUp(_ date: Date) -> Date {
        let step = Double(granularityMinutes * 60)
        return Date(timeIntervalSince1970: (date.timeIntervalSince1970 / step).rounded(.up) * step)
    }
}

extension SlotConflict {
    /// Gap rules can be overridden by staff; clashes with the provider's time cannot.
    var isGapRule: Bool {
        switch self {
        case .gapTooShort, .gapTooLong: return true
        default: return false
        }
    }
}
