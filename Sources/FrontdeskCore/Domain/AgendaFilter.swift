import Foundation

/// What the agenda shows: live and past bookings in a time range, in start order.
public struct AgendaFilter: Sendable, Equatable {
    public var providerID: Int64?
    public var statuses: Set<BookingStatus>?
    public var customerID: Int64?
    /// Only bookings that had ended by then ("needs outcome": confirmed and over).
    public var endedBy: Date?

    public init(providerID: Int64? = nil, statuses: Set<BookingStatus>? = nil, customerID: Int64? = nil, endedBy: Date? = nil) {
        self.providerID = providerID
        self.statuses = statuses
        self.customerID = customerID
        self.endedBy = endedBy
    }
}

/// Where a page of the agenda ends, so the next one continues after it (keyset paging: no OFFSET).
public struct AgendaCursor: Sendable, Equatable, Hashable {
    public var start: Date
    public var bookingID: Int64

    public init(start: Date, bookingID: Int64) {
        self.start = start
        self.bookingID = bookingID
    }
}
