import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    /// Bookings starting in [from, to), in start order, `limit` at a time after `cursor`.
    public func agenda(from: Date, to: Date, filter: AgendaFilter = AgendaFilter(), after cursor: AgendaCursor? = nil,
                       limit: Int = 200) throws(StoreError) -> [Booking] {
        let window = AgendaWindow(from: from, to: to, filter: filter, after: cursor, limit: limit)
        let sql = "SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins) \(window.clause)"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: window.arguments).map(RowDecoding.booking)
        }
    }

    /// The agenda for whole local days: `days` days from `day`.
    public func agenda(day: LocalDay, days: Int, filter: AgendaFilter = AgendaFilter(), after cursor: AgendaCursor? = nil,
                       limit: Int = 200) throws(StoreError) -> [Booking] {
        try agenda(from: calendar.startOfDay(day), to: calendar.startOfDay(day.adding(days: max(days, 1))),
                   filter: filter, after: cursor, limit: limit)
    }
}

/// Which bookings a page of the agenda holds: those starting in [from, to) that pass the filter,
/// after the cursor, in start order, at most `limit`. The agenda and the calendar and spreadsheet
/// exports read the same pages and differ only in the columns they select, so the WHERE, ORDER BY
/// and LIMIT (and the `bookings_on_start` index they rely on) are written here once. The query
/// names the bookings table `b`.
struct AgendaWindow {
    /// `WHERE … ORDER BY b.start_at, b.id LIMIT ?`
    let clause: String
    let arguments: StatementArguments

    init(from: Date, to: Date, filter: AgendaFilter, after cursor: AgendaCursor?, limit: Int) {
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
        if let endedBy = filter.endedBy {
            conditions.append("b.end_at <= ?")
            arguments.append(endedBy.storedSeconds)
        }
        if let statuses = filter.statuses, !statuses.isEmpty {
            conditions.append("b.status IN (" + statuses.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += statuses.map(\.rawValue).sorted()
        }
        arguments.append(limit)
        clause = "WHERE \(conditions.joined(separator: " AND ")) ORDER BY b.start_at, b.id LIMIT ?"
        self.arguments = StatementArguments(arguments)
    }
}
