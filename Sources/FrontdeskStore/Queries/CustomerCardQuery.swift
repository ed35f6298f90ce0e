import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    /// The Customers list: a search as `searchCustomers`, each row with the next appointment and the
    /// number of open treatments. Two statements per page whatever its length: the customers with
    /// index lookups for their next booking and open treatments, then those bookings by id.
    /// `after`: the page that follows this customer in the list's order (keyset paging, no OFFSET).
    public func customerList(search: String = "", limit: Int = 50, offset: Int = 0,
                             after: Int64? = nil) throws(StoreError) -> [CustomerListRow] {
        let now = self.now.storedSeconds
        let (matching, searchArguments) = searchCondition(search, alias: "c")
        var conditions = matching.isEmpty ? [] : ["(" + matching.dropFirst("WHERE ".count) + ")"]
        var arguments = searchArguments
        if let after {
            conditions.append("(c.search_name, c.id) > (SELECT search_name, id FROM customers WHERE id = ?)")
            arguments.append(after)
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.*,
                    (SELECT b.id FROM bookings b WHERE b.customer_id = c.id AND b.start_at >= ? AND b.status = 'confirmed'
                     ORDER BY b.start_at LIMIT 1) AS next_booking_id,
                    (SELECT COUNT(*) FROM session_groups g WHERE g.customer_id = c.id AND g.state IN ('active', 'to_book')
                     AND (g.expires_at IS NULL OR g.expires_at > ?)) AS open_treatments
                FROM customers c \(clause) ORDER BY c.search_name, c.id LIMIT ? OFFSET ?
                """, arguments: StatementArguments([now, now] + arguments + [limit, offset]))
            let nextIDs = rows.compactMap { $0["next_booking_id"] as Int64? }
            var next: [Int64: Booking] = [:]
            if !nextIDs.isEmpty {
                for booking in try Row.fetchAll(db, sql: """
                    SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
                    WHERE b.id IN (\(nextIDs.map(String.init).joined(separator: ",")))
                    """).map(RowDecoding.booking) { next[booking.id] = booking }
            }
            return rows.map { row in
                CustomerListRow(customer: RowDecoding.customer(row),
                                nextAppointment: (row["next_booking_id"] as Int64?).flatMap { next[$0] },
                                openTreatments: row["open_treatments"])
            }
        }
    }

    /// The customer card: contact, consents, notes, treatments with every session, upcoming and past
    /// bookings (including no-shows and cancellations; at most `pastLimit`), pending follow-ups.
    public func customerCard(id: Int64, pastLimit: Int = 100) throws(StoreError) -> CustomerCard {
        let now = self.now.storedSeconds
        return try read { db in
            let customer = try Self.requireCustomer(db, id: id)
            let groupIDs = try String.fetchAll(db, sql: """
                SELECT session_group_id FROM session_groups WHERE customer_id = ? ORDER BY created_at DESC, session_group_id
                """, arguments: [id])
            let treatments = try groupIDs.compactMap { try Self.group(db, id: $0) }
            let upcoming = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
                WHERE b.customer_id = ? AND b.start_at >= ? AND b.status = 'confirmed' ORDER BY b.start_at, b.id
                """, arguments: [id, now]).map(RowDecoding.booking)
            let past = try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
                WHERE b.customer_id = ? AND (b.start_at < ? OR b.status != 'confirmed') ORDER BY b.start_at DESC, b.id DESC LIMIT ?
                """, arguments: [id, now, pastLimit]).map(RowDecoding.booking)
            let followUps = try Row.fetchAll(db, sql: """
                SELECT f.*, c.name AS customer_name, c.phone, c.email, c.sms_consent, c.email_consent FROM follow_ups f JOIN customers c ON c.id = f.customer_id
                WHERE f.customer_id = ? AND f.status = 'pending' ORDER BY f.due_at, f.id LIMIT 50
                """, arguments: [id]).map(Self.followUp)
            return CustomerCard(customer: customer, treatments: treatments, upcoming: upcoming, past: past, pendingFollowUps: followUps)
        }
    }
}
