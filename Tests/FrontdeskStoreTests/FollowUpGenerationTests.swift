import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// SPEC §4: follow-ups computed from the data, idempotently.
@Suite struct FollowUpGenerationTests {
    @Test func bookingQueuesTheConfirmationWithEverySession() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        _ = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        let pending = try t.database.followUps()
        let confirmation = try #require(pending.first { $0.kind == .confirmation })
        #expect(confirmation.text.contains("Session 1 of 3"))
        #expect(confirmation.text.contains("Session 3 of 3"))
        #expect(confirmation.text.contains("April 23"))
        #expect(confirmation.text.contains("at 14:00"))
    }

    @Test func remindersOverdueAndCheckInsAreGeneratedOnce() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let physio = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let other = try t.database.addCustomer(name: "Thomas Weber")
        let driving = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 17:00")])

        // Booking queued each session's reminder for 24 hours before it; the day before, both are due.
        #expect(try t.database.followUps(dueBefore: t.now).filter { $0.kind == .reminder }.isEmpty)
        t.now = t.at("2026-03-09 18:00")
        #expect(try t.database.generateDueFollowUps() == 0)
        let reminders = try t.database.followUps(dueBefore: t.now).filter { $0.kind == .reminder }
        #expect(reminders.count == 2)
        #expect(reminders.contains { $0.text.contains("Session 1 of 8 tomorrow at 10:00") })

        // Session 1 done, then nothing booked for longer than the 7-day maximum: overdue.
        t.now = t.at("2026-03-10 11:00")
        _ = try t.database.complete(bookingID: physio.bookings[0].id)
        t.now = t.at("2026-03-10 18:00")
        _ = try t.database.complete(bookingID: driving.bookings[0].id)
        t.now = t.at("2026-03-19 09:00")
        #expect(try t.database.generateDueFollowUps() == 0)
        let pending = try t.database.followUps(dueBefore: t.now)
        #expect(pending.contains { $0.kind == .overdue && $0.groupID == physio.group?.id && $0.text.contains("Book Session 2") })
        #expect(pending.contains { $0.kind == .checkIn && $0.groupID == driving.group?.id && $0.text.contains("9 lessons remaining") })
        #expect(pending.filter { $0.kind == .overdue || $0.kind == .checkIn }.count == 2)
    }

    @Test func markingAFollowUpRecordsWhoAndWhen() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 10:00")])
        let first = try #require(try t.database.followUps().first { $0.kind == .confirmation })
        let called = try t.database.markFollowUpCalled(id: first.id, note: "Confirmed by phone")
        #expect(called.status == .called)
        #expect(called.doneBy == "test")
        #expect(called.note == "Confirmed by phone")
        let stillPending = try t.database.followUps(status: .pending).map(\.kind)
        #expect(stillPending.contains(.reminder) && !stillPending.contains(.confirmation))
        #expect(try t.database.followUps(status: .called).map(\.id) == [first.id])
    }
}
