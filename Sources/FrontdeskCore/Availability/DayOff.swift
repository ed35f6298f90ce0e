/// Whole days without sessions: a provider's absence ("holiday") or a day the clinic is closed
/// (a public holiday). Planners skip them as they skip closed weekdays; bookings on them are refused
/// with `message`.
public struct DayOff: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, Equatable, Hashable, Codable {
        /// One provider is away.
        case absence
        /// Nobody works: the clinic is closed.
        case clinicClosed = "clinic_closed"
    }

    public var kind: Kind
    /// Who is away ("Dr Keller"); nil for the clinic.
    public var who: String?
    /// The first day off.
    public var first: LocalDay
    /// The last day off (the same as `first` for a single day).
    public var last: LocalDay
    /// Why, as typed ("holiday", "Christmas"); may be empty.
    public var reason: String

    public init(kind: Kind, who: String? = nil, first: LocalDay, last: LocalDay? = nil, reason: String = "") {
        self.kind = kind
        self.who = who
        self.first = first
        self.last = max(last ?? first, first)
        self.reason = reason
    }

    /// A provider's absence.
    public static func absence(_ who: String, from first: LocalDay, to last: LocalDay? = nil, reason: String = "") -> DayOff {
        DayOff(kind: .absence, who: who, first: first, last: last, reason: reason)
    }

    /// A day the whole clinic is closed.
    public static func clinicClosed(_ day: LocalDay, reason: String = "") -> DayOff {
        DayOff(kind: .clinicClosed, first: day, reason: reason)
    }

    public func contains(_ day: LocalDay) -> Bool { first <= day && day <= last }

    /// Every day it covers, in order.
    public var days: [LocalDay] { (first.ordinal...last.ordinal).map(LocalDay.init(ordinal:)) }

    /// "Mon 20 Jul" for one day; "20 Jul–2 Aug" for a range in one year; with years across a new year.
    public var daysText: String {
        if first == last { return first.shortText }
        if first.year != last.year {
            return "\(first.day) \(first.shortMonthName) \(first.year)–\(last.day) \(last.shortMonthName) \(last.year)"
        }
        return "\(first.day) \(first.shortMonthName)–\(last.day) \(last.shortMonthName)"
    }

    /// "Dr Keller is away 20 Jul–2 Aug (holiday)", "The clinic is closed on Fri 25 Dec (Christmas)".
    public var message: String {
        let why = reason.isEmpty ? "" : " (\(reason))"
        switch kind {
        case .absence:
            let name = who ?? "The provider"
            return first == last ? "\(name) is away on \(daysText)\(why)" : "\(name) is away \(daysText)\(why)"
        case .clinicClosed:
            return "The clinic is closed on \(daysText)\(why)"
        }
    }
}
