import Foundation

/// Reads the dates and times staff type ("tomorrow 10am", "fri 4pm", "10.3. 14:00", "+2w") as
/// clinic-local wall-clock time, relative to an injected now so that tests never depend on today.
public struct DateInputParser: Sendable {
    public let calendar: ClinicCalendar
    public let now: Date

    /// A parser for the clinic's calendar, reading "today" and "+2w" relative to `now`.
    public init(calendar: ClinicCalendar, now: Date) {
        self.calendar = calendar
        self.now = now
    }

    /// A date and a time, as an instant: "tomorrow 10am", "March 10 at 2pm", "2026-03-10 14:00",
    /// "+2w" (same wall-clock time as now), "+2h", "4pm" (today).
    ///
    /// `anchor` is what relative offsets count from: moving a session, "+2w" means two weeks after
    /// that session at its time, and "-3d" three days before it. Without one they count from now.
    public func parse(_ text: String, offsetsFrom anchor: Date? = nil) throws(DateInputError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        let reading = try DateInputGrammar.read(trimmed)
        let today = calendar.localDay(of: now)
        let base = anchor ?? now

        switch reading.day {
        case .hours(let n)?:
            guard reading.minuteOfDay == nil else { throw .notUnderstood(trimmed) }
            return base.addingTimeInterval(TimeInterval(n) * 3600)
        case .offset(let gap)?:
            let day = calendar.localDay(of: base).adding(gap)
            guard DateInputParser.years.contains(day.year) else { throw .yearOutOfRange(day.year) }
            guard let minute = reading.minuteOfDay else { return calendar.adding(gap, to: base) }
            return try instant(day, minute)
        case nil:
            guard let minute = reading.minuteOfDay else { throw .notUnderstood(trimmed) }
            return try instant(today, minute)
        case .weekday(let weekday, let strictlyAfterToday)?:
            guard let minute = reading.minuteOfDay else { throw .missingTime(trimmed) }
            var day = today.adding(days: daysUntil(weekday, from: today, strictlyAfter: strictlyAfterToday))
            // Plain "fri" on a Friday means today only while that time is still ahead.
            if !strictlyAfterToday, day == today,
               let candidate = calendar.date(day, minuteOfDay: minute), candidate <= now {
                day = today.adding(days: 7)
            }
            return try instant(day, minute)
        case let day?:
            guard let minute = reading.minuteOfDay else { throw .missingTime(trimmed) }
            return try instant(try resolve(day, today: today, original: trimmed), minute)
        }
    }

    /// A day without a time: "today", "tomorrow", "yesterday", "fri", "next fri", "2026-03-10",
    /// "March 10", "10.3.", "10.3.2026", "+2w", "-3d".
    public func parseDay(_ text: String) throws(DateInputError) -> LocalDay {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        let reading = try DateInputGrammar.read(trimmed)
        guard reading.minuteOfDay == nil else { throw .unexpectedTime(trimmed) }
        guard let day = reading.day else { throw .notUnderstood(trimmed) }
        return try resolve(day, today: calendar.localDay(of: now), original: trimmed)
    }

    /// Places a day expression on the calendar; weekdays count today as a match here.
    private func resolve(_ expression: DayExpression, today: LocalDay, original: String) throws(DateInputError) -> LocalDay {
        switch expression {
        case .today: return today
        case .tomorrow: return today.adding(days: 1)
        case .yesterday: return today.adding(days: -1)
        case let .weekday(weekday, strictlyAfter):
            return today.adding(days: daysUntil(weekday, from: today, strictlyAfter: strictlyAfter))
        case .offset(let gap): return today.adding(gap)
        case .hours: throw .unexpectedTime(original)
        case let .calendar(day, month, year):
            return try calendarDay(day: day, month: month, year: year, today: today)
        }
    }

    /// The typed day checked against the calendar; without a year, its next occurrence on or after today.
    private func calendarDay(day: Int, month: Int, year: Int?, today: LocalDay) throws(DateInputError) -> LocalDay {
        guard (1...12).contains(month), day >= 1 else { throw .impossibleDate(day: day, month: month, year: year) }
        if let year {
            guard DateInputParser.years.contains(year) else { throw .yearOutOfRange(year) }
            guard day <= LocalDay.daysIn(month: month, year: year) else {
                throw .impossibleDate(day: day, month: month, year: year)
            }
            return LocalDay(year: year, month: month, day: day)
        }
        // The longest the month can be (February 29 exists in leap years only).
        guard day <= (month == 2 ? 29 : LocalDay.daysIn(month: month, year: 2001)) else {
            throw .impossibleDate(day: day, month: month, year: nil)
        }
        // At most eight years to the next February 29 (1900-style century years included).
        for year in today.year...(today.year + 8) where day <= LocalDay.daysIn(month: month, year: year) {
            let candidate = LocalDay(year: year, month: month, day: day)
            if candidate >= today { return candidate }
        }
        throw .impossibleDate(day: day, month: month, year: nil)
    }

    private func daysUntil(_ weekday: Weekday, from today: LocalDay, strictlyAfter: Bool) -> Int {
        let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
        return ahead == 0 && strictlyAfter ? 7 : ahead
    }

    /// The instant of a wall-clock time, refusing times the daylight-saving changes skip or repeat,
    /// and years no clinic books in (year 0, 99999).
    private func instant(_ day: LocalDay, _ minute: Int) throws(DateInputError) -> Date {
        guard DateInputParser.years.contains(day.year) else { throw .yearOutOfRange(day.year) }
        switch calendar.clockChange(on: day, minuteOfDay: minute) {
        case let .skipped(_, _, from, to)?:
            throw .nonexistentTime(day: day, minuteOfDay: minute, timeZone: calendar.timeZone.identifier,
                                   jumpFrom: from, jumpTo: to)
        case let .repeated(_, _, from, to)?:
            throw .ambiguousTime(day: day, minuteOfDay: minute, timeZone: calendar.timeZone.identifier,
                                 backFrom: from, backTo: to)
        case nil:
            return calendar.resolvedDate(day, minuteOfDay: minute)
        }
    }

    /// The years a typed date may fall in; the booking horizon refuses most of these later, with its reason.
    public static let years = 1900...9999
}
