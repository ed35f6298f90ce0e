import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// Services as managers change them: export and import, partial imports, and treatments that keep
/// the rules they were booked under. Each test on a real temporary SQLite file.
@Suite struct ServiceEditingTests {
    func auditCount(_ t: TemporaryDatabase) throws -> Int { try t.database.auditEvents().count }

    @Test func exportThenImportIsANoOp() throws {
        let t = try TemporaryDatabase()
        try ClinicFixture.seed(t.database)
        let export = try t.database.exportServices()
        #expect(export.count == 3)
        let before = try t.database.services()
        let events = try auditCount(t)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: export), as: UTF8.self)
        let outcomes = try t.database.importServiceFile(json: text)
        #expect(outcomes.map(\.kind) == [.unchanged, .unchanged, .unchanged])
        #expect(try t.database.services() == before)
        #expect(try auditCount(t) == events)
        // Every extension field is in the export.
        let implant = try #require(export.first { ($0["name"] as? String)?.hasPrefix("Dental") == true })
        for key in ServiceExport.fieldOrder { #expect(implant[key] != nil, "missing \(key)") }
        #expect(implant["price"] as? Int == 3500)
        #expect((implant["session_plan"] as? [[String: Any]])?.count == 3)
    }

    @Test func aPartialImportChangesOnlyItsFieldsAndSaysWhich() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let outcome = try #require(try t.database.importServiceFile(json: #"{"name": "dental implant - complete treatment", "price": 3900}"#).first)
        #expect(outcome.kind == .updated)
        #expect(outcome.changes.map(\.description) == ["price: 3500 → 3900"])
        let after = try t.database.service(id: clinic.implant.id)
        #expect(after.priceCents == 390_000)
        #expect(after.triggerWords == clinic.implant.triggerWords)
        #expect(after.definition.plan == clinic.implant.definition.plan)
        #expect(after.bufferRules == clinic.implant.bufferRules)
        #expect(after.name == clinic.implant.name)
        // The audit event holds the service before and after, as JSON.
        let event = try #require(try t.database.auditEvents().last)
        #expect(event.entity == "service" && event.action == "update" && event.actor == "test")
        #expect(event.before?.contains("\"price\":3500") == true)
        #expect(event.after?.contains("\"price\":3900") == true)
    }

    @Test func aDryRunShowsTheChangeAndWritesNothing() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let events = try auditCount(t)
        let outcome = try t.database.preview().importServiceFile(json: #"{"name": "Physiotherapy Treatment Plan", "duration_minutes": 50}"#)
        #expect(outcome.first?.changes.map(\.description) == ["duration_minutes: 45 → 50"])
        #expect(try t.database.service(id: clinic.physio.id).definition.defaultDurationMinutes == 45)
        #expect(try auditCount(t) == events)
    }

    @Test func anInvalidPartialImportSavesNothingAndNamesTheKey() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let bad = #"[{"name": "Physiotherapy Treatment Plan", "price": 80}, {"name": "Physiotherapy Treatment Plan", "session_buffer_config": {"minimum_days": 9, "maximum_days": 7}}]"#
        #expect { try t.database.importServiceFile(json: bad) } throws: { error in
            "\(error)".contains("Service 2: session_buffer_config")
        }
        #expect(try t.database.service(id: clinic.physio.id).priceCents == nil)
    }

    @Test func aTreatmentBookedBeforeAGapWasEditedKeepsItsDatesAndItsNextSessionWindow() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let physio = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let implant = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-11 14:00"))
        let plannedBefore = implant.bookings.map(\.start)

        let saved = try t.database.importServiceFile(json: """
            [{"name": "Physiotherapy Treatment Plan", "session_buffer_config": {"minimum_days": 5, "maximum_days": 10, "recommended_days": 6}},
             {"name": "Dental Implant - Complete Treatment", "session_buffer_config": {"session_1_to_2_days": 21, "session_2_to_3_days": 30}}]
            """)
        #expect(saved.map(\.activeTreatments) == [1, 1])
        #expect(try t.database.activeTreatmentCount(serviceID: clinic.physio.id) == 1)

        // The implant treatment keeps its planned dates, and moving session 2 one day later is judged by its own 14 days.
        #expect(try t.database.group(id: implant.group!.id).sessions.map(\.start) == plannedBefore)
        let moved = try t.database.reschedule(bookingID: implant.bookings[1].id, to: t.at("2026-03-26 14:00"), shiftLater: true)
        #expect(moved.count == 2)
        #expect(try t.database.serviceAsBooked(groupID: implant.group!.id).bufferRules.gap(afterSession: 1).minimum == .days(14))

        // The physiotherapy treatment's next-session window is still 2–7 days (recommended 3).
        t.now = t.at("2026-03-10 11:00")
        let outcome = try t.database.complete(bookingID: physio.bookings[0].id)
        let window = try #require(outcome.nextWindow)
        #expect(t.calendar.localDay(of: window.earliest).description == "2026-03-12")
        #expect(t.calendar.localDay(of: window.recommended).description == "2026-03-13")
        #expect(window.latest.map { t.calendar.localDay(of: $0).description } == "2026-03-17")
        // Booking session 2 three days later keeps the old minimum of 2 days (the new one would refuse it).
        let next = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                               starts: [t.at("2026-03-13 10:00")], groupID: physio.group!.id)
        #expect(next.bookings.map(\.sessionNumber) == [2])
        // A new treatment follows the new rules.
        let fresh = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-04-01 09:00"))
        #expect(t.calendar.daysBetween(fresh.bookings[0].start, fresh.bookings[1].start) == 21)
    }

    @Test func overdueFollowUpsFollowTheTreatmentsOwnMaximum() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let physio = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        t.now = t.at("2026-03-10 11:00")
        _ = try t.database.complete(bookingID: physio.bookings[0].id)
        // The service now allows 30 days; this treatment was booked with at most 7.
        _ = try t.database.importServiceFile(json: #"{"name": "Physiotherapy Treatment Plan", "session_buffer_config": {"minimum_days": 2, "maximum_days": 30}}"#)
        t.now = t.at("2026-03-19 09:00")
        _ = try t.database.generateDueFollowUps()
        #expect(try t.database.followUps().contains { $0.kind == .overdue && $0.groupID == physio.group!.id })
    }

    @Test func theEditorsDraftSavesBackUnchangedAndDuplicatesAsANewService() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let names = try t.database.providerNames(of: clinic.implant)
        var draft = ServiceDraft(clinic.implant, providerNames: names)
        #expect(try t.database.saveService(draft).kind == .unchanged)
        draft.name = "Dental Implant - Second Site"
        let copy = try t.database.saveService(draft)
        #expect(copy.kind == .added)
        #expect(copy.service.id != clinic.implant.id)
        #expect(copy.service.bufferRules == clinic.implant.bufferRules && copy.service.definition.plan == clinic.implant.definition.plan)
        #expect(try t.database.activeTreatmentCounts().isEmpty)
        _ = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        #expect(try t.database.activeTreatmentCounts() == [clinic.implant.id: 1])
    }

    @Test func aDeactivatedServiceTakesNoNewTreatmentsButItsTreatmentsGoOn() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-09 17:00")])
        try t.database.setServiceActive(id: clinic.driving.id, active: false)
        #expect { try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 17:00")]) }
            throws: { "\($0)".contains("deactivated") }
        let more = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                               starts: [t.at("2026-03-10 17:00")], groupID: first.group!.id)
        #expect(more.bookings.map(\.sessionNumber) == [2])
        #expect(try t.database.services().map(\.id).contains(clinic.driving.id) == false)
        #expect(try t.database.resolveService("learn to drive", includeInactive: true).id == clinic.driving.id)
    }
}

/// "N active treatments keep their current rules" never reads the treatments table itself.
@Suite struct ActiveTreatmentCountPlanTests {
    @Test func activeTreatmentsOfAServiceAreCountedFromTheIndexAlone() throws {
        let t = try TemporaryDatabase()
        let plan = try t.database.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT COUNT(*) FROM session_groups WHERE service_id = 1 AND state IN ('active', 'to_book')
                """).map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("COVERING INDEX session_groups_on_service"), "\(plan)")
    }
}

/// A database from before "v7 services" opens with every treatment's copy of its rules filled in and
/// its closed days moved to absences.
@Suite struct ServicesMigrationTests {
    @Test func existingTreatmentsGetTheirCopyOfTheRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v3 covering index for provider availability")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO settings(key, value) VALUES ('timezone', 'Europe/Zurich');
                    INSERT INTO providers(id, name, working_hours, closed_days) VALUES (1, 'Dr. Keller', 'Mon-Fri 08:00-18:00', '["2026-03-11"]');
                    INSERT INTO services(id, name, duration_minutes, requires_multiple_sessions, total_sessions_required,
                                         multi_session_strategy, session_buffer_config, session_plan)
                      VALUES (1, 'Physio', 45, 1, 8, 'sequential', '{"maximum_days":7,"minimum_days":2,"recommended_days":3}',
                              '[{"label":"Assessment","duration_minutes":60}]');
                    INSERT INTO customers(id, name, search_name, created_at) VALUES (1, 'Marie', 'marie', 0);
                    INSERT INTO session_groups(session_group_id, customer_id, service_id, strategy, total_sessions, created_at, anchor_at)
                      VALUES ('00000000-0000-4000-8000-000000000001', 1, 1, 'sequential', 8, 0, 0);
                    """)
            }
        }
        let database = try AppDatabase.open(path: path, actor: "test")
        let copy = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT session_buffer_config, session_plan, duration_minutes FROM session_group_rules")!
        }
        #expect(copy["session_buffer_config"] as String == #"{"maximum_days":7,"minimum_days":2,"recommended_days":3}"#)
        #expect(copy["session_plan"] as String == #"[{"label":"Assessment","duration_minutes":60}]"#)
        #expect(copy["duration_minutes"] as Int == 45)
        #expect(try database.provider(id: 1).absences.map(\.description) == ["2026-03-11"])
    }
}
