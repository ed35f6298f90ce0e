import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Each refusal leaves the database exactly as it was.
@Suite struct BookingRefusalTests {
    func bookingCount(_ t: TemporaryDatabase) throws -> Int {
        try t.database.agenda(from: t.at("2000-01-01 00:00"), to: t.at("2100-01-01 00:00"), limit: 100_000).count
    }

    @Test func immediateConflictListsTheShiftAndWritesNothingUnlessAccepted() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let other = try t.database.addCustomer(name: "Thomas Weber")
        // Someone already holds the planned time of session 2.
        _ = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-24 14:00")])
        let before = try bookingCount(t)
        let refusal = #expect(throws: StoreError.self) {
            try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        }
        let message = refusal?.description ?? ""
        #expect(message.contains("Session 2") && message.contains("proposed instead"), "\(message)")
        #expect(try bookingCount(t) == before)

        let shifted = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                                   firstStart: t.at("2026-03-10 14:00"), acceptShift: true)
        #expect(shifted.shifted)
        let session2 = shifted.bookings[1].start
        #expect(session2 > t.at("2026-03-24 14:00"))
        // Session 3 keeps its 30-day gap from the moved session 2.
        #expect(t.calendar.daysBetween(session2, shifted.bookings[2].start) == 30)
    }

    @Test func aPlanThatChangedSinceThePreviewIsNotBooked() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let preview = try t.database.proposeImmediate(serviceID: clinic.implant.id, providerID: nil, firstStart: t.at("2026-03-10 14:00"))
        // Another terminal takes the slot of session 2 after the preview was shown.
        let other = try t.database.addCustomer(name: "Thomas Weber")
        _ = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-24 14:00")])
        let before = try bookingCount(t)
        #expect(throws: StoreError.self) {
            try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"),
                                         acceptShift: true, expectedStarts: preview.plan.sessions.map(\.start))
        }
        #expect(try bookingCount(t) == before)
    }

    @Test func sequentialNextIsRefusedUntilThePreviousIsCompleted() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let before = try bookingCount(t)
        #expect(throws: StoreError.refused(.previousNotCompleted(treatment: first.group!.id, session: 1, bookingID: first.bookings[0].id))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                        starts: [t.at("2026-03-13 10:00")], groupID: first.group!.id)
        }
        #expect(try bookingCount(t) == before)
    }

    @Test func sequentialNextTooSoonAfterThePreviousIsRefused() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        t.now = t.at("2026-03-10 11:00")
        _ = try t.database.complete(bookingID: first.bookings[0].id)
        #expect(throws: StoreError.self) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                        starts: [t.at("2026-03-11 10:00")], groupID: first.group!.id)
        }
        #expect(try t.database.group(id: first.group!.id).sessions.count == 1)
    }

    @Test func flexibleBeyondTheTotalIsRefused() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        // Nine lessons Monday to Saturday (the provider does not work on Sundays).
        let starts = [2, 3, 4, 5, 6, 7, 9, 10, 11].map { t.at("2026-03-\(String(format: "%02d", $0)) 17:00") }
        let group = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: starts).group!
        #expect(throws: StoreError.refused(.packageFull(remaining: 1, requested: 2))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                        starts: [t.at("2026-03-20 17:00"), t.at("2026-03-21 17:00")], groupID: group.id)
        }
        #expect(try t.database.group(id: group.id).sessions.count == 9)
    }

    @Test func expiredPackageTakesNoBookingsUntilExtended() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let group = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: [t.at("2026-03-02 17:00")]).group!
        t.advance(days: 200)
        #expect(throws: StoreError.self) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                        starts: [t.now.addingTimeInterval(86_400)], groupID: group.id)
        }
        try t.database.extendPackage(groupID: group.id, until: t.now.addingTimeInterval(30 * 86_400))
        let next = t.calendar.resolvedDate(t.calendar.localDay(of: t.now).adding(days: 2), minuteOfDay: 17 * 60)
        let more = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [next], groupID: group.id)
        #expect(more.bookings.map(\.sessionNumber) == [2])
    }

    @Test func aTakenSlotIsRefusedAndTheOverlapTriggerHoldsForEveryWriter() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let other = try t.database.addCustomer(name: "Thomas Weber")
        _ = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 10:00")])
        #expect(throws: StoreError.self) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 10:30")])
        }
        #expect(try bookingCount(t) == 1)
    }

    @Test func outsideWorkingHoursAndInThePastAreRefused() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        #expect(throws: StoreError.self) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 21:00")])
        }
        #expect(throws: StoreError.refused(.inThePast(t.at("2026-03-03 10:00"), calendar: t.calendar))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-03 10:00")])
        }
        #expect(try bookingCount(t) == 0)
    }

    @Test func invalidServiceImportSavesNothing() throws {
        let t = try TemporaryDatabase()
        let bad = ClinicFixture.dentalImplantJSON.replacingOccurrences(of: "session_2_to_3_days", with: "sesion_2_to_3_days")
        do {
            _ = try t.database.importServices(json: "[\(ClinicFixture.physiotherapyJSON), \(bad)]")
            Issue.record("an unknown key must be refused")
        } catch {
            #expect(error.description.contains("sesion_2_to_3_days"))
            #expect(error.description.contains("session_2_to_3_days"))
        }
        #expect(try t.database.services().isEmpty)
    }
}
