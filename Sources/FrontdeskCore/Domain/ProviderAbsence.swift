/// A provider's absence as stored: a single day or a range of days, with a reason.
public struct ProviderAbsence: Sendable, Equatable, Hashable, Identifiable {
    public var id: Int64
    public var first: LocalDay
    public var last: LocalDay
    public var reason: String

    public init(id: Int64, first: LocalDay, last: LocalDay? = nil, reason: String = "") {
        self.id = id
        self.first = first
        self.last = last ?? first
        self.reason = reason
    }

    /// The absence as the planners see it, naming who is away.
    public func dayOff(who: String) -> DayOff { .absence(who, from: first, to: last, reason: reason) }

    /// "2026-07-20..2026-08-02 holiday", "2026-03-11".
    public var description: String {
        (first == last ? first.description : "\(first)..\(last)") + (reason.isEmpty ? "" : " \(reason)")
    }
}

/// A day the whole clinic is closed (a public holiday), with its reason.
public struct ClinicClosedDay: Sendable, Equatable, Hashable {
    public var day: LocalDay
    public var reason: String

    public init(day: LocalDay, reason: String = "") {
        self.day = day
        self.reason = reason
    }

    public var dayOff: DayOff { .clinicClosed(day, reason: reason) }
}
