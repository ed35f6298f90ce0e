import Foundation

extension SchedulePlanner {
    /// The window for the next session of a sequential treatment, at the previous session's time:
    /// previous + minimum, + recommended, + maximum.
    public static func sequentialWindow(after previousStart: Date, gap: SessionGap,
                                        calendar: ClinicCalendar) -> SessionWindow {
        SessionWindow(earliest: calendar.adding(gap.minimum, to: previousStart),
                      recommended: calendar.adding(gap.recommended, to: previousStart),
                      latest: gap.maximum.map { calendar.adding($0, to: previousStart) })
    }

    /// The date to offer for the next session: the recommended date at the previous session's time,
    /// else the first day after it with a free slot at (or, failing that, later than) that time,
    /// never before `now` or the window's earliest. When nothing is free from there to the end of
    /// the window, the earlier days of the window are tried, and only then the days after it.
    /// Nil when the provider has nothing free within a year.
    public static func suggestNext(window: SessionWindow, schedule: ProviderSchedule, durationMinutes: Int,
                                   calendar: ClinicCalendar, now: Date) -> Date? {
        let floor = max(window.earliest, roundUp(now))
        let target = max(window.recommended, floor)
        let minute = calendar.minuteOfDay(of: window.recommended)
        let lastDay = window.latest.map { calendar.localDay(of: $0) }
        // Customers like a regular time, so the same time on a later day beats an odd time today.
        func sameTime(from start: Date, through last: LocalDay) -> Date? {
            let first = calendar.localDay(of: start)
            guard first <= last else { return nil }
            for ordinal in first.ordinal...last.ordinal {
                if let found = slot(on: LocalDay(ordinal: ordinal), preferred: minute, notBefore: start,
                                    schedule: schedule, duration: durationMinutes, calendar: calendar) {
                    return found
                }
            }
            return nil
        }
        let horizon = calendar.localDay(of: target).adding(days: 366)
        if let lastDay, calendar.localDay(of: target) > lastDay {
            return sameTime(from: target, through: horizon) // already overdue: the first free day from now
        }
        if let found = sameTime(from: target, through: lastDay ?? horizon) { return found }
        if let lastDay, let found = sameTime(from: floor, through: lastDay) { return found }
        if let lastDay, let found = schedule.earliestFit(notBefore: floor, durationMinutes: durationMinutes,
                                                         notAfter: endOfDay(lastDay, calendar), calendar: calendar,
                                                         granularityMinutes: granularityMinutes) {
            return found // only earlier times of day are left inside the window
        }
        if let lastDay { return sameTime(from: endOfDay(lastDay, calendar), through: horizon) }
        return nil
    }
}
