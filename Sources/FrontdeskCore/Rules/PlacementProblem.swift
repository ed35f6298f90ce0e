import Foundation

/// A session as the placement rule sees it: a live session of a treatment, or one asked for.
public struct TimelineSession: Sendable, Equatable {
    /// The booking's id; nil for a session not booked yet.
    public var id: Int64?
    /// 1-based session number within the treatment.
    public var number: Int
    public var start: Date
    public var durationMinutes: Int
    public var status: BookingStatus

    public init(id: Int64? = nil, number: Int, start: Date, durationMinutes: Int, status: BookingStatus = .confirmed) {
        self.id = id
        self.number = number
        self.start = start
        self.durationMinutes = durationMinutes
        self.status = status
    }

    public var end: Date { start.addingTimeInterval(Double(durationMinutes) * 60) }
    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

extension TimelineSession {
    /// The session a booking is, as the rules see it.
    public init(_ booking: Booking) {
        self.init(id: booking.id, number: booking.sessionNumber, start: booking.start,
                  durationMinutes: max(1, Int(booking.end.timeIntervalSince(booking.start) / 60)), status: booking.status)
    }
}

/// A gap between two sessions that breaks the treatment's rule, with the numbers that broke it.
public struct GapBreach: Sendable, Equatable {
    /// The session being placed.
    public var session: Int
    public var start: Date
    /// The neighbouring session the gap is measured to, and where it is.
    public var neighbour: Int
    public var neighbourStart: Date
    /// Whether the neighbour comes after the session in time (the session is too close before it).
    public var neighbourIsLater: Bool
    /// The rule's minimum (too soon) or maximum (too late).
    public var limit: GapLength
    /// The first allowed day (too soon) or the last allowed day (too late).
    public var boundary: LocalDay
    /// Calendar days short of the minimum, or over the maximum.
    public var days: Int

    public init(session: Int, start: Date, neighbour: Int, neighbourStart: Date, neighbourIsLater: Bool,
                limit: GapLength, boundary: LocalDay, days: Int) {
        self.session = session
        self.start = start
        self.neighbour = neighbour
        self.neighbourStart = neighbourStart
        self.neighbourIsLater = neighbourIsLater
        self.limit = limit
        self.boundary = boundary
        self.days = days
    }
}

/// Why a session may not (or should not, without confirmation) sit at a time. No wording: the
/// command line and the screens each say it for their reader.
public enum PlacementProblem: Sendable, Equatable {
    /// The start has passed.
    case inThePast(start: Date)
    /// Later than the booking horizon allows (a typo in the year, "+9999w").
    case beyondHorizon(start: Date, horizonDays: Int, lastDay: LocalDay)
    /// The provider cannot take it: closed day, absence, outside hours, another booking.
    case unavailable(SlotConflict)
    /// Closer to a neighbouring session than the minimum gap (or before a session it must follow).
    case tooSoon(GapBreach)
    /// Further from the previous session than the maximum gap: allowed only when confirmed.
    case tooLate(GapBreach)

    /// Whether confirming lets it through (beyond the maximum gap); everything else is refused.
    public var needsConfirmation: Bool {
        if case .tooLate = self { return true }
        return false
    }
}

/// One problem of one session.
public struct PlacementFinding: Sendable, Equatable {
    public var number: Int
    public var start: Date
    public var problem: PlacementProblem

    public init(number: Int, start: Date, problem: PlacementProblem) {
        self.number = number
        self.start = start
        self.problem = problem
    }
}

extension Array where Element == PlacementFinding {
    /// The findings that refuse the placement outright.
    public var refusals: [PlacementFinding] { filter { !$0.problem.needsConfirmation } }
    /// The findings that a confirmation lets through (beyond the maximum gap).
    public var warnings: [PlacementFinding] { filter { $0.problem.needsConfirmation } }
}

extension Array where Element == PlacementProblem {
    /// The problems that refuse outright (everything but beyond the maximum gap).
    public var refusalsOnly: [PlacementProblem] { filter { !$0.needsConfirmation } }
}

/// A placement the store refused (or wants confirmed), with everything a front end needs to say why.
public struct PlacementRefusal: Sendable, Equatable {
    /// Whose time the availability findings are about: "Dr. Keller".
    public var provider: String
    public var findings: [PlacementFinding]
    /// The next time that provider is free for the first refused session, when one was looked for.
    public var nextFree: Date?
    /// The clinic's calendar, so that any front end can show the dates in the clinic's zone.
    public var calendar: ClinicCalendar

    public init(provider: String, findings: [PlacementFinding], nextFree: Date? = nil, calendar: ClinicCalendar) {
        self.provider = provider
        self.findings = findings
        self.nextFree = nextFree
        self.calendar = calendar
    }
}
