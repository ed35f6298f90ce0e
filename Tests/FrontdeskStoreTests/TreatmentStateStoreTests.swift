import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// The treatment state kept in `session_groups.state` (the core's `GroupState` without the clock):
/// filled for existing treatments by the v4 lifecycle migration, kept current by every change.
@Suite struct TreatmentStateStoreTests {
    static let laserJSON = """
    {
      "name": "Laser Hair Removal (2 sessions)",
      "requires_multiple_sessions": true,
      "total_sessions_required": 2,
      "multi_session_strategy": "immediate",
      "session_buffer_config": {"default_days": 28},
      "duration_minutes": 30
    }
    """

    static func storedState(_ database: AppDatabase, _ groupID: String) throws -> (state: String, completedAt: Int64?, earliest: Int64?) {
        try database.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT state, completed_at, earliest_confirmed_at FROM session_groups WHERE session_group_id = ?",
                                       arguments: [groupID])!
            return (row["state"], row["completed_at"], row["earliest_confirmed_at"])
        }
    }

    @Test func migrationFillsTheStateOfExistingTreatmentsWithTheCoreRule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        let day: Int64 = 86_400, base: Int64 = 1_780_000_000
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v3 covering index for provider availability")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO customers(id, name, search_name, created_at) VALUES (1, 'Ana', 'ana', 0);
                    INSERT INTO providers(id, name, working_hours) VALUES (1, 'Dr. Keller', '{}');
                    INSERT INTO services(id, name, duration_minutes, requires_multiple_sessions, total_sessions_required,
                                         multi_session_strategy) VALUES (1, 'Laser', 30, 1, 2, 'immediate');
                    """)
                // a: completed + no-show, marked completed by the old rule; b: both completed; c: cancelled;
                // d: one completed, one upcoming; e: nothing booked.
                let groups: [(String, Int, Int64?, [(Int, String)])] = [
                    ("aaaaaaaa-0000-4000-8000-000000000000", 0, base + 2 * day, [(1, "completed"), (2, "no_show")]),
                    ("bbbbbbbb-0000-4000-8000-000000000000", 0, base + 6 * day, [(1, "completed"), (2, "completed")]),
                    ("cccccccc-0000-4000-8000-000000000000", 1, nil, [(1, "cancelled")]),
                    ("dddddddd-0000-4000-8000-000000000000", 0, nil, [(1, "completed"), (2, "confirmed")]),
                    ("eeeeeeee-0000-4000-8000-000000000000", 0, nil, []),
                ]
                var slot: Int64 = 0
                for (id, cancelled, completedAt, sessions) in groups {
                    try db.execute(sql: """
                        INSERT INTO session_groups(session_group_id, customer_id, service_id, provider_id, strategy, total_sessions,
                                                   created_at, cancelled, completed_at, anchor_at) VALUES (?, 1, 1, 1, 'immediate', 2, 0, ?, ?, 0)
                        """, arguments: [id, cancelled, completedAt])
                    for (number, status) in sessions {
                        slot += 1
                        try db.execute(sql: """
                            INSERT INTO bookings(customer_id, service_id, provider_id, start_at, end_at, status, is_part_of_multi_session,
                                                 session_group_id, session_number, total_sessions, created_at, updated_at, created_by, updated_by)
                            VALUES (1, 1, 1, ?, ?, ?, 1, ?, ?, 2, 0, 0, 'x', 'x')
                            """, arguments: [base + slot * day, base + slot * day + 1800, status, id, number])
                    }
                }
            }
        }
        let database = try AppDatabase.open(path: path)
        let a = try Self.storedState(database, "aaaaaaaa-0000-4000-8000-000000000000")
        #expect(a.state == "to_book")
        #expect(a.completedAt == nil)
        let b = try Self.storedState(database, "bbbbbbbb-0000-4000-8000-000000000000")
        #expect(b.state == "completed")
        #expect(b.completedAt == base + 6 * day)
        #expect(try Self.storedState(database, "cccccccc-0000-4000-8000-000000000000").state == "cancelled")
        let d = try Self.storedState(database, "dddddddd-0000-4000-8000-000000000000")
        #expect(d.state == "active")
        #expect(d.earliest == base + 7 * day)
        #expect(try Self.storedState(database, "eeeeeeee-0000-4000-8000-000000000000").state == "to_book")
        // The missed session's number can now be booked again.
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO bookings(customer_id, service_id, provider_id, start_at, end_at, status, is_part_of_multi_session,
                                     session_group_id, session_number, total_sessions, created_at, updated_at, created_by, updated_by)
                VALUES (1, 1, 1, ?, ?, 'confirmed', 1, 'aaaaaaaa-0000-4000-8000-000000000000', 2, 2, 0, 0, 'x', 'x')
                """, arguments: [base + 40 * day, base + 40 * day + 1800])
        }
    }

    @Test func everyChangeToASessionKeepsTheStoredStateCurrent() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let laser = try t.database.importServices(json: Self.laserJSON)[0].service
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: laser.id, firstStart: t.at("2026-03-10 14:00"))
        let id = plan.group!.id
        #expect(try Self.storedState(t.database, id).state == "active")
        #expect(try Self.storedState(t.database, id).earliest == t.at("2026-03-10 14:00").storedSeconds)
        t.now = t.at("2026-03-10 15:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        t.now = t.at("2026-04-07 15:00")
        try t.database.markNoShow(bookingID: plan.bookings[1].id)
        #expect(try Self.storedState(t.database, id).state == "to_book")
        #expect(try t.database.group(id: id).state(now: t.now) == .toBook)
        let again = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: laser.id,
                                                starts: [t.at("2026-04-09 14:00")], groupID: id)
        #expect(again.bookings.map(\.sessionNumber) == [2])
        #expect(try Self.storedState(t.database, id).state == "active")
        try t.database.cancel(bookingID: again.bookings[0].id, confirmedShortNotice: true)
        #expect(try Self.storedState(t.database, id).state == "to_book")
        let third = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: laser.id,
                                                starts: [t.at("2026-04-14 14:00")], groupID: id)
        t.now = t.at("2026-04-14 15:00")
        _ = try t.database.complete(bookingID: third.bookings[0].id)
        let done = try Self.storedState(t.database, id)
        #expect(done.state == "completed")
        #expect(done.completedAt == t.now.storedSeconds)
        #expect(done.earliest == nil)
    }

    @Test func completionRateDoesNotCountANoShowAsACompletion() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let laser = try t.database.importServices(json: Self.laserJSON)[0].service
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: laser.id, firstStart: t.at("2026-03-02 10:00"))
        t.now = t.at("2026-04-01 09:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        try t.database.markNoShow(bookingID: plan.bookings[1].id)
        var report = try t.database.dashboard()
        #expect(report.value(of: .completionRate) == .ratio(numerator: 0, denominator: 0))
        #expect(report.value(of: .completionRate).description != "100 % (1 of 1)")
        #expect(report.value(of: .activeTreatments) == .count(1))
        #expect(report.counts.active[.immediate] == 1)
        // Rebooked and attended, it completes.
        let again = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: laser.id,
                                                starts: [t.at("2026-04-02 10:00")], groupID: plan.group!.id)
        t.now = t.at("2026-04-02 11:00")
        _ = try t.database.complete(bookingID: again.bookings[0].id)
        report = try t.database.dashboard()
        #expect(report.value(of: .completionRate) == .ratio(numerator: 1, denominator: 1))
    }

    @Test func listFiltersReadTheStoredStateAndTheClock() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let implant = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        let physio = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-03 10:00")])
        let driving = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-02 17:00")])
        t.now = t.at("2026-03-04 09:00")
        _ = try t.database.complete(bookingID: driving.bookings[0].id)
        func ids(_ state: TreatmentFilter.State) throws -> [String] {
            try t.database.treatments(filter: TreatmentFilter(state: state, includeSingles: false)).compactMap(\.groupID)
        }
        #expect(Set(try ids(.active)) == [implant.group!.id, physio.group!.id])
        #expect(try ids(.needsOutcome) == [physio.group!.id])
        // The agenda's "needs outcome": confirmed and over by now, not the confirmed sessions ahead.
        let waiting = try t.database.agenda(day: t.calendar.localDay(of: t.at("2026-03-02 00:00")), days: 14,
                                            filter: AgendaFilter(statuses: [.confirmed], endedBy: t.now))
        #expect(waiting.map(\.sessionGroupID) == [physio.group!.id])
        #expect(try t.database.agenda(day: t.calendar.localDay(of: t.at("2026-03-02 00:00")), days: 14,
                                      filter: AgendaFilter(statuses: [.confirmed])).count == 2)
        #expect(try ids(.toBook) == [driving.group!.id])
        // The package expires 180 days after it was sold; then it reads as expired, not to book.
        t.now = t.at("2026-09-01 09:00")
        #expect(try ids(.expired) == [driving.group!.id])
        #expect(try ids(.toBook).isEmpty)
        let row = try t.database.treatments(filter: TreatmentFilter(includeSingles: false)).first { $0.groupID == driving.group!.id }
        #expect(row?.state == .expired)
    }
}
