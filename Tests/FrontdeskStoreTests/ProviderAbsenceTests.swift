import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Absences, hours and clinic closed days: bookings on them are refused with the reason, and a
/// change over existing bookings lists them instead of dropping them.
@Suite struct ProviderAbsenceTests {
    func day(_ text: String) -> LocalDay { LocalDay(iso: text)! }

    @Test func anAbsenceRefusesBookingsInItWithTheReasonAndListsTheBookingsItCovers() throws {
        let t = try TemporaryDatabase(now: "2026-07-01T09:00:00+02:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Fri 08:00-18:00")
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                 starts: [t.at("2026-07-21 10:00"), t.at("2026-08-04 10:00")])
        let outcome = try t.database.editProvider(id: clinic.provider.id, ProviderEdit(
            addAbsences: [.init(first: day("2026-07-20"), last: day("2026-08-02"), reason: "holiday")]))
        #expect(outcome.uncoveredBookings.map(\.id) == [booked.bookings[0].id])
        #expect(outcome.record.provider.absences.map(\.description) == ["2026-07-20..2026-08-02 holiday"])
        // Nothing is dropped: the covered booking is still confirmed.
        #expect(try t.database.booking(id: booked.bookings[0].id).status == .confirmed)

        #expect { try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-07-22 10:00")]) }
            throws: { "\($0)".contains("Dr. Keller is away 20 Jul–2 Aug (holiday)") }
        #expect { try t.database.reschedule(bookingID: booked.bookings[1].id, to: t.at("2026-07-30 10:00")) }
            throws: { "\($0)".contains("is away 20 Jul–2 Aug (holiday)") }

        // An immediate plan moves past the absence as it does past a closed weekday.
        let plan = try t.database.proposeImmediate(serviceID: clinic.implant.id, providerID: nil, firstStart: t.at("2026-07-08 14:00"))
        #expect(plan.plan.sessions[1].conflict == .dayOff(.absence("Dr. Keller", from: day("2026-07-20"), to: day("2026-08-02"), reason: "holiday")))
        #expect(t.calendar.localDay(of: plan.plan.sessions[1].start) == day("2026-08-03"))

        // Removing it makes the days bookable again.
        _ = try t.database.editProvider(id: clinic.provider.id, ProviderEdit(removeAbsences: [day("2026-07-20")]))
        let again = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-07-22 10:00")])
        #expect(again.bookings.count == 1)
    }

    @Test func shorteningHoursListsTheBookingsLeftOutside() throws {
        let t = try TemporaryDatabase(now: "2026-07-01T09:00:00+02:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Fri 08:00-18:00")
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                 starts: [t.at("2026-07-06 09:00"), t.at("2026-07-08 16:00"), t.at("2026-07-10 09:00")])
        let outcome = try t.database.editProvider(id: clinic.provider.id,
                                                  ProviderEdit(hours: try WorkingHours.parse("Mon-Thu 08:00-12:00 13:00-15:00")))
        #expect(outcome.uncoveredBookings.map(\.id) == [booked.bookings[1].id, booked.bookings[2].id])
        #expect(outcome.record.provider.hours.description == "Mon-Thu 08:00-12:00 13:00-15:00")
        let event = try #require(try t.database.auditEvents().last)
        #expect(event.entity == "provider")
        #expect(event.before?.contains("Mon-Fri 08:00-18:00") == true && event.after?.contains("Mon-Thu") == true)
    }

    @Test func servicesDeliveredAndTheActiveFlag() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let other = try t.database.addProvider(name: "Room 2")
        // Every service names nobody, so both deliver everything; Room 2 then delivers physiotherapy only,
        // and Dr. Keller keeps delivering every service.
        #expect(try t.database.providerRecord(id: other.id).services.count == 3)
        let outcome = try t.database.editProvider(id: other.id, ProviderEdit(services: ["physiotherapy treatment plan"]))
        #expect(outcome.record.services == ["Physiotherapy Treatment Plan"])
        #expect(try t.database.providers(for: t.database.service(id: clinic.physio.id)).map(\.name) == ["Dr. Keller", "Room 2"])
        #expect(try t.database.providers(for: t.database.service(id: clinic.implant.id)).map(\.name) == ["Dr. Keller"])
        #expect(try t.database.providerRecord(id: clinic.provider.id).services.count == 3)
        _ = try t.database.editProvider(id: other.id, ProviderEdit(isActive: false))
        #expect(try t.database.providers().map(\.name) == ["Dr. Keller"])
        #expect(try t.database.resolveProvider("room", includeInactive: true).isActive == false)
        #expect { try t.database.editProvider(id: other.id, ProviderEdit(removeAbsences: [self.day("2026-01-01")])) }
            throws: { "\($0)".contains("no absence starting 2026-01-01") }
    }

    @Test func aClinicClosedDayRefusesBookingsAndListsThoseOnIt() throws {
        let t = try TemporaryDatabase(now: "2026-12-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-12-24 10:00")])
        let onIt = try t.database.addClinicClosedDay(day("2026-12-24"), reason: "Christmas Eve")
        #expect(onIt.map(\.id) == booked.bookings.map(\.id))
        #expect(try t.database.clinicClosedDays().map(\.reason) == ["Christmas Eve"])
        let other = try t.database.addProvider(name: "Room 2", hours: "Mon-Sun 08:00-20:00")
        #expect { try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, providerID: other.id,
                                              starts: [t.at("2026-12-24 15:00")]) }
            throws: { "\($0)".contains("The clinic is closed on Thu 24 Dec (Christmas Eve)") }
        try t.database.removeClinicClosedDay(day("2026-12-24"))
        #expect(try t.database.clinicClosedDays().isEmpty)
        #expect(throws: StoreError.self) { try t.database.removeClinicClosedDay(self.day("2026-12-24")) }
    }

    @Test func theDefaultActorIsTheOSAccountNotTheEnvironment() {
        let saved = ProcessInfo.processInfo.environment["USER"]
        setenv("USER", "somebody-pretending", 1)
        defer { if let saved { setenv("USER", saved, 1) } else { unsetenv("USER") } }
        #expect(AppDatabase.currentUser() != "somebody-pretending")
        #expect(AppDatabase.currentUser() == SystemAccount.current().name)
        #expect(!SystemAccount.current().groups.isEmpty)
    }
}
