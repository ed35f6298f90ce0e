import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Adding a provider with everything the Providers editor gives, in one audited transaction, and
/// weekday-by-weekday hours over existing bookings.
@Suite struct ProviderAddingTests {
    static func splitWeekdays() -> WorkingHours {
        var texts: [Weekday: String] = [:]
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] { texts[day] = "08:00-12:00, 13:00-18:00" }
        return WorkingHours.fromDays(texts).hours!
    }

    @Test func aNewProviderWithSplitHoursServicesAndAnAbsenceIsOneAuditedAdd() throws {
        let t = try TemporaryDatabase(now: "2026-07-01T09:00:00+02:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Fri 08:00-18:00")
        let before = try t.database.auditEvents().count
        let record = try t.database.addProvider(NewProvider(
            name: "  Dr Roth ", hours: Self.splitWeekdays(), services: [clinic.physio.name],
            absences: [.init(first: LocalDay(iso: "2026-08-03")!, last: LocalDay(iso: "2026-08-07")!, reason: "course")]))
        #expect(record.provider.name == "Dr Roth")
        #expect(record.provider.hours.description == "Mon-Fri 08:00-12:00 13:00-18:00")
        #expect(record.services == [clinic.physio.name])
        #expect(record.provider.absences.map(\.description) == ["2026-08-03..2026-08-07 course"])
        // Dr. Keller keeps delivering every service.
        #expect(try t.database.providerRecord(id: clinic.provider.id).services.count == 3)

        let events = try t.database.auditEvents()
        #expect(events.count == before + 1, "one audit event for the whole add")
        let event = try #require(events.last)
        #expect(event.action == "add" && event.entity == "provider" && event.entityID == "\(record.provider.id)")
        #expect(event.after?.contains("13:00-18:00") == true && event.after?.contains("course") == true
                && event.after?.contains(clinic.physio.name) == true)
        #expect(try t.database.resolveProvider("Dr Roth").hours == Self.splitWeekdays())
    }

    @Test func anUnknownServiceOrATakenNameWritesNothing() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let events = try t.database.auditEvents().count
        #expect(throws: StoreError.self) { try t.database.addProvider(NewProvider(name: "Dr Roth", services: ["Massage"])) }
        #expect(throws: StoreError.self) { try t.database.addProvider(NewProvider(name: clinic.provider.name.uppercased())) }
        #expect(throws: StoreError.self) {
            try t.database.addProvider(NewProvider(name: "Dr Roth", absences: [.init(first: LocalDay(iso: "2026-08-07")!,
                                                                                    last: LocalDay(iso: "2026-08-03")!)]))
        }
        #expect(try t.database.providers(includeInactive: true).map(\.name) == [clinic.provider.name])
        #expect(try t.database.auditEvents().count == events)
    }

    @Test func anInactiveNewProviderIsStoredInactive() throws {
        let t = try TemporaryDatabase()
        try ClinicFixture.seed(t.database)
        let record = try t.database.addProvider(NewProvider(name: "Car 2", isActive: false))
        #expect(!record.provider.isActive)
        #expect(try !t.database.providers().contains { $0.name == "Car 2" })
    }

    @Test func shorteningOneWeekdayInItsFieldListsTheBookingsLeftOutside() throws {
        let t = try TemporaryDatabase(now: "2026-07-01T09:00:00+02:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Fri 08:00-18:00")
        // Tue 7 Jul 15:00 and Wed 8 Jul 15:00.
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                 starts: [t.at("2026-07-07 15:00"), t.at("2026-07-08 15:00")])
        var texts = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, clinic.provider.hours.dayText(on: $0)) })
        texts[.tuesday] = "08:00-12:00, 13:00-14:00"
        let hours = try #require(WorkingHours.fromDays(texts).hours)
        let outcome = try t.database.editProvider(id: clinic.provider.id, ProviderEdit(hours: hours))
        #expect(outcome.uncoveredBookings.map(\.id) == [booked.bookings[0].id])
        #expect(outcome.record.provider.hours.description == "Mon,Wed-Fri 08:00-18:00; Tue 08:00-12:00 13:00-14:00")
        #expect(try t.database.booking(id: booked.bookings[0].id).status == .confirmed, "nothing is cancelled")
    }
}
