import Foundation

/// What a booking operation wrote: the new sessions and, for a treatment, the whole group after it.
public struct BookingResult: Sendable, Equatable {
    public var bookings: [Booking]
    public var group: SessionGroup?
    /// True when some session was moved from the requested time to the earliest free slot.
    public var shifted: Bool

    public init(bookings: [Booking], group: SessionGroup?, shifted: Bool) {
        self.bookings = bookings
        self.group = group
        self.shifted = shifted
    }
}

/// A proposed immediate plan, with the provider it was planned for.
public struct ImmediateProposal: Sendable, Equatable {
    public var plan: SchedulePlan
    public var provider: Provider
    public var service: Service

    public init(plan: SchedulePlan, provider: Provider, service: Service) {
        self.plan = plan
        self.provider = provider
        self.service = service
    }

    /// One line per session that did not fit as requested: why, and where it moved.
    public func conflictLines(calendar: ClinicCalendar) -> [String] {
        plan.sessions.compactMap { session in
            guard let conflict = session.conflict else { return nil }
            let moved = session.isPinned
                ? (session.isPlaceable ? "set by hand; booked only when confirmed" : "set by hand, and refused: give another date")
                : session.isPlaceable ? "proposed instead: \(calendar.dayTime(session.start))"
                : "no free slot within the allowed gap"
            return "Session \(session.number) at \(calendar.dayTime(session.requestedStart)): \(conflict.message(provider: provider.name, calendar: calendar)) — \(moved)"
        }
    }
}

/// What completing a session led to.
public struct CompletionOutcome: Sendable, Equatable {
    public var booking: Booking
    public var group: SessionGroup?
    /// Sequential treatments: the window for the next session and the suggested free slot in it.
    public var nextWindow: SessionWindow?
    public var suggestedNext: Date?
    /// True when this was the last session of the treatment.
    public var treatmentCompleted: Bool

    public init(booking: Booking, group: SessionGroup?, nextWindow: SessionWindow?, suggestedNext: Date?, treatmentCompleted: Bool) {
        self.booking = booking
        self.group = group
        self.nextWindow = nextWindow
        self.suggestedNext = suggestedNext
        self.treatmentCompleted = treatmentCompleted
    }
}
