import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    /// Bookings starting in [from, to) for an export, in start order, `limit` at a time after `cursor`.
    public func exportedBookings(from: Date, to: Date, filter: AgendaFilter = AgendaFilter(), after cursor: AgendaCursor? = nil,
                                 limit: Int = 1000) throws(StoreError) -> [ExportedBooking] {
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
            SELECT \(RowDecoding.bookingColumns), b.calendar_sequence, b.updated_at, s.session_noun,
                   c.phone AS customer_phone, c.email AS customer_email
            FROM bookings b \(RowDecoding.bookingJoins)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY b.start_at, b.id LIMIT ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                ExportedBooking(booking: RowDecoding.booking(row), sessionNoun: row["session_noun"],
                                calendarSequence: row["calendar_sequence"],
                                updatedAt: Date(timeIntervalSince1970: TimeInterval(row["updated_at"] as Int64)),
                                customerPhone: row["customer_phone"], customerEmail: row["customer_email"])
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

    /// Treatments as CSV rows (SpreadsheetRows.treatmentHeader), in id order, `limit` at a time after `afterID`.
    public func treatmentRowsPage(after afterID: String, limit: Int) throws(StoreError) -> [[String]] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.session_group_id, c.name AS customer, s.name AS service, g.strategy, g.state, g.total_sessions,
                       (SELECT count(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'completed') AS completed,
                       (SELECT count(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'confirmed') AS booked
                FROM session_groups g JOIN customers c ON c.id = g.customer_id JOIN services s ON s.id = g.service_id
                WHERE g.session_group_id > ? ORDER BY g.session_group_id LIMIT ?
                """, arguments: [afterID, limit]).map { row in
                let total: Int = row["total_sessions"], completed: Int = row["completed"], booked: Int = row["booked"]
                let state: String = row["state"]
                return [row["session_group_id"], row["customer"], row["service"], row["strategy"],
                        state.replacingOccurrences(of: "_", with: "-"), String(total), String(completed), String(booked),
                        String(max(0, total - completed - booked))]
            }
        }
    }
}
