import Foundation
import FrontdeskCore
import GRDB

/// What the agenda shows: live and past bookings in a time range, in start order.
public struct AgendaFilter: Sendable, Equatable {
    public var providerID: Int64?
    public var statuses: Set<BookingStatus>?
    public var customerID: Int64?

    public init(providerID: Int64? = nil, statuses: Set<BookingStatus>? = nil, customerID: Int64? = nil) {
        self.providerID = providerID
        self.statuses = statuses
        self.customerID = customerID
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

extension AppDatabase {
    /// Bookings starting in [from, to), in start order, `limit` at a time after `cursor`.
    public func agenda(from: Date, to: Date, filter: AgendaFilter = AgendaFilter(), after cursor: AgendaCursor? = nil,
                       limit: Int = 200) throws(StoreError) -> [Booking] {
        var conditions = ["b.start_at >= ?", "b.start_at < ?"]
        var arguments: [any DatabaseValueConvertible] = [from.storedSeconds, to.storedSeconds]
        if let cursor {
            conditions.append("(b.start_at > ? OR (b.start_at = ? AND b.id > ?))")
            arguments += [cursor.start.storedSeconds, cursor.start.storedSeconds, cursor.bookingID]
        }
        if let provider = filter.providerID {
            conditions.append("b.provider_id = ?")
            arguments.append(provider)
        }
        if let customer = filter.customerID {
            conditions.append("b.customer_id = ?")
            arguments.append(customer)
        }
        if let statuses = filter.statuses, !statuses.isEmpty {
            conditions.append("b.status IN (" + statuses.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += statuses.map(\.rawValue).sorted()
        }
        arguments.append(limit)
        let sql = """
            SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY b.start_at, b.id LIMIT ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(RowDecoding.booking)
        }
    }

    /// The agenda for whole local days: `days` days from `day`.
    public func agenda(day: LocalDay, days: Int, filter: AgendaFilter = AgendaFilter(), after cursor: AgendaCursor? = nil,
                       limit: Int = 200) throws(StoreError) -> [Booking] {
        try agenda(from: calendar.startOfDay(day), to: calendar.startOfDay(day.adding(days: max(days, 1))),
                   filter: filter, after: cursor, limit: limit)
    }
}
