import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Issue 8 item 4: refusals carry the session, its dates, the state or status and the numbers that
/// failed, typed, so that each reader can word them.
@Suite struct RefusalPayloadTests {
    func lesson(_ t: TemporaryDatabase, _ booking: Booking, number: Int = 1) -> RefusedSession {
        RefusedSession(bookingID: booking.id, noun: "Lesson", number: number, total: 10, start: booking.start)
    }

    @Test func aChangeWithin48HoursCarriesTheSessionsStartAndTheChange() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let soon = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                               starts: [t.at("2026-03-05 10:00")]).bookings[0]
        #expect(throws: StoreError.refused(.shortNotice(.cancel, start: t.at("2026-03-05 10:00"), calendar: t.calendar))) {
            try t.database.cancel(bookingID: soon.id)
        }
        #expect(throws: StoreError.refused(.shortNotice(.reschedule, start: t.at("2026-03-05 10:00"), calendar: t.calendar))) {
            try t.database.reschedule(bookingID: soon.id, to: t.at("2026-03-12 10:00"))
        }
        #expect(throws: StoreError.refused(.inThePast(t.at("2026-03-03 10:00"), calendar: t.calendar))) {
            try t.database.reschedule(bookingID: soon.id, to: t.at("2026-03-03 10:00"))
        }
        #expect(RefusalFacts.sentences(.shortNotice(.cancel, start: soon.start, calendar: t.calendar))
                == ["The session on Thu 5 Mar 2026 10:00 is less than 48 hours away."])
        // A no-show before the start names the session.
        #expect(throws: StoreError.refused(.noShowBeforeStart(lesson(t, soon), calendar: t.calendar))) {
            try t.database.markNoShow(bookingID: soon.id)
        }
    }

    @Test func aChangeTheStatusDoesNotAllowCarriesTheStatusAndTheChange() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                 starts: [t.at("2026-03-09 17:00")]).bookings[0]
        #expect(throws: StoreError.refused(.wrongStatus(bookingID: booked.id, status: .confirmed, change: .reopen))) {
            try t.database.reopen(bookingID: booked.id)
        }
        try t.database.cancel(bookingID: booked.id)
        #expect(throws: StoreError.refused(.wrongStatus(bookingID: booked.id, status: .cancelled, change: .complete))) {
            try t.database.complete(bookingID: booked.id)
        }
        #expect(throws: StoreError.refused(.wrongStatus(bookingID: booked.id, status: .cancelled, change: .noShow))) {
            try t.database.markNoShow(bookingID: booked.id)
        }
    }

    @Test func reopeningASessionWhoseNumberWasBookedAgainNamesThatBooking() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-09 17:00")])
        try t.database.cancel(bookingID: first.bookings[0].id)
        let again = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: [t.at("2026-03-10 17:00")], groupID: first.group!.id).bookings[0]
        #expect(again.sessionNumber == 1)
        #expect(throws: StoreError.refused(.reopenBlocked(lesson(t, first.bookings[0]),
                                                          by: .numberBookedAgain(bookingID: again.id, start: t.at("2026-03-10 17:00")),
                                                          calendar: t.calendar))) {
            try t.database.reopen(bookingID: first.bookings[0].id)
        }
    }

    @Test func aTakenSlotNamesTheProviderAndTheTimeItIsBusy() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let other = try t.database.addCustomer(name: "Thomas Weber")
        _ = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 10:00")])
        let taken = TakenSlot(provider: "Dr. Keller", start: t.at("2026-03-10 10:00"), end: t.at("2026-03-10 11:00"), calendar: t.calendar)
        #expect(throws: StoreError.refused(.slotTaken(taken))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 10:30")])
        }
        #expect(RefusalFacts.sentences(.slotTaken(taken)) == ["Slot taken: Dr. Keller is already booked Tue 10 Mar 2026 10:00–11:00."])
    }

    @Test func anExpiredPackageCarriesItsExpiryAndASecondPackageItsNumbers() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let group = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: [t.at("2026-03-02 17:00")]).group!
        #expect(throws: StoreError.refused(.secondPackage(service: clinic.driving.name, treatment: group.id, remaining: 9, total: 10))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-05 17:00")])
        }
        let expires = try #require(group.expiresAt)
        t.advance(days: 200)
        #expect(throws: StoreError.refused(.packageExpired(treatment: group.id, on: expires, calendar: t.calendar))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                        starts: [t.now.addingTimeInterval(86_400)], groupID: group.id)
        }
    }

    @Test func closedTreatmentsAndOpenDaysSayWhatTheyAre() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let group = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: [t.at("2026-03-02 17:00")]).group!
        _ = try t.database.endTreatment(groupID: group.id, reason: .movedAway)
        #expect(throws: StoreError.refused(.nothingToEnd(.ended))) { try t.database.endTreatment(groupID: group.id, reason: .movedAway) }
        #expect(throws: StoreError.refused(.nothingToExtend(.ended))) {
            try t.database.extendPackage(groupID: group.id, until: t.at("2026-12-31 23:00"))
        }
        let day = LocalDay(year: 2026, month: 12, day: 24)
        #expect(throws: StoreError.refused(.clinicNotClosed(day))) { try t.database.removeClinicClosedDay(day) }
    }
}
