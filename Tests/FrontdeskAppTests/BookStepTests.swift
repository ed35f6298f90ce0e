import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// The guided flow step by step: searching, creating a customer inline, going back without losing
/// input, leaving, and what each field says while staff type.
@Suite struct BookStepTests {
    private func clinic(now: String = "2026-03-04T09:00:00+01:00") throws -> (TemporaryDatabase, ClinicFixture.Clinic) {
        let t = try TemporaryDatabase(now: now)
        return (t, try ClinicFixture.seed(t.database))
    }

    @Test func customersAreFoundByPhoneDigits() throws {
        let (t, clinic) = try clinic()
        try t.database.addCustomer(name: "Thomas Weber", phone: "+41 78 111 22 33")
        let desk = BookFlowDriver(t)
        #expect(desk.text.contains("Thomas Weber"))
        desk.type("555 01")
        #expect(desk.text.contains("Marie Schmidt"))
        #expect(!desk.text.contains("Thomas Weber"))
        desk.press(.enter)
        #expect(desk.text.contains("Which service?"))
        #expect(desk.flow.hasUnsavedInput)
        _ = clinic
    }

    @Test func aNewCustomerIsCreatedInlineAndNeedsAPhoneOrEmail() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        desk.type("Lena Huber")
        #expect(desk.text.contains("+ New customer “Lena Huber”"))
        desk.press(.enter) // no match: Enter opens the form
        #expect(desk.text.contains("New customer: a name, and a phone or an e-mail"))
        desk.press(.enter)
        #expect(desk.text.contains("Give a phone or an e-mail"))
        desk.press(.tab)
        desk.press(.tab)
        desk.type("lena.example.com")
        desk.press(.enter)
        #expect(desk.text.contains("E-mail has no @"))
        desk.press(.control("u"))
        desk.type("lena@example.com")
        desk.press(.enter)
        #expect(desk.text.contains("Added Lena Huber as a new customer."))
        let found = try t.database.searchCustomers("Lena")
        #expect(found.map(\.name) == ["Lena Huber"])
        #expect(found.first?.email == "lena@example.com")
    }

    @Test func servicesAreFoundByTriggerWordsAndExplainedAsTheBotDid() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("tooth implant")
        var screen = desk.text
        #expect(screen.contains("Dental Implant - Complete Treatment"))
        #expect(screen.contains("3 sessions, all booked now (immediate)."))
        #expect(screen.contains("2. Healing check (30 min) — 14 days after the first"))
        #expect(screen.contains("3. Crown installation (60 min) — 30 days after session 2"))
        #expect(screen.contains("Price 3,500.00 for all 3 sessions."))
        desk.press(.control("u"))
        desk.type("physio")
        screen = desk.text
        #expect(screen.contains("8 sessions, booked one at a time after each completion (sequential)."))
        #expect(screen.contains("Sessions 2 to 7 days apart, ideally every 3 days."))
        desk.press(.control("u"))
        desk.type("learn to drive")
        screen = desk.text
        #expect(screen.contains("Driving Lessons - Starter Package (10 Lessons)"))
        #expect(screen.contains("Most book 2-3 per week, consecutive days allowed."))
        #expect(screen.contains("The package is valid 180 days."))
    }

    @Test func dateFieldsShowWhatTheyUnderstoodOrWhyNot() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter)
        #expect(desk.text.contains("tomorrow 10am · fri 4pm"))
        desk.type("February 30 at 2pm")
        #expect(desk.text.contains("February 30 does not exist"))
        desk.press(.enter)
        #expect(desk.text.contains("When should implant placement"))
        desk.press(.control("u"))
        desk.type("10.3. 14:00")
        #expect(desk.text.contains("→ Tue 10 Mar 2026 14:00"))
        desk.press(.control("u"))
        desk.type("yesterday 9am")
        #expect(desk.text.contains("→ Tue 3 Mar 2026 09:00 is in the past"))
        desk.press(.enter)
        #expect(desk.text.contains("is in the past. Choose a future date and time."))
        desk.press(.control("u"))
        desk.type("+2w")
        #expect(desk.text.contains("→ Wed 18 Mar 2026 09:00"))
    }

    @Test func escStepsBackWithoutLosingWhatWasTyped() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        desk.type("Marie")
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("March 10 at 2pm")
        desk.press(.escape) // back to the provider
        desk.press(.escape) // back to the service
        #expect(desk.text.contains("implant"))
        desk.press(.escape) // back to the customer
        #expect(desk.text.contains("Marie"))
        desk.press(.enter)
        desk.press(.enter)
        desk.press(.enter)
        #expect(desk.text.contains("March 10 at 2pm"))
        #expect(desk.text.contains("→ Tue 10 Mar 2026 14:00"))
    }

    @Test func leavingWithUnsavedInputAsksFirst() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        desk.type("Mar")
        desk.press(.escape)
        #expect(desk.text.contains("Leave the booking?"))
        #expect(desk.flow.legend.bindings.map(\.legendKey) == ["y", "n", "Enter", "←"])
        #expect(desk.flow.keyFocus == .dialog)
        desk.answer("n")
        #expect(desk.flow.outcome == nil)
        #expect(desk.text.contains("Mar"))
        desk.press(.escape)
        desk.answer("y")
        #expect(desk.flow.outcome == .abandoned)
    }

    @Test func leavingAnUntouchedFlowNeedsNoQuestion() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        #expect(!desk.flow.hasUnsavedInput)
        desk.press(.escape)
        #expect(desk.flow.outcome == .abandoned)
    }

    @Test func aChosenProviderIsUsedForThePlan() throws {
        let (t, clinic) = try clinic()
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        #expect(desk.text.contains("Any available"))
        #expect(desk.text.contains("Dr. Keller"))
        desk.press(.down)
        desk.press(.enter)
        desk.type("March 10 at 2pm")
        desk.press(.enter)
        #expect(desk.effects.last == .proposeImmediate(serviceID: clinic.implant.id, providerID: clinic.provider.id,
                                                     firstStart: t.at("2026-03-10 14:00"), pinned: [:]))
    }

    @Test func flexibleCountMustBeWithinTheRemainingSessions() throws {
        let (t, _) = try clinic(now: "2026-03-01T09:00:00+01:00")
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("driving")
        desk.press(.enter)
        desk.press(.enter)
        #expect(desk.text.contains("How many lessons now?"))
        desk.type("11")
        desk.press(.enter)
        #expect(desk.text.contains("a number from 1 to 10"))
        desk.press(.backspace)
        desk.press(.enter)
        #expect(desk.text.contains("1 lesson now. How will you give the dates?"))
    }

    @Test func twoSessionsAtTheSameTimeAreRefusedBeforeTheStore() throws {
        let (t, _) = try clinic(now: "2026-03-01T09:00:00+01:00")
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("driving")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("2")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("mon 5pm")
        desk.press(.enter)
        desk.type("March 2 at 5pm")
        desk.press(.enter)
        #expect(desk.text.contains("Two sessions have the same date and time"))
        #expect(!desk.effects.contains { if case .bookSessions = $0 { return true } else { return false } })
    }

    @Test func aBookingTheStoreRefusesReturnsToTheDatesWithItsReason() throws {
        // Sunday: Dr. Keller does not work then.
        let (t, _) = try clinic(now: "2026-03-04T09:00:00+01:00")
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("physio")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("sun 10am")
        desk.press(.enter)
        desk.press(.enter)
        #expect(desk.flow.outcome == nil)
        #expect(desk.text.contains("next free Mon 9 Mar 2026 08:00"))
        #expect(desk.text.contains("When would the customer like session 1 of 8?"))
    }

    @Test func aSingleAppointmentIsBookedWithoutATreatment() throws {
        let (t, _) = try clinic()
        try t.database.importServices(json: """
            {"name": "Dental Check-up", "requires_multiple_sessions": false, "total_sessions_required": 1,
             "multi_session_strategy": "flexible", "duration_minutes": 30, "price": 150, "trigger_words": ["check-up"]}
            """)
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("check-up")
        #expect(desk.text.contains("One appointment of 30 min."))
        #expect(desk.text.contains("Price 150.00."))
        desk.press(.enter)
        desk.press(.enter)
        desk.type("fri 4pm")
        desk.press(.enter)
        #expect(desk.text.contains("Appointment"))
        desk.press(.enter)
        guard case let .booked(groupID, bookingIDs, message)? = desk.flow.outcome else {
            Issue.record("expected a booking, got \(String(describing: desk.flow.outcome))")
            return
        }
        #expect(groupID == nil)
        #expect(bookingIDs.count == 1)
        #expect(message.contains("Booked Dental Check-up for Marie Schmidt from Fri 6 Mar 2026 16:00"))
        let booking = try t.database.booking(id: bookingIDs[0])
        #expect(booking.sessionGroupID == nil)
        #expect(t.calendar.iso8601(booking.start) == "2026-03-06T16:00:00+01:00")
    }
}

/// The Book flow's new-customer step is the Customers screen's form: the same fields, the consents
/// starting at "no", and customers already on file shown and offered instead of a silent duplicate.
@Suite struct BookNewCustomerFormTests {
    private func clinic() throws -> (TemporaryDatabase, ClinicFixture.Clinic) {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        return (t, try ClinicFixture.seed(t.database))
    }

    /// The form the flow shows for a new customer typed as `name`.
    private func openForm(_ desk: BookFlowDriver, name: String) {
        desk.type(name)
        desk.press(.control("n"))
    }

    @Test func theNewCustomerStepUsesTheCustomersScreensFormWithTheSameConsentDefaults() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        openForm(desk, name: "Lena Huber")
        let screen = desk.text
        for label in ["Name", "Phone", "E-mail", "Notes", "SMS consent", "E-mail consent"] {
            #expect(screen.contains(label), "the form lacks \(label)")
        }
        // The same form, field for field and default for default, as the Customers screen's new customer.
        var expected = CustomerContactForm(customer: nil)
        expected.form.setText("Lena Huber", for: .name)
        #expect(expected.form.fields.map(\.label) == CustomerEditor(customer: nil).form.fields.map(\.label))
        #expect(expected.details == CustomerDetails(name: "Lena Huber", smsConsent: false, emailConsent: false))
    }

    @Test func consentGivenAtTheDeskIsSavedSoTheCustomerGetsReminders() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        openForm(desk, name: "Lena Huber")
        desk.press(.tab)
        desk.type("+41 79 444 12 34")
        desk.press(.tab, times: 3) // e-mail, notes, SMS consent
        desk.press(.right)          // yes
        desk.press(.enter)
        #expect(desk.text.contains("Added Lena Huber as a new customer."))
        let lena = try #require(try t.database.searchCustomers("Lena").first)
        #expect(lena.smsConsent)
        #expect(!lena.emailConsent)
        #expect(lena.phone == "+41 79 444 12 34")
    }

    @Test func smsConsentWithoutAPhoneIsRefusedUnderTheField() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        openForm(desk, name: "Lena Huber")
        desk.press(.tab, times: 2)
        desk.type("lena@example.com")
        desk.press(.tab, times: 2)
        desk.press(.right)
        desk.press(.enter)
        #expect(desk.text.contains("SMS consent needs a phone number."))
        #expect(try t.database.searchCustomers("Lena").isEmpty)
    }

    @Test func aCustomerAlreadyOnFileIsShownAndCanBeBookedInstead() throws {
        let (t, clinic) = try clinic()
        let desk = BookFlowDriver(t)
        openForm(desk, name: "Lena Huber")
        desk.press(.tab)
        desk.type("+41 79 555 01 02") // Marie Schmidt's number
        #expect(!desk.screen().lines().last!.contains("Use match"))
        desk.press(.enter)
        #expect(desk.text.contains("Already on file"))
        #expect(desk.text.contains("#\(clinic.customer.id) Marie Schmidt"))
        #expect(desk.screen().lines().last!.contains("Use match"))
        #expect(desk.flow.outcome == nil)
        #expect(try t.database.searchCustomers("Lena").isEmpty)
        desk.press(.control("o"))
        #expect(desk.text.contains("Which service?"))
        #expect(desk.text.contains("Marie Schmidt"))
        #expect(try t.database.searchCustomers("Lena").isEmpty)
    }

    @Test func enterAgainAfterTheWarningAddsTheNewCustomerAnyway() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        openForm(desk, name: "Marie Schmidt")
        desk.press(.tab)
        desk.type("+41 78 000 11 22")
        desk.press(.enter)
        #expect(desk.text.contains("Already on file"))
        desk.press(.enter)
        #expect(desk.text.contains("Added Marie Schmidt as a new customer."))
        #expect(try t.database.searchCustomers("Marie Schmidt").count == 2)
    }
}
