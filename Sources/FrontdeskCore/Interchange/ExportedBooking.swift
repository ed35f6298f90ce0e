import Foundation

/// A booking with what calendar and spreadsheet exports add to the agenda's view of it.
public struct ExportedBooking: Sendable, Equatable {
    public var booking: Booking
    /// The service's word for a session ("Session", "Lesson").
    public var sessionNoun: String
    /// Raised each time the booking's time, provider or status changes (iCalendar SEQUENCE).
    public var calendarSequence: Int
    /// When the booking last changed (iCalendar DTSTAMP).
    public var updatedAt: Date
    public var customerPhone: String?
    public var customerEmail: String?

    public init(booking: Booking, sessionNoun: String, calendarSequence: Int, updatedAt: Date,
                customerPhone: String?, customerEmail: String?) {
        self.booking = booking
        self.sessionNoun = sessionNoun
        self.calendarSequence = calendarSequence
        self.updatedAt = updatedAt
        self.customerPhone = customerPhone
        self.customerEmail = customerEmail
    }

    /// "Dental Implant – Session 2 of 3", or the service's name for a single appointment.
    public var title: String {
        let b = booking
        guard b.isPartOfMultiSession else { return b.serviceName }
        return "\(b.serviceName) – \(sessionNoun) \(b.sessionNumber) of \(b.totalSessions)"
    }
}
