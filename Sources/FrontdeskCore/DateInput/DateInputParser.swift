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
    public func parse(_ text: String) throws(DateInputError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        let reading = try DateInputGrammar.read(trimmed)
        let today = calendar.localDay(of: now)

        switch reading.day {
        case .hours(let n)?:
            guard reading.minuteOfDay == nil else { throw .notUnderstood(trimmed) }
            return now.addingTimeInterval(TimeInterval(n) * 3600)
        case .offset(let gap)?:
            guard let minute = reading.minuteOfDay else { return calendar.adding(gap, to: now) }
            return try instant(today.adding(gap), minute)
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
            guard DateInputError.acceptedYears.contains(year) else { throw .yearOutOfRange(year) }
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

    /// The instant of a wall-clock time, refusing times the daylight-saving changes skip or repeat.
    private func instant(_ day: LocalDay, _ minute: Int) throws(DateInputError) -> Date {
        let zone = calendar.timeZone
        guard let date = calendar.date(day, minuteOfDay: minute) else {
            let jump = transition(on: day) ?? (from: minute, to: minute + 60)
            throw .nonexistentTime(day: day, minuteOfDay: minute, timeZone: zone.identifier,
                                   jumpFrom: jump.from, jumpTo: jump.to)
        }
        if occursTwice(date, day: day, minute: minute) {
            let back = transition(on: day) ?? (from: minute + 60, to: minute)
            throw .ambiguousTime(day: day, minuteOfDay: minute, timeZone: zone.identifier,
                                 backFrom: back.from, backTo: back.to)
        }
        return date
    }

    /// Whether the same local wall-clock time also happens at another instant (the autumn change),
    /// found by trying each UTC offset in force around it.
    private func occursTwice(_ date: Date, day: LocalDay, minute: Int) -> Bool {
        let zone = calendar.timeZone
        let offsets = Set([-12.0, 0, 12].map { zone.secondsFromGMT(for: date.addingTimeInterval($0 * 3600)) })
        guard offsets.count > 1 else { return false }
        let wallAsUTC = TimeInterval(day.ordinal * 86_400 + minute * 60)
        let matches = Set(offsets.map { Date(timeIntervalSince1970: wallAsUTC - TimeInterval($0)) }
            .filter { calendar.localDay(of: $0) == day && calendar.minuteOfDay(of: $0) == minute })
        return matches.count > 1
    }

    /// The wall-clock minutes the clocks change between on `day`: (02:00, 03:00) in spring,
    /// (03:00, 02:00) in autumn; nil when the zone does not change that day.
    private func transition(on day: LocalDay) -> (from: Int, to: Int)? {
        let zone = calendar.timeZone
        let start = calendar.startOfDay(day).addingTimeInterval(-6 * 3600)
        guard let change = zone.nextDaylightSavingTimeTransition(after: start),
              change.timeIntervalSince(start) < 36 * 3600 else { return nil }
        let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
        let after = zone.secondsFromGMT(for: change)
        func wallMinute(_ offset: Int) -> Int {
            let seconds = Int(change.timeIntervalSince1970) + offset
            return ((seconds / 60) % 1440 + 1440) % 1440
        }
        return (wallMinute(before), wallMinute(after))
    }
}
