/// Why a typed date or time was not accepted; every message gives an example that works.
public enum DateInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing was typed.
    case empty
    /// The text is not any form the desk reads.
    case notUnderstood(String)
    /// A day was given where a date and time are needed.
    case missingTime(String)
    /// A time was given where only a day is wanted.
    case unexpectedTime(String)
    /// A day that no calendar has: February 30, 31.4., month 13. `year` is nil when none was typed.
    case impossibleDate(day: Int, month: Int, year: Int?)
    /// A time that no clock shows: 24:00, 25:00, 13pm, 10:60.
    case impossibleTime(String)
    /// A wall-clock time skipped by the spring daylight-saving change; `jumpFrom`/`jumpTo` are the
    /// minutes of the day the clocks jump between (02:00 → 03:00 is 120 → 180).
    case nonexistentTime(day: LocalDay, minuteOfDay: Int, timeZone: String, jumpFrom: Int, jumpTo: Int)
    /// A wall-clock time that happens twice at the autumn change; the clocks go back from
    /// `backFrom` to `backTo` (03:00 → 02:00 is 180 → 120).
    case ambiguousTime(day: LocalDay, minuteOfDay: Int, timeZone: String, backFrom: Int, backTo: Int)
    /// "10/3": day/month and month/day orders both exist, so it is refused; `suggestions` are
    /// unambiguous ways to write the likely meaning.
    case ambiguousSlashDate(String, suggestions: [String])
    /// A year no booking can be in (year 0, five digits): most likely a typo.
    case yearOutOfRange(Int)

    public var description: String {
        switch self {
        case .empty:
            return "Nothing was typed. Enter a date and time such as \"tomorrow 10am\", \"fri 4pm\" or \"2026-03-10 14:00\"."
        case .notUnderstood(let text):
            return "\"\(TextLimits.quote(text))\" is not a date the desk can read. Try \"tomorrow 10am\", \"fri 4pm\", "
                + "\"March 10 at 2pm\", \"10.3. 14:00\", \"2026-03-10 14:00\" or \"+2w\"."
        case .missingTime(let text):
            return "\"\(TextLimits.quote(text))\" has no time. Add one, e.g. \"\(TextLimits.quote(text)) 10:00\" or \"\(TextLimits.quote(text)) 2pm\"."
        case .unexpectedTime(let text):
            return "\"\(TextLimits.quote(text))\" contains a time, but only a day is needed here. Type e.g. \"tomorrow\", \"fri\" or \"2026-03-10\"."
        case let .impossibleDate(day, month, year):
            guard (1...12).contains(month) else {
                return "There is no month \(month). Write the day first, then the month: \"10.3.\" is March 10."
            }
            let name = LocalDay.monthNames[month - 1]
            let yearText = year.map { ", \($0)" } ?? ""
            let length = year.map { LocalDay.daysIn(month: month, year: $0) }
                ?? (month == 2 ? 29 : LocalDay.daysIn(month: month, year: 2001))
            var why = "\(name) has \(length) days"
            if month == 2, let year { why += " in \(year)" }
            if month == 2, year == nil { why = "February has 28 days (29 in leap years)" }
            // Without a year, suggest a day that exists every year.
            let safeLength = month == 2 && year == nil ? 28 : length
            return "\(name) \(day)\(yearText) does not exist: \(why). Check the day, e.g. \"\(name) \(min(max(day, 1), safeLength))\"."
        case .impossibleTime(let text):
            if text.hasPrefix("24") {
                return "\"\(TextLimits.quote(text))\" is not a time of day: the day ends at 23:59 and the next one starts at 00:00. "
                    + "Type e.g. \"23:30\", or the next day with \"00:00\"."
            }
            return "\"\(TextLimits.quote(text))\" is not a time of day: hours run from 00 to 23 and minutes from 00 to 59 "
                + "(or 1 to 12 with am/pm). Type e.g. \"14:00\" or \"2pm\"."
        case let .nonexistentTime(day, minute, zone, from, to):
            let example = ClinicCalendar.time(minuteOfDay: min(to + (minute - from), 23 * 60 + 59))
            return "\(ClinicCalendar.time(minuteOfDay: minute)) on \(DateInputError.dayText(day)) does not exist in \(zone): "
                + "clocks jump from \(ClinicCalendar.time(minuteOfDay: from)) to \(ClinicCalendar.time(minuteOfDay: to)). "
                + "Choose another time, e.g. \(example)."
        case let .ambiguousTime(day, minute, zone, backFrom, backTo):
            return "\(ClinicCalendar.time(minuteOfDay: minute)) on \(DateInputError.dayText(day)) happens twice in \(zone): "
                + "clocks go back from \(ClinicCalendar.time(minuteOfDay: backFrom)) to \(ClinicCalendar.time(minuteOfDay: backTo)). "
                + "Choose a time before \(ClinicCalendar.time(minuteOfDay: backTo)) or from "
                + "\(ClinicCalendar.time(minuteOfDay: backFrom)) on, e.g. \(ClinicCalendar.time(minuteOfDay: min(backFrom + 30, 23 * 60 + 59)))."
        case .yearOutOfRange(let year):
            return "The year \(year) is out of range: dates must lie between \(DateInputParser.years.lowerBound) and \(DateInputParser.years.upperBound). "
                + "Check the year, e.g. \"2026-03-10 14:00\"."
        case let .ambiguousSlashDate(text, suggestions):
            let ways = suggestions.isEmpty ? "\"10.3.\", \"March 10\" or \"2026-03-10\""
                : suggestions.map { "\"\($0)\"" }.joined(separator: " or ")
            return "\"\(TextLimits.quote(text))\" is ambiguous: with a slash the day and the month can be read either way round. "
                + "Write it as \(ways)."
        }
    }

    /// "Sun 29 Mar 2026", without needing a calendar.
    private static func dayText(_ day: LocalDay) -> String {
        "\(day.weekday.shortName) \(day.day) \(day.shortMonthName) \(day.year)"
    }
}
