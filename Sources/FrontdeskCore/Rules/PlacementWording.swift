import Foundation

/// The facts of a placement problem in plain English, without saying which key or option acts on
/// them: the command line adds its options ("--late"), the screens their keys.
public enum PlacementWording {
    /// "Session 2 on Wed 11 Mar 10:00 is too soon after session 1 (Tue 10 Mar 10:00): they must be at
    /// least 2 days apart, so Thu 12 Mar is the earliest day."
    public static func sentence(_ finding: PlacementFinding, provider: String, calendar: ClinicCalendar) -> String {
        let when = calendar.dayTime(finding.start)
        let subject = "Session \(finding.number) on \(when)"
        switch finding.problem {
        case .inThePast:
            return "\(subject) is in the past."
        case let .beyondHorizon(_, days, lastDay):
            return "\(subject) is beyond the booking horizon of \(days) days (the last bookable day is "
                + "\(calendar.shortDayWithYear(lastDay))); check the year."
        case let .unavailable(conflict):
            return "\(subject): \(conflict.message(provider: provider, calendar: calendar))"
        case let .tooSoon(breach):
            let other = "session \(breach.neighbour) (\(calendar.dayTime(breach.neighbourStart)))"
            if breach.neighbourIsLater {
                return "\(subject) is too close to \(other), which comes after it: they must be at least \(breach.limit) apart."
            }
            if breach.start < breach.neighbourStart {
                return "\(subject) would come before \(other). Keep the sessions in order."
            }
            return "\(subject) is too soon after \(other): they must be at least \(breach.limit) apart, so "
                + "\(calendar.shortDayWithYear(breach.boundary)) is the earliest day (\(dayCount(breach.days)) short)."
        case let .tooLate(breach):
            let other = "session \(breach.neighbour) (\(calendar.dayTime(breach.neighbourStart)))"
            return "\(subject) is \(dayCount(breach.days)) beyond the maximum gap of \(breach.limit) after \(other); "
                + "the window ended \(calendar.shortDayWithYear(breach.boundary))."
        }
    }

    /// One sentence per finding, then the next free time when one was found.
    public static func sentences(_ refusal: PlacementRefusal) -> [String] {
        var lines = refusal.findings.map { sentence($0, provider: refusal.provider, calendar: refusal.calendar) }
        if let next = refusal.nextFree {
            lines.append("\(refusal.provider) is next free \(refusal.calendar.dayTime(next)).")
        }
        return lines
    }

    /// The moves of a shift plan: "Session 2: Tue 17 Mar 10:00 → Wed 18 Mar 10:00 (Dr. Keller is not
    /// working on Tue 17 Mar 2026)".
    public static func shiftSentences(_ plan: ShiftPlan, provider: String, calendar: ClinicCalendar) -> [String] {
        var lines = ["Moving the later sessions by the same amount does not fit; the nearest plan that does:"]
        for session in plan.sessions {
            var line = "Session \(session.number): \(calendar.dayTime(session.from)) → \(calendar.dayTime(session.to))"
            if let wanted = session.sameShift {
                // The fact without the advice ("Pick another day."): this plan is what that advice leads to.
                let why = session.reason.map { ": " + $0.reason(provider: provider, calendar: calendar) } ?? ""
                line += " (not \(calendar.dayTime(wanted))\(why))"
            }
            lines.append(line + ".")
        }
        return lines
    }

    /// "1 day", "3 days".
    public static func dayCount(_ days: Int) -> String { days == 1 ? "1 day" : "\(days) days" }

    /// What a daylight-saving change does to a planned time: "02:30 does not exist on Sun 29 Mar 2026
    /// (clocks jump from 02:00 to 03:00); planned at 03:30."
    public static func clockChange(_ change: ClockChange) -> String {
        switch change {
        case let .skipped(day, minute, from, to):
            return "\(ClinicCalendar.time(minuteOfDay: minute)) does not exist on \(day.shortText) \(day.year) "
                + "(clocks jump from \(ClinicCalendar.time(minuteOfDay: from)) to \(ClinicCalendar.time(minuteOfDay: to))); "
                + "planned at \(ClinicCalendar.time(minuteOfDay: change.resolvedMinuteOfDay))."
        case let .repeated(day, minute, from, to):
            return "\(ClinicCalendar.time(minuteOfDay: minute)) happens twice on \(day.shortText) \(day.year) "
                + "(clocks go back from \(ClinicCalendar.time(minuteOfDay: from)) to \(ClinicCalendar.time(minuteOfDay: to))); "
                + "planned at the first, summer-time \(ClinicCalendar.time(minuteOfDay: minute))."
        }
    }
}
