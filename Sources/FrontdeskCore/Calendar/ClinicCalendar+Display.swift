import Foundation

/// English month names, fixed: screens and customer texts must not change with the server's locale.
extension LocalDay {
    /// "March".
    public var monthName: String { LocalDay.monthNames[month - 1] }
    /// "Mar".
    public var shortMonthName: String { String(LocalDay.monthNames[month - 1].prefix(3)) }

    /// "Tue 10 Mar".
    public var shortText: String { "\(weekday.shortName) \(day) \(shortMonthName)" }
    /// "Tuesday, March 10".
    public var longText: String { "\(weekday.fullName), \(monthName) \(day)" }

    /// January to December, in English.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]
}

/// How the desk writes days and times in clinic-local time, without DateFormatter, so the text is
/// the same on every machine whatever its locale.
extension ClinicCalendar {
    /// "Tue 10 Mar 2026 14:00".
    public func dayTime(_ date: Date) -> String {
        let day = localDay(of: date)
        return "\(shortDay(day)) \(day.year) \(time(date))"
    }

    /// "Tue 10 Mar".
    public func shortDay(_ date: Date) -> String { shortDay(localDay(of: date)) }

    /// "Tue 10 Mar".
    public func shortDay(_ day: LocalDay) -> String { day.shortText }

    /// "Tue 10 Mar 2026".
    public func shortDayWithYear(_ day: LocalDay) -> String { "\(shortDay(day)) \(day.year)" }

    /// "14:00".
    public func time(_ date: Date) -> String { ClinicCalendar.time(minuteOfDay: minuteOfDay(of: date)) }

    /// "2:00 PM".
    public func time12(_ date: Date) -> String { ClinicCalendar.time12(minuteOfDay: minuteOfDay(of: date)) }

    /// "Tuesday, March 10".
    public func longDay(_ date: Date) -> String { longDay(localDay(of: date)) }

    /// "Tuesday, March 10".
    public func longDay(_ day: LocalDay) -> String { day.longText }

    /// "March 10".
    public func monthDay(_ date: Date) -> String { monthDay(localDay(of: date)) }

    /// "March 10".
    public func monthDay(_ day: LocalDay) -> String { "\(day.monthName) \(day.day)" }

    /// "14:00" for minute 840 of the day ("24:00" for 1440, the end of a working day).
    public static func time(minuteOfDay minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// "2:00 PM" for minute 840, "12:00 AM" for midnight, "12:30 PM" just after noon.
    public static func time12(minuteOfDay minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        let hour12 = h % 12 == 0 ? 12 : h % 12
        return "\(hour12):" + (m < 10 ? "0" : "") + "\(m) " + (h < 12 ? "AM" : "PM")
    }
}
