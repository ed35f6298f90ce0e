import Foundation

/// Local day and minute conversions from UTC offsets alone, for the hot loops of slot search.
///
/// Foundation's calendar costs about a microsecond per call; a slot search over a busy provider
/// makes thousands. Offsets give the same answers, including daylight-saving gaps (nil) and the
/// repeated hour (its first occurrence, as `ClinicCalendar.date` gives).
extension ClinicCalendar {
    private func offset(at seconds: Double) -> Double {
        Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
    }

    /// The local day and minute of day of an instant; equal to `localDay(of:)` and `minuteOfDay(of:)`.
    func fastLocal(_ date: Date) -> (day: LocalDay, minute: Int) {
        let local = date.timeIntervalSince1970 + offset(at: date.timeIntervalSince1970)
        let dayOrdinal = Int((local / 86_400).rounded(.down))
        let minute = Int(((local - Double(dayOrdinal) * 86_400) / 60).rounded(.down))
        return (LocalDay(ordinal: dayOrdinal), minute)
    }

    /// The instant of a local wall-clock time; nil inside a daylight-saving gap. Same as `date(_:minuteOfDay:)`.
    func fastDate(_ day: LocalDay, minuteOfDay minute: Int) -> Date? {
        let wall = Double(day.ordinal) * 86_400 + Double(minute) * 60
        // A zone changes its offset at most once around a given day: try the offset before, then after.
        let before = offset(at: wall - 86_400), after = offset(at: wall + 86_400)
        for candidate in before == after ? [before] : [before, after] where offset(at: wall - candidate) == candidate {
            return Date(timeIntervalSince1970: wall - candidate)
        }
        return nil
    }
}
