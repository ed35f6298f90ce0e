import Foundation

/// Why a session cannot take place at a proposed time.
public enum SlotConflict: Sendable, Equatable, CustomStringConvertible {
    /// The provider does not work that day (holiday, leave, closure).
    case closedDay(LocalDay)
    /// The provider is away, or the clinic is closed, with the reason staff gave.
    case dayOff(DayOff)
    /// The session does not lie within one of the day's working-hours ranges (given as text).
    case outsideWorkingHours(Weekday, String)
    /// The provider already has this booking at that time.
    case overlapsBooking(DateInterval)
    /// Closer to the previous session than the treatment allows.
    case gapTooShort(minimum: GapLength)
    /// Further from the previous session than the treatment allows.
    case gapTooLong(maximum: GapLength)
    /// The time has already passed.
    case inThePast

    /// The receptionist-facing explanation, naming the provider and using clinic-local times:
    /// "Dr. Keller is booked Tue 24 Mar 14:00–15:30."
    public func message(provider: String, calendar: ClinicCalendar) -> String {
        switch self {
        case .closedDay(let day):
            return "\(provider) is not working on \(DateWording.shortDay(day)) \(day.year). Pick another day."
        case .dayOff(let off):
            return "\(off.message). Pick another day."
        case .outsideWorkingHours(let weekday, let hours):
            if hours.isEmpty || hours == "closed" {
                return "\(provider) does not work on \(weekday.fullName)s. Pick another day."
            }
            return "Outside \(provider)'s hours on \(weekday.fullName)s (\(hours)). Pick a time within them."
        case .overlapsBooking(let interval):
            return "\(provider) is booked \(DateWording.interval(interval, calendar: calendar)). Pick a free time."
        case .gapTooShort(let minimum):
            return "Too soon after the previous session: they must be at least \(minimum) apart."
        case .gapTooLong(let maximum):
            return "Too long after the previous session: they should be at most \(maximum) apart."
        case .inThePast:
            return "That time has already passed. Pick a time in the future."
        }
    }

    /// What is in the way, without the advice: for saying why a session was moved elsewhere
    /// ("Sara Rossi does not work on Saturdays").
    public func reason(provider: String, calendar: ClinicCalendar) -> String {
        switch self {
        case .closedDay(let day): return "\(provider) is not working on \(DateWording.shortDay(day)) \(day.year)"
        case .dayOff(let off): return off.message
        case .outsideWorkingHours(let weekday, let hours):
            return hours.isEmpty || hours == "closed" ? "\(provider) does not work on \(weekday.fullName)s"
                : "outside \(provider)'s hours on \(weekday.fullName)s (\(hours))"
        case .overlapsBooking(let interval): return "\(provider) is booked \(DateWording.interval(interval, calendar: calendar))"
        case .gapTooShort(let minimum): return "too soon after the previous session (at least \(minimum) apart)"
        case .gapTooLong(let maximum): return "too long after the previous session (at most \(maximum) apart)"
        case .inThePast: return "that time has already passed"
        }
    }

    /// Short tag for lists and logs: "booked", "closed day".
    public var shortLabel: String {
        switch self {
        case .closedDay: return "closed day"
        case .dayOff(let off): return off.kind == .absence ? "away" : "clinic closed"
        case .outsideWorkingHours(_, let hours): return hours.isEmpty || hours == "closed" ? "day off" : "outside hours"
        case .overlapsBooking: return "booked"
        case .gapTooShort: return "too soon"
        case .gapTooLong: return "too late"
        case .inThePast: return "in the past"
        }
    }

    /// The message with a generic provider, in the system's time zone (the clinic default);
    /// screens should prefer `message(provider:calendar:)`.
    public var description: String {
        message(provider: "The provider", calendar: ClinicCalendar(timeZone: .current))
    }
}
