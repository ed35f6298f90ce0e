import Foundation
import FrontdeskCore
import GRDB

/// Writing checked CSV rows: each file in one transaction, prepared statements reused, nothing
/// written when any row is refused. Imported bookings go straight into the tables, so they create
/// no follow-ups (no confirmations or progress messages for history).
extension AppDatabase {
    /// What an import wrote (or, with `--dry-run`, would write).
    public struct ImportSummary: Sendable, Equatable {
        public var customers = 0
        public var bookings = 0
        public var treatments = 0
    }

    /// The names a booking row may use, for `SpreadsheetImport.bookings`.
    public func importDirectory() throws(StoreError) -> SpreadsheetImport.Directory {
        let services = try services()
        return try read { db in
            var customers: [String: [(id: Int64, phone: String)]] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, name, phone FROM customers")
            while let row = try cursor.next() {
                let phone: String? = row["phone"]
                customers[row["name"], default: []].append((row["id"], SpreadsheetRows.normalisedPhone(phone ?? "")))
            }
            var providers: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM providers") { providers[row["name"]] = row["id"] }
            var byName: [String: (id: Int64, totalSessions: Int, multiSession: Bool)] = [:]
            for service in services { byName[service.name] = (service.id, service.totalSessions, service.isMultiSession) }
            return SpreadsheetImport.Directory(customers: customers, services: byName, providers: providers)
        }
    }

    /// Customers already in the database or earlier in the file with the same name or the same
    /// normalised phone: (row, what it duplicates).
    public func customerDuplicates(_ rows: [CustomerImport]) throws(StoreError) -> [(row: Int, of: String, by: String)] {
        try read { db in
            var names: [String: String] = [:], phones: [String: String] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, name, phone FROM customers")
            while let row = try cursor.next() {
                let name: String = row["name"], id: Int64 = row["id"], phone: String? = row["phone"]
                names[SearchText.fold(name)] = "customer #\(id) \(name)"
                if let phone, !phone.isEmpty { phones[SpreadsheetRows.normalisedPhone(phone)] = "customer #\(id) \(name)" }
            }
            var found: [(row: Int, of: String, by: String)] = []
            for customer in rows {
                let phone = customer.phone.map(SpreadsheetRows.normalisedPhone)
                if let phone, let earlier = phones[phone] {
                    found.append((customer.row, earlier, "phone"))
                } else if let earlier = names[SearchText.fold(customer.name)] {
                    found.append((customer.row, earlier, "name"))
                }
                names[SearchText.fold(customer.name)] = names[SearchText.fold(customer.name)] ?? "row \(customer.row) \(customer.name)"
                if let phone { phones[phone] = phones[phone] ?? "row \(customer.row) \(customer.name)" }
            }
            return found
        }
    }

    /// Adds the customers in one transaction.
    /// `progress` is told how many rows are written, every 10,000 rows.
    public func importCustomers(_ rows: [CustomerImport], progress: ((Int) -> Void)? = nil) throws(StoreError) -> ImportSummary {
        try write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO customers(name, search_name, phone, phone_normalised, email, email_search, notes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let now = self.now.storedSeconds
            for (index, row) in rows.enumerated() {
                // The normalised phone and e-mail are what search and the duplicate check read.
                try insert.execute(arguments: [row.name, SearchText.fold(row.name), row.phone, self.normalisedPhone(row.phone),
                                               row.email, row.email.map(EmailAddress.normalised), row.notes, now])
                if (index + 1) % 10_000 == 0 { progress?(index + 1) }
            }
            try self.audit(db, action: "import", entity: "customer", id: "\(rows.count)", after: "\(rows.count) customers from CSV")
            return ImportSummary(customers: rows.count)
        }
    }

    /// Adds the bookings and the treatments they name in one transaction, through the bulk load path
    /// the demo volume uses (`BookingBulkWriter`). A booking that overlaps another of its provider, a
    /// session number a treatment already holds, or a treatment id already in the database refuses
    /// the file naming the row.
    public func importBookings(_ rows: [BookingImport], progress: ((Int) -> Void)? = nil) throws(StoreError) -> ImportSummary {
        let services = Dictionary(uniqueKeysWithValues: try self.services().map { ($0.id, $0) })
        var currentRow = 0
        let zone = calendar.timeZone
        do {
            return try write { db in
                let now = self.now
                let writer = try BookingBulkWriter(db, actor: self.actor)
                var groups: [String: Int] = [:]
                var firstStart: [String: Date] = [:]
                for row in rows { if let group = row.treatmentID { firstStart[group] = min(firstStart[group] ?? row.start, row.start) } }
                for (index, row) in rows.enumerated() {
                    currentRow = row.row
                    if (index + 1) % 10_000 == 0 { progress?(index + 1) }
                    let service = services[row.serviceID]!
                    if let group = row.treatmentID, groups[group] == nil {
                        if try Bool.fetchOne(db, sql: "SELECT 1 FROM session_groups WHERE session_group_id = ?", arguments: [group]) == true {
                            throw StoreError.invalid(.importRow(row: row.row, .treatmentExists(group)))
                        }
                        let first = firstStart[group]!.storedSeconds
                        try writer.add(BulkTreatment(id: group, customerID: row.customerID, serviceID: row.serviceID, providerID: row.providerID,
                                                     strategy: service.strategy, totalSessions: row.totalSessions, createdAt: first, anchorAt: first))
                        groups[group] = row.row
                    }
                    let label = row.label ?? (row.treatmentID == nil ? service.name : service.definition.label(forSession: row.sessionNumber))
                    do {
                        try writer.add(BulkBooking(customerID: row.customerID, serviceID: row.serviceID, providerID: row.providerID,
                                                   start: row.start.storedSeconds, end: row.end.storedSeconds, status: row.status,
                                                   groupID: row.treatmentID, sessionNumber: row.sessionNumber, totalSessions: row.totalSessions,
                                                   label: label, notes: row.notes, createdAt: now.storedSeconds))
                    } catch is BookingBulkWriter.HeldTwice {
                        // What the unique index refused when rows went in one by one, on the same row.
                        throw StoreError.invalid(.importRow(row: row.row, .constraint(BookingBulkWriter.HeldTwice.constraint)))
                    }
                }
                currentRow = 0
                try writer.restoreIndexes()
                if let index = try writer.firstOverlap() {
                    currentRow = rows[index].row
                    throw StoreError.refused(.slotTaken(nil))
                }
                currentRow = 0
                for group in groups.keys { try Self.refreshGroup(db, id: group, now: now) }
                try writer.finish(zone: zone)
                // What the bookings' insert trigger notes for the follow-ups generator, for every row.
                try db.execute(sql: """
                    INSERT OR IGNORE INTO follow_up_changes(subject)
                    SELECT COALESCE(session_group_id, 'booking:' || id) FROM bookings WHERE id >= ? ORDER BY id
                    """, arguments: [writer.firstBookingID])
                try self.audit(db, action: "import", entity: "booking", id: "\(rows.count)", after: "\(rows.count) bookings from CSV")
                return ImportSummary(bookings: rows.count, treatments: groups.count)
            }
        } catch .refused(.slotTaken) where currentRow > 0 {
            throw .invalid(.importRow(row: currentRow, .slotTaken))
        } catch .invalid(.constraint(let message)) where currentRow > 0 {
            throw .invalid(.importRow(row: currentRow, .constraint(message)))
        }
    }

    /// Every customer, in id order, `limit` at a time after `afterID` (for the CSV export).
    public func customersPage(after afterID: Int64, limit: Int) throws(StoreError) -> [Customer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM customers WHERE id > ? ORDER BY id LIMIT ?", arguments: [afterID, limit])
                .map(RowDecoding.customer)
        }
    }
}
