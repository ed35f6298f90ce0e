import Foundation

/// Calendar arithmetic in the clinic's one time zone.
///
/// Instants are `Date`s (UTC); everything staff see or type is local wall-clock time. "N days later"
/// means N calendar days at the same wall-clock time, so 14:00 stays 14:00 across daylight saving.
public struct ClinicCalendar: Sendable, Equatable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        self.calendar = calendar
    }

    /// The clinic calendar for a zone identifier such as "Europe/Zurich"; nil for an unknown zone.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    public static func == (a: ClinicCalendar, b: ClinicCalendar) -> Bool {
        a.timeZone.identifier == b.timeZone.identifier
    }

    /// The local day an instant falls on.
    public func localDay(of date: Date) -> LocalDay {
        if let local = localSeconds(date) { return LocalDay(ordinal: Int(local.floorDivided(by: 86_400))) }
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return LocalDay(year: c.year!, month: c.month!, day: c.day!)
    }

    /// Minutes since local midnight (0–1439) of an instant.
    public func minuteOfDay(of date: Date) -> Int {
        if let local = localSeconds(date) { return Int((local - local.floorDivided(by: 86_400) * 86_400) / 60) }
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return c.hour! * 60 + c.minute!
    }

    /// Wall-clock seconds since 1970-01-01 00:00 in the clinic's zone: the instant plus the zone's
    /// offset then. Seven times cheaper than `dateComponents`, which every list line and agenda row
    /// pays several times. Nil outside 1600–3000 (before 1583 Foundation's Gregorian calendar is the
    /// Julian one), where the calendar answers.
    private func localSeconds(_ date: Date) -> Int64? {
        let t = date.timeIntervalSince1970
        guard t >= -11_676_096_000, t < 32_503_680_000 else { return nil }
        return Int64(t.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
    }

    public func weekday(of date: Date) -> Weekday { localDay(of: date).weekday }

    /// The instant of a local wall-clock time; nil when that time does not exist on that day
    /// (it falls into a daylight-saving gap).
    public func date(_ day: LocalDay, minuteOfDay minute: Int) -> Date? {
        var c = DateComponents()
        c.year = day.year
        c.month = day.month
        c.day = day.day
        c.hour = minute / 60
        c.minute = minute % 60
        guard let date = calendar.date(from: c) else { return nil }
        guard localDay(of: date) == day, minuteOfDay(of: date) == minute else { return nil }
        return date
    }

    /// Like `date(_:minuteOfDay:)`, but a time inside a daylight-saving gap moves forward by the length
    /// of the gap (02:30 on the spring change becomes 03:30), as a clock set before the change would show.
    public func resolvedDate(_ day: LocalDay, minuteOfDay minute: Int) -> Date {
        if let exact = date(day, minuteOfDay: minute) { return exact }
        var c = DateComponents()
        c.year = day.year
        c.month = day.month
        c.day = day.day
        c.hour = minute / 60
        c.minute = minute % 60
        return calendar.date(from: c) ?? startOfDay(day)
    }

    /// Local midnight of a day (the first instant of the day where midnight is skipped).
    public func startOfDay(_ day: LocalDay) -> Date {
        var c = DateComponents()
        c.year = day.year
        c.month = day.month
        c.day = day.day
        return calendar.startOfDay(for: calendar.date(from: c)!)
    }

    /// The same wall-clock time a calendar distance later.
    public func adding(_ gap: GapLength, to date: Date) -> Date {
        resolvedDate(localDay(of: date).adding(gap), minuteOfDay: minuteOfDay(of: date))
    }

    /// The same wall-clock time `days` calendar days later.
    public func adding(days: Int, to date: Date) -> Date { adding(.days(days), to: date) }

    /// Calendar days between the local days of two instants.
    public func daysBetween(_ a: Date, _ b: Date) -> Int {
        localDay(of: a).days(to: localDay(of: b))
    }

    /// The offset from UTC, in seconds, at an instant.
    public func utcOffsetSeconds(at date: Date) -> Int { timeZone.secondsFromGMT(for: date) }

    /// ISO 8601 in clinic-local time with its offset: "2026-03-10T14:00:00+01:00".
    public func iso8601(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = utcOffsetSeconds(at: date)
        let sign = offset < 0 ? "-" : "+"
        let abs = Swift.abs(offset)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d",
                      c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                      sign, abs / 3600, (abs % 3600) / 60)
    }

    /// Parses ISO 8601 with an offset or "Z" ("2026-03-10T14:00:00+01:00"), or a local
    /// "2026-03-10T14:00[:00]" read in the clinic's zone.
    public func parseISO8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = LocalDay(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":")
        guard hm.count >= 2, let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return date(day, minuteOfDay: h * 60 + m)
    }
}

extension Int64 {
    /// Division rounding toward minus infinity (days before 1970 are negative).
    func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
