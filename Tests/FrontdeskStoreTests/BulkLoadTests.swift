import Foundation
@testable import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// The one bulk load path (`BookingBulkWriter`) behind `import csv bookings` and `demo --bookings N`:
/// it sets indexes and triggers aside, so it must write exactly what row-by-row inserts with every
/// trigger running wrote, keep the Dashboard's counters equal to a recount, and refuse what the
/// triggers refused.
@Suite struct BulkLoadTests {
    /// Rows for the import: single sessions and treatments of 3 sessions, in 2024 (before the generated
    /// volume: completed, no-shows, cancellations) and from June 2027 (after it: confirmed), on a grid
    /// of hourly slots so that nothing overlaps.
    static func rows(_ database: AppDatabase, count: Int) throws -> [BookingImport] {
        let services = try database.services()
        let single = services.first { !$0.isMultiSession }!
        let multi = services.filter(\.isMultiSession)
        let providers = try database.providers().map(\.id)
        let customers = try database.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM customers ORDER BY id LIMIT 40") }
        let calendar = database.calendar
        var rows: [BookingImport] = []
        var slot = 0
        func start(past: Bool) -> Date {
            defer { slot += 1 }
            let day = LocalDay(year: past ? 2024 : 2027, month: past ? 2 : 6, day: 1).adding(days: slot / (8 * providers.count))
            return calendar.date(day, minuteOfDay: (8 + slot % 8) * 60)!
        }
        var treatment = 0
        while rows.count < count {
            let provider = providers[(slot / 8) % providers.count]
            let customer = customers[rows.count % customers.count]
            let past = rows.count % 3 != 0
            if rows.count % 4 == 0, let service = multi.first {
                treatment += 1
                let id = String(format: "00000000-0000-4000-8000-%012d", treatment)
                for number in 1...min(3, service.totalSessions) {
                    let at = start(past: past)
                    let status: BookingStatus = past ? (number == 2 && treatment % 2 == 0 ? .noShow : .completed) : .confirmed
                    rows.append(BookingImport(row: rows.count + 2, treatmentID: id, customerID: customer, serviceID: service.id,
                                              providerID: provider, start: at, end: at.addingTimeInterval(1800), status: status,
                                              sessionNumber: number, totalSessions: service.totalSessions, notes: "n\(number)"))
                }
            } else {
                let at = start(past: past)
                let status: BookingStatus = past ? [.completed, .noShow, .cancelled][rows.count % 3] : (rows.count % 5 == 0 ? .cancelled : .confirmed)
                rows.append(BookingImport(row: rows.count + 2, treatmentID: nil, customerID: customer, serviceID: single.id,
                                          providerID: provider, start: at, end: at.addingTimeInterval(2700), status: status,
                                          sessionNumber: 1, totalSessions: 1, notes: ""))
            }
        }
        return rows
    }

    /// The import as it was written before the bulk path: one insert per row with every trigger
    /// running (overlap, counters, follow-up change log), then each treatment's row made current.
    static func importRowByRow(_ database: AppDatabase, _ rows: [BookingImport]) throws {
        let services = Dictionary(uniqueKeysWithValues: try database.services().map { ($0.id, $0) })
        try database.write { db in
            let now = database.now.storedSeconds
            var groups: Set<String> = []
            var firstStart: [String: Date] = [:]
            for row in rows { if let group = row.treatmentID { firstStart[group] = min(firstStart[group] ?? row.start, row.start) } }
            for row in rows {
                let service = services[row.serviceID]!
                if let group = row.treatmentID, !groups.contains(group) {
                    let first = firstStart[group]!.storedSeconds
                    try db.execute(sql: """
                        INSERT INTO session_groups(session_group_id, customer_id, service_id, provider_id, strategy, total_sessions, created_at, anchor_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [group, row.customerID, row.serviceID, row.providerID, service.strategy.rawValue, row.totalSessions, first, first])
                    groups.insert(group)
                }
                let label = row.treatmentID == nil ? service.name : service.definition.label(forSession: row.sessionNumber)
                try db.execute(sql: """
                    INSERT INTO bookings(customer_id, service_id, provider_id, start_at, end_at, status, is_part_of_multi_session,
                                         session_group_id, session_number, total_sessions, label, notes, created_at, updated_at, created_by, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [row.customerID, row.serviceID, row.providerID, row.start.storedSeconds, row.end.storedSeconds,
                                     row.status.rawValue, row.treatmentID != nil, row.treatmentID, row.sessionNumber, row.totalSessions,
                                     label, row.notes, now, now, database.actor, database.actor])
            }
            for group in groups { try AppDatabase.refreshGroup(db, id: group, now: database.now) }
            try database.audit(db, action: "import", entity: "booking", id: "\(rows.count)", after: "\(rows.count) bookings from CSV")
        }
    }

    /// Every row the import writes or counts, table by table.
    static func dump(_ database: AppDatabase) throws -> [String: [String]] {
        try database.read { db in
            var tables: [String: [String]] = [:]
            for (table, order) in [("bookings", "id"), ("session_groups", "session_group_id"), ("kpi_sessions", "1, 2, 3, 4"),
                                   ("kpi_treatments", "session_group_id"), ("kpi_treatment_counts", "1, 2, 3, 4, 5"),
                                   ("follow_up_changes", "subject"), ("audit_events", "id")] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { $0.description }
            }
            return tables
        }
    }

    /// Two databases with the same content before the import: the generated volume, or its catalog alone.
    static func pair(bookings: Int) throws -> (TemporaryDatabase, TemporaryDatabase) {
        let a = try TemporaryDatabase(), b = try TemporaryDatabase()
        _ = try a.database.seedVolume(bookings: bookings)
        _ = try b.database.seedVolume(bookings: bookings)
        return (a, b)
    }

    @Test(arguments: [0, 600])
    func importWritesWhatRowByRowInsertsWithTheTriggersWrote(existing: Int) throws {
        let (bulk, reference) = try Self.pair(bookings: existing)
        let rows = try Self.rows(bulk.database, count: 400)
        let summary = try bulk.database.importBookings(rows)
        try Self.importRowByRow(reference.database, rows)
        #expect(summary.bookings == rows.count)
        #expect(summary.treatments == Set(rows.compactMap(\.treatmentID)).count)
        let written = try Self.dump(bulk.database), expected = try Self.dump(reference.database)
        for table in expected.keys.sorted() {
            #expect(written[table] == expected[table], "\(table) differs")
        }
        #expect(try bulk.database.verifyKPICounters().isEmpty)
        #expect(try DemoVolumeTests.schema(bulk.database) == DemoVolumeTests.schema(reference.database))
    }

    @Test func aBookingOverlappingOneAlreadyThereRefusesTheFileNamingItsRow() throws {
        let t = try TemporaryDatabase()
        _ = try t.database.seedVolume(bookings: 300)
        var rows = try Self.rows(t.database, count: 40)
        let taken = try t.database.read { db in
            try Row.fetchOne(db, sql: "SELECT provider_id, start_at, end_at FROM bookings WHERE status != 'cancelled' ORDER BY id LIMIT 1")!
        }
        let index = rows.firstIndex { $0.treatmentID == nil && $0.status != .cancelled }!
        rows[index].providerID = taken["provider_id"]
        rows[index].start = Date(storedSeconds: taken["start_at"])
        rows[index].end = Date(storedSeconds: taken["end_at"])
        let before = try Self.dump(t.database)
        #expect(throws: StoreError.invalid(.importRow(row: rows[index].row, .slotTaken))) {
            try t.database.importBookings(rows)
        }
        #expect(try Self.dump(t.database) == before)
    }

    @Test func twoRowsOfTheFileAtOneTimeRefuseTheLaterOne() throws {
        let t = try TemporaryDatabase()
        _ = try t.database.seedVolume(bookings: 0)
        var rows = try Self.rows(t.database, count: 80)
        let live = rows.indices.filter { rows[$0].treatmentID == nil && rows[$0].status != .cancelled }
        try #require(live.count >= 3)
        let (earlier, later) = (live[0], live[2])
        rows[later].providerID = rows[earlier].providerID
        rows[later].start = rows[earlier].start.addingTimeInterval(600)
        rows[later].end = rows[earlier].end.addingTimeInterval(600)
        #expect(throws: StoreError.invalid(.importRow(row: rows[later].row, .slotTaken))) {
            try t.database.importBookings(rows)
        }
        #expect(try t.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bookings") } == 0)
        // A cancelled booking holds no time: the same rows with the earlier one cancelled are imported.
        rows[earlier].status = .cancelled
        #expect(try t.database.importBookings(rows).bookings == rows.count)
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    @Test func aSessionNumberHeldTwiceInATreatmentRefusesTheSecondRow() throws {
        let t = try TemporaryDatabase()
        _ = try t.database.seedVolume(bookings: 0)
        var rows = try Self.rows(t.database, count: 12)
        let sessions = rows.indices.filter { rows[$0].treatmentID != nil && rows[$0].status == .confirmed }
        rows[sessions[1]].sessionNumber = rows[sessions[0]].sessionNumber
        #expect(throws: StoreError.invalid(.importRow(row: rows[sessions[1]].row, .constraint(BookingBulkWriter.HeldTwice.constraint)))) {
            try t.database.importBookings(rows)
        }
        #expect(try t.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session_groups") } == 0)
    }

    @Test func aDryRunWritesNothingAndLeavesTheSchemaWhole() throws {
        let t = try TemporaryDatabase()
        _ = try t.database.seedVolume(bookings: 200)
        let before = try Self.dump(t.database), schema = try DemoVolumeTests.schema(t.database)
        let rows = try Self.rows(t.database, count: 50)
        #expect(try t.database.preview().importBookings(rows).bookings == rows.count)
        #expect(try Self.dump(t.database) == before)
        #expect(try DemoVolumeTests.schema(t.database) == schema)
    }

    @Test func generatedCustomersAreSearchableByFoldedNameAndTheSearchIndexMatchesTheTable() throws {
        let t = try TemporaryDatabase()
        _ = try t.database.seedVolume(bookings: 2_000)
        let (names, folded) = try t.database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, search_name FROM customers ORDER BY id")
            return (rows.map { $0["name"] as String }, rows.map { $0["search_name"] as String })
        }
        #expect(names.count == 250)
        #expect(folded == names.map(SearchText.fold))
        // FTS5's own check that its index holds exactly the content table's rows.
        try t.database.write { db in try db.execute(sql: "INSERT INTO customers_search(customers_search) VALUES ('integrity-check')") }
        let someone = try #require(names.first { $0.contains(" ") })
        let found = try t.database.customerList(search: String(someone.split(separator: " ")[1]), limit: 500)
        #expect(found.contains { $0.customer.name == someone })
    }
}
