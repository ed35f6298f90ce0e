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

    /// The date to offer for the next session: the recommended date (at the previous session's time)
    /// or the next free slot after it, never before `now` or the window's earliest. When nothing is
    /// free from there to the end of the window, the free slots earlier in the window are tried, and
    /// only then the first free slot after the window. Nil when the provider has nothing in a year.
    public static func suggestNext(window: SessionWindow, schedule: ProviderSchedule, durationMinutes: Int,
                                   calendar: ClinicCalendar, now: Date) -> Date? {
        let floor = max(window.earliest, roundUp(now))
        let target = max(window.recommended, floor)
        let windowEnd = window.latest.map { endOfDay(calendar.localDay(of: $0), calendar) }
        func fit(from start: Date, until end: Date?) -> Date? {
            schedule.earliestFit(notBefore: start, durationMinutes: durationMinutes, notAfter: end,
                                 calendar: calendar, granularityMinutes: granularityMinutes)
        }
        if let windowEnd, target > windowEnd {
            return fit(from: target, until: nil) // already overdue: the first free slot from now
        }
        if let found = fit(from: target, until: windowEnd) { return found }
        if floor < target, let found = fit(from: floor, until: target) { return found }
        return windowEnd == nil ? nil : fit(from: windowEnd!, until: nil)
    }
}
