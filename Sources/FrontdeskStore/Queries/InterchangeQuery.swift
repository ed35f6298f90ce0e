import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    /// Bookings starting in [from, to) for an export, in start order, `limit` at a time after `cursor`:
    /// the agenda's pages (`AgendaWindow`) with what a calendar or spreadsheet adds.
    public func exportedBookings(from: Date, to: Date, filter: AgendaFilter = AgendaFilter(), after cursor: AgendaCursor? = nil,
                                 limit: Int = 1000) throws(StoreError) -> [ExportedBooking] {
        let window = AgendaWindow(from: from, to: to, filter: filter, after: cursor, limit: limit)
        let sql = """
            SELECT \(RowDecoding.bookingColumns), b.calendar_sequence, b.updated_at, s.session_noun,
                   c.phone AS customer_phone, c.email AS customer_email
            FROM bookings b \(RowDecoding.bookingJoins) \(window.clause)
            """
        return try read { db in
            // By position, as `RowDecoding.booking` reads the columns before them.
            let extra = RowDecoding.bookingColumnCount
            return try Row.fetchAll(db, sql: sql, arguments: window.arguments).map { row in
                ExportedBooking(booking: RowDecoding.booking(row), sessionNoun: row[extra + 2],
                                calendarSequence: row[extra], updatedAt: Date(storedSeconds: row[extra + 1]),
                                customerPhone: row[extra + 3], customerEmail: row[extra + 4])
            }
        }
    }

    /// The first start and the last end of the bookings an export would cover, or nil when there are none.
    public func bookingSpan(filter: AgendaFilter = AgendaFilter()) throws(StoreError) -> (first: Date, last: Date)? {
        var conditions = ["1"]
        var arguments: [any DatabaseValueConvertible] = []
        if let provider = filter.providerID { conditions.append("provider_id = ?"); arguments.append(provider) }
        if let customer = filter.customerID { conditions.append("customer_id = ?"); arguments.append(customer) }
        let sql = "SELECT min(start_at) AS first, max(end_at) AS last FROM bookings WHERE \(conditions.joined(separator: " AND "))"
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)),
                  let first = row["first"] as Int64?, let last = row["last"] as Int64? else { return nil }
            return (Date(timeIntervalSince1970: TimeInterval(first)), Date(timeIntervalSince1970: TimeInterval(last)))
        }
    }

    /// The random name this database gives its calendar event UIDs ("3fa1c2d4e5b6.frontdesk").
    public func calendarDomain() throws(StoreError) -> String {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'calendar_domain'") ?? "frontdesk"
        }
    }
}
