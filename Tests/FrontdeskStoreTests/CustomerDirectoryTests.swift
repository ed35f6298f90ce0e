import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Customers: validation, search by phone in any format, no silent duplicates, merge, the card.
@Suite struct CustomerDirectoryTests {
    private func database(countryCode: String? = "41") throws -> (TemporaryDatabase, AppDatabase) {
        let t = try TemporaryDatabase()
        let db = countryCode == nil ? t.database : try AppDatabase.open(path: t.path, actor: "test", clock: { t.now }, phoneCountryCode: countryCode)
        return (t, db)
    }

    @Test func phoneIsFoundInNationalInternationalAndDigitFormats() throws {
        let (t, db) = try database()
        let zoe = try db.addCustomer(name: "Zoë Keller", phone: "+41 79 963 78 17")
        let national = try db.addCustomer(name: "Hans Berger", phone: "078 111 22 33")
        for query in ["079 963 78 17", "+41 79 963 78 17", "0799637817", "41799637817", "079 963", "0041 79 963", "963 78"] {
            #expect(try db.searchCustomers(query).map(\.id) == [zoe.id], "\(query)")
        }
        #expect(try db.searchCustomers("+41 78 111").map(\.id) == [national.id])
        #expect(try db.searchCustomers("zoe").map(\.id) == [zoe.id])
        #expect(try db.searchCustomers("KELLER").map(\.id) == [zoe.id])
        _ = t
    }

    /// A demo or a fresh install has no default_country_code: "079 963" must still find +41 79 963 78 17.
    @Test func aNationalNumberFindsTheInternationalOneWithoutAConfiguredCountryCode() throws {
        let (t, db) = try database(countryCode: nil)
        let zoe = try db.addCustomer(name: "Zoë Keller", phone: "+41 79 963 78 17")
        _ = try db.addCustomer(name: "Hans Berger", phone: "+41 78 111 22 33")
        for query in ["079 963", "079 963 78 17", "0799637817", "+41 79 963", "963 78"] {
            #expect(try db.searchCustomers(query).map(\.id) == [zoe.id], "\(query)")
        }
        #expect(try db.searchCustomers("0041 79 963").map(\.id) == [zoe.id])
        _ = t
    }

    @Test func namesAreFoundByWordPrefixWhateverTheAccentsAndStayInStepWithEdits() throws {
        let (_, db) = try database()
        let zoe = try db.addCustomer(name: "Zoë Müller-Keller")
        let other = try db.addCustomer(name: "Anna Zoller")
        #expect(try db.searchCustomers("zoe kel").map(\.id) == [zoe.id])
        #expect(try db.searchCustomers("MULLER").map(\.id) == [zoe.id])
        #expect(try db.searchCustomers("z").map(\.id).sorted() == [zoe.id, other.id].sorted())
        var details = CustomerDetails(zoe)
        details.name = "Zoë Brunner"
        try db.updateCustomer(id: zoe.id, to: details)
        #expect(try db.searchCustomers("muller").isEmpty)
        #expect(try db.searchCustomers("brunner").map(\.id) == [zoe.id])
        try db.mergeCustomers(keep: other.id, other: zoe.id)
        #expect(try db.searchCustomers("brunner").isEmpty)
        #expect(try db.resolveCustomer("anna zoller").id == other.id)
    }

    @Test func eMailIsSearchable() throws {
        let (_, db) = try database()
        let zoe = try db.addCustomer(name: "Zoë Keller", email: "Zoe.Keller@Example.com")
        #expect(try db.searchCustomers("zoe.keller@example").map(\.id) == [zoe.id])
        #expect(try db.searchCustomers("example.com").map(\.id) == [zoe.id])
    }

    @Test func invalidPhoneOrEmailIsRefusedAndNothingSaved() throws {
        let (_, db) = try database()
        for phone in ["abc", "079 963 78 17 ext. 4", "12", "079+963"] {
            #expect(throws: StoreError.self, "\(phone)") { try db.addCustomer(name: "A \(phone)", phone: phone) }
        }
        for email in ["zoe.example.com", "zoe@@example.com", "zoe@", "zoe @example.com"] {
            #expect(throws: StoreError.self, "\(email)") { try db.addCustomer(name: "B \(email)", email: email) }
        }
        #expect(try db.searchCustomers("").isEmpty)
        #expect(try db.addCustomer(name: "Ok", phone: "+41 (79) 963-78-17").phone == "+41 (79) 963-78-17")
    }

    @Test func duplicateNameOrPhoneIsRefusedUnlessAllowed() throws {
        let (_, db) = try database()
        let zoe = try db.addCustomer(name: "Zoë Keller", phone: "+41 79 963 78 17")
        #expect(throws: StoreError.refused(.duplicateCustomer([CustomerMatch(id: zoe.id, name: "Zoë Keller", phone: "+41 79 963 78 17")]))) {
            try db.addCustomer(name: "zoe keller")
        }
        #expect(throws: StoreError.self) { try db.addCustomer(name: "Z. Keller", phone: "079 963 78 17") }
        #expect(try db.duplicateCandidates(name: "Someone", phone: "0799637817").map(\.id) == [zoe.id])
        let second = try db.addCustomer(name: "Zoë Keller", allowDuplicate: true)
        #expect(second.id != zoe.id)
        // Editing into someone else's phone is refused the same way.
        #expect(throws: StoreError.self) {
            var details = CustomerDetails(second)
            details.phone = "079 963 78 17"
            try db.updateCustomer(id: second.id, to: details)
        }
    }

    @Test func editChangesContactAndConsentWithValidation() throws {
        let (_, db) = try database()
        let zoe = try db.addCustomer(name: "Zoë Keller", phone: "079 963 78 17")
        var details = CustomerDetails(zoe)
        details.email = "zoe@example.com"
        details.smsConsent = true
        details.emailConsent = true
        details.notes = "Prefers mornings"
        let saved = try db.updateCustomer(id: zoe.id, to: details)
        #expect(saved.email == "zoe@example.com" && saved.smsConsent && saved.emailConsent && saved.notes == "Prefers mornings")
        details.phone = "abc"
        #expect(throws: StoreError.self) { try db.updateCustomer(id: zoe.id, to: details) }
        #expect(try db.customer(id: zoe.id).phone == "079 963 78 17")
        details.phone = nil
        #expect(throws: StoreError.self) { try db.updateCustomer(id: zoe.id, to: details) }  // SMS consent without a phone
    }

    @Test func countryCodeChangeRenormalisesStoredPhones() throws {
        let t = try TemporaryDatabase()
        let hans = try t.database.addCustomer(name: "Hans Berger", phone: "078 111 22 33")
        #expect(try t.database.searchCustomers("+41 78 111").isEmpty)
        let withCode = try AppDatabase.open(path: t.path, actor: "test", clock: { t.now }, phoneCountryCode: "+41")
        #expect(try withCode.searchCustomers("+41 78 111").map(\.id) == [hans.id])
    }

    @Test func mergeMovesTreatmentsBookingsAndFollowUps() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let db = t.database
        let duplicate = try db.addCustomer(name: "Marie Schmidt-Huber", email: "marie@example.com", notes: "Second card")
        let physio = try db.bookSessions(customerID: duplicate.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let single = try db.bookSessions(customerID: duplicate.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-11 17:00")])
        let followUpsBefore = try db.followUps(status: nil).filter { $0.customerID == duplicate.id }.count
        #expect(followUpsBefore > 0)

        let result = try db.mergeCustomers(keep: clinic.customer.id, other: duplicate.id)
        #expect(result.bookings == 2 && result.treatments == 2 && result.followUps == followUpsBefore)
        #expect(result.kept.email == "marie@example.com" && result.kept.notes == "Second card")
        #expect(throws: StoreError.self) { try db.customer(id: duplicate.id) }
        let card = try db.customerCard(id: clinic.customer.id)
        #expect(Set(card.treatments.map(\.id)) == Set([physio.group?.id, single.group?.id].compactMap { $0 }))
        #expect(card.upcoming.count == 2)
        #expect(try db.followUps(status: nil).allSatisfy { $0.customerID == clinic.customer.id })
        #expect(throws: StoreError.self) { try db.mergeCustomers(keep: clinic.customer.id, other: clinic.customer.id) }
    }

    @Test func cardListsTreatmentsUpcomingAndPastIncludingNoShowsAndCancellations() throws {
        let t = try TemporaryDatabase(now: "2026-03-02T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let db = t.database
        let lessons = try db.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                          starts: [t.at("2026-03-03 10:00"), t.at("2026-03-05 10:00"), t.at("2026-03-12 10:00"), t.at("2026-03-19 10:00")])
        t.now = t.at("2026-03-03 12:00")
        _ = try db.complete(bookingID: lessons.bookings[0].id)
        t.now = t.at("2026-03-05 11:00")
        _ = try db.markNoShow(bookingID: lessons.bookings[1].id)
        _ = try db.cancel(bookingID: lessons.bookings[3].id)

        let card = try db.customerCard(id: clinic.customer.id)
        #expect(card.customer.name == "Marie Schmidt")
        #expect(card.treatments.count == 1)
        let progress = card.treatments[0].progress(now: t.now)
        #expect(progress.completed == 1 && progress.noShow == 1 && progress.booked == 1)
        #expect(card.upcoming.map(\.id) == [lessons.bookings[2].id])
        #expect(card.past.map(\.status) == [.cancelled, .noShow, .completed])
        #expect(card.pendingFollowUps.contains { $0.kind == .cancellation })

        let rows = try db.customerList(search: "schmidt")
        #expect(rows.count == 1)
        #expect(rows[0].nextAppointment?.id == lessons.bookings[2].id)
        #expect(rows[0].openTreatments == 1)
        #expect(rows[0].customer.phone == "+41 79 555 01 02")
    }

    @Test func secondActiveFlexiblePackageIsRefusedUnlessAllowed() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 17:00")])
        #expect(throws: StoreError.self) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-12 17:00")])
        }
        // Continuing the package is fine; a second one needs saying so.
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-12 17:00")],
                                        groupID: first.group?.id)
        let second = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                 starts: [t.at("2026-03-14 10:00")], allowSecondPackage: true)
        #expect(second.group?.id != first.group?.id)
    }
}
