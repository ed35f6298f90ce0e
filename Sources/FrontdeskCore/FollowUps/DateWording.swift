import Foundation

/// English, locale-independent wording of clinic-local dates and times, for customer texts and
/// conflict messages (a system locale must never change what a customer reads).
public enum DateWording {
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    /// "2:00 PM", "12:30 PM", "12:00 AM".
    public static func time12(minuteOfDay minute: Int) -> String {
        let h = (minute / 60) % 24, m = minute % 60
        let hour12 = h % 12 == 0 ? 12 : h % 12
        return "\(hour12):" + (m < 10 ? "0" : "") + "\(m) " + (h < 12 ? "AM" : "PM")
    }

    /// "14:00", for staff-facing messages.
    public static func time24(minuteOfDay minute: Int) -> String { ClockTime.format(minute) }

    /// "Tuesday, March 10".
    public static func longDay(_ day: LocalDay) -> String {
        "\(day.weekday.fullName), \(monthNames[day.month - 1]) \(day.day)"
    }

    /// "Tue 10 Mar".
    public static func shortDay(_ day: LocalDay) -> String {
        "\(day.weekday.shortName) \(day.day) \(monthNames[day.month - 1].prefix(3))"
    }

    /// "Tuesday, March 10 at 2:00 PM" in the clinic's time zone.
    public static func longDateTime(_ date: Date, calendar: ClinicCalendar) -> String {
        "\(longDay(calendar.localDay(of: date))) at \(time12(minuteOfDay: calendar.minuteOfDay(of: date)))"
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
