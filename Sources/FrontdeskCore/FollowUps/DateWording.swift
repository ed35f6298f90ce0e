import Foundation

/// English, locale-independent wording of clinic-local dates and times, for customer texts and
/// conflict messages (a system locale must never change what a customer reads).
public enum DateWording {
    /// "2:00 PM", "12:30 PM", "12:00 AM".
    public static func time12(minuteOfDay minute: Int) -> String { ClinicCalendar.time12(minuteOfDay: minute % 1440) }

    /// "14:00", for staff-facing messages.
    public static func time24(minuteOfDay minute: Int) -> String { ClinicCalendar.time(minuteOfDay: minute) }

    /// "Tuesday, March 10".
    public static func longDay(_ day: LocalDay) -> String { day.longText }

    /// "Tue 10 Mar".
    public static func shortDay(_ day: LocalDay) -> String { day.shortText }

    /// "Tuesday, March 10 at 14:00" in the clinic's time zone (customer texts use the 24-hour clock).
    public static func longDateTime(_ date: Date, calendar: ClinicCalendar) -> String {
        "\(longDay(calendar.localDay(of: date))) at \(time24(minuteOfDay: calendar.minuteOfDay(of: date)))"
    }

    /// "today", "tomorrow" or "on Tuesday, March 24": the session's day as seen at `now`.
    public static func relativeDay(_ date: Date, now: Date, calendar: ClinicCalendar) -> String {
        let day = calendar.localDay(of: date)
        switch calendar.localDay(of: now).days(to: day) {
        case 0: return "today"
        case 1: return "tomorrow"
        default: return "on \(longDay(day))"
        }
    }

    /// "Tue 10 Mar 14:00–15:30" in the clinic's time zone.
    public static func interval(_ interval: DateInterval, calendar: ClinicCalendar) -> String {
        let startDay = calendar.localDay(of: interval.start), endDay = calendar.localDay(of: interval.end)
        let start = time24(minuteOfDay: calendar.minuteOfDay(of: interval.start))
        let end = time24(minuteOfDay: calendar.minuteOfDay(of: interval.end))
        if startDay == endDay || interval.duration == 0 { return "\(shortDay(startDay)) \(start)–\(end)" }
        return "\(shortDay(startDay)) \(start) – \(shortDay(endDay)) \(end)"
    }
}
