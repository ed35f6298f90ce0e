import Foundation

/// A wall-clock time the daylight-saving change skips or repeats on a given day.
public enum ClockChange: Sendable, Equatable {
    /// The time does not exist: clocks jump from `jumpFrom` to `jumpTo` (minutes of the day, 120 → 180).
    /// A plan takes the time as a clock set before the change would show it: 02:30 becomes 03:30.
    case skipped(day: LocalDay, minuteOfDay: Int, jumpFrom: Int, jumpTo: Int)
    /// The time happens twice: clocks go back from `backFrom` to `backTo` (180 → 120). A plan takes
    /// the first of the two (still summer time).
    case repeated(day: LocalDay, minuteOfDay: Int, backFrom: Int, backTo: Int)

    /// The minute of the day a skipped time is taken at (02:30 → 03:30); the time itself when repeated.
    public var resolvedMinuteOfDay: Int {
        switch self {
        case let .skipped(_, minute, from, to): return min(to + (minute - from), 24 * 60 - 1)
        case let .repeated(_, minute, _, _): return minute
        }
    }
}

extension ClinicCalendar {
    /// Whether the daylight-saving change skips or repeats this wall-clock time on this day.
    public func clockChange(on day: LocalDay, minuteOfDay minute: Int) -> ClockChange? {
        guard let date = date(day, minuteOfDay: minute) else {
            let jump = transition(on: day) ?? (from: minute, to: minute + 60)
            return .skipped(day: day, minuteOfDay: minute, jumpFrom: jump.from, jumpTo: jump.to)
        }
        if occursTwice(date, day: day, minute: minute) {
            let back = transition(on: day) ?? (from: minute + 60, to: minute)
            return .repeated(day: day, minuteOfDay: minute, backFrom: back.from, backTo: back.to)
        }
        return nil
    }

    /// Whether the same local wall-clock time also happens at another instant (the autumn change),
    /// found by trying each UTC offset in force around it.
    func occursTwice(_ date: Date, day: LocalDay, minute: Int) -> Bool {
        let offsets = Set([-12.0, 0, 12].map { timeZone.secondsFromGMT(for: date.addingTimeInterval($0 * 3600)) })
        guard offsets.count > 1 else { return false }
        let wallAsUTC = TimeInterval(day.ordinal * 86_400 + minute * 60)
        let matches = Set(offsets.map { Date(timeIntervalSince1970: wallAsUTC - TimeInterval($0)) }
            .filter { localDay(of: $0) == day && minuteOfDay(of: $0) == minute })
        return matches.count > 1
    }

    /// The wall-clock minutes the clocks change between on `day`: (02:00, 03:00) in spring,
    /// (03:00, 02:00) in autumn; nil when the zone does not change that day.
    func transition(on day: LocalDay) -> (from: Int, to: Int)? {
        let start = startOfDay(day).addingTimeInterval(-6 * 3600)
        guard let change = timeZone.nextDaylightSavingTimeTransition(after: start),
              change.timeIntervalSince(start) < 36 * 3600 else { return nil }
        let before = timeZone.secondsFromGMT(for: change.addingTimeInterval(-1))
        let after = timeZone.secondsFromGMT(for: change)
        func wallMinute(_ offset: Int) -> Int {
            let seconds = Int(change.timeIntervalSince1970) + offset
            return ((seconds / 60) % 1440 + 1440) % 1440
        }
        return (wallMinute(before), wallMinute(after))
    }
}
