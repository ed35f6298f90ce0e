import Foundation

/// Clinic-local days inside SQL. SQLite knows no time zones, so the database keeps the clinic zone's
/// UTC offsets (`kpi_clinic_offsets`, one row per change of offset) and every trigger turns an instant
/// into a day with one primary-key seek: any writer, even the sqlite3 shell, gets the same days as
/// the application.
enum ClinicDaySQL {
    /// The first instant covered; earlier instants use the offset in force then.
    static let firstYear = 1900
    /// Transitions are listed up to this year; later instants keep the last offset.
    static let lastYear = 2200

    /// The clinic-local day (days since 1970-01-01, as `LocalDay.ordinal`) of the instant `instant`
    /// (an SQL expression in stored seconds); NULL when `instant` is NULL.
    static func day(of instant: String) -> String {
        """
        (SELECT (l - ((l % 86400) + 86400) % 86400) / 86400 FROM (SELECT (\(instant)) + (SELECT o.offset_seconds \
        FROM kpi_clinic_offsets o WHERE o.from_at <= (\(instant)) ORDER BY o.from_at DESC LIMIT 1) AS l))
        """
    }

    /// Every offset change of `zone` between `firstYear` and `lastYear`, as (from, offset) pairs, the
    /// first covering every earlier instant.
    static func offsets(of zone: TimeZone) -> [(from: Int64, offset: Int)] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: firstYear, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: lastYear, month: 1, day: 1))!
        var result: [(from: Int64, offset: Int)] = [(Int64.min / 2, zone.secondsFromGMT(for: start))]
        var cursor = start
        // Transitions as the zone database lists them; a change of standard offset without daylight
        // saving is caught by comparing the offset before and after each step.
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = zone.secondsFromGMT(for: next)
            if offset != result.last!.offset {
                result.append((Int64(next.timeIntervalSince1970.rounded(.down)), offset))
            }
            cursor = next
        }
        return result
    }
}
