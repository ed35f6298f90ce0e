import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

@Suite struct LifecycleTests {
    @Test func completingTheLastSessionCompletesTheTreatment() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let result = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        t.now = t.at("2026-05-01 09:00")
        var last: CompletionOutcome?
        for booking in result.bookings { last = try t.database.complete(bookingID: booking.id) }
        #expect(last?.treatmentCompleted == true)
        let rows = try t.database.treatments(filter: TreatmentFilter(state: .completed))
        #expect(rows.map(\.groupID) == [result.group!.id])
        #expect(throws: StoreError.self) { try t.database.complete(bookingID: result.bookings[0].id) }
    }

    @Test func cancellingFreesTheSessionNumber() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: [t.at("2026-03-09 17:00"), t.at("2026-03-11 17:00")])
        try t.database.cancel(bookingID: first.bookings[0].id)
        let again = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: [t.at("2026-03-09 17:00")], groupID: first.group!.id)
        #expect(again.bookings.map(\.sessionNumber) == [1])
        let group = try t.database.group(id: first.group!.id)
        #expect(group.sessions.filter { $0.sessionNumber == 1 }.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.cancelled, .confirmed])
    }

    @Test func aChangeWithin48HoursNeedsConfirmation() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 10:00")])
        #expect(throws: StoreError.self) { try t.database.cancel(bookingID: booked.bookings[0].id) }
        #expect(try t.database.booking(id: booked.bookings[0].id).status == .confirmed)
        let cancelled = try t.database.cancel(bookingID: booked.bookings[0].id, confirmedShortNotice: true)
        #expect(cancelled.status == .cancelled)
    }

    @Test func noShowOnlyAfterTheSessionStarted() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-12 10:00")])
        #expect(throws: StoreError.self) { try t.database.markNoShow(bookingID: booked.bookings[0].id) }
        t.now = t.at("2026-03-12 10:20")
        #expect(try t.database.markNoShow(bookingID: booked.bookings[0].id).status == .noShow)
    }

    @Test func rescheduleChecksGapsAndCanShiftLaterSessions() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        // Session 2 moved 3 weeks later would be only 9 days before session 3? No: 30-day gap 2→3 is a minimum.
        #expect(throws: StoreError.self) {
            try t.database.reschedule(bookingID: plan.bookings[1].id, to: t.at("2026-04-14 14:00"))
        }
        let moved = try t.database.reschedule(bookingID: plan.bookings[1].id, to: t.at("2026-03-26 14:00"), shiftLater: true)
        #expect(moved.map { t.calendar.iso8601($0.start) } == ["2026-03-26T14:00:00+01:00", "2026-04-25T14:00:00+02:00"])
        // Moving session 2 before session 1's minimum gap is refused.
        #expect(throws: StoreError.self) {
            try t.database.reschedule(bookingID: plan.bookings[1].id, to: t.at("2026-03-12 14:00"))
        }
        #expect(t.calendar.iso8601(try t.database.booking(id: plan.bookings[1].id).start) == "2026-03-26T14:00:00+01:00")
    }

    @Test func notesAreSaved() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 10:00")])
        #expect(try t.database.setNotes(bookingID: booked.bookings[0].id, notes: "Bring glasses").notes == "Bring glasses")
    }
}
