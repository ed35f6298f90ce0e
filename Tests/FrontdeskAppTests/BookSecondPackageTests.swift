import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// A customer with an active flexible package is about to be sold another one of the same service:
/// the Book flow says so before anything is booked and offers to book into it, to sell a second
/// package, or to go back.
@Suite struct BookSecondPackageTests {
    /// Marie Schmidt has driving lessons 1–3 of 10 booked (Mon, Wed, Fri 2–6 March 2026, 17:00).
    private func clinicWithPackage() throws -> (TemporaryDatabase, ClinicFixture.Clinic, String) {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: ["2026-03-02 17:00", "2026-03-04 17:00", "2026-03-06 17:00"].map(t.at))
        return (t, clinic, try #require(first.group?.id))
    }

    /// Customer Marie, service "learn to drive": where the question comes up.
    private func chooseDrivingForMarie(_ desk: BookFlowDriver) {
        desk.type("Marie")
        desk.press(.enter)
        desk.type("learn to drive")
        desk.press(.enter)
    }

    /// The screen as one line of words: the dialog's wrapped sentences read whole.
    private func flowing(_ desk: BookFlowDriver) -> String {
        desk.screen().lines().joined(separator: " ").replacingOccurrences(of: "|", with: " ")
            .replacingOccurrences(of: "│", with: " ").split(separator: " ").joined(separator: " ")
    }

    private func packages(_ t: TemporaryDatabase, _ clinic: ClinicFixture.Clinic) throws -> [SessionGroup] {
        try t.database.customerCard(id: clinic.customer.id).treatments.filter { $0.serviceID == clinic.driving.id }
    }

    @Test func choosingTheServiceAsksBeforeAnythingIsBooked() throws {
        let (t, clinic, _) = try clinicWithPackage()
        let desk = BookFlowDriver(t)
        chooseDrivingForMarie(desk)
        #expect(desk.effects.contains(.findActivePackage(customerID: clinic.customer.id, serviceID: clinic.driving.id)))
        #expect(desk.flow.keyFocus == .dialog)
        let screen = flowing(desk)
        #expect(screen.contains("Marie Schmidt already has an active Driving Lessons - Starter Package (10 Lessons) (7 of"))
        #expect(screen.contains("7 of 10 lessons left"))
        #expect(screen.contains("3 booked ahead"))
        #expect(screen.contains("expires Fri 28 Aug 2026"))
        #expect(screen.contains("Book into it, or sell a second package?"))
        #expect(screen.contains("Book into it") && screen.contains("Sell a second package") && screen.contains("Go back"))
        // The legend names the answers.
        #expect(desk.screen().lines().last?.contains("i Book into it") == true)
        #expect(try packages(t, clinic).count == 1)
    }

    @Test func bookIntoItContinuesTheExistingPackageAtItsNextLesson() throws {
        let (t, clinic, groupID) = try clinicWithPackage()
        let desk = BookFlowDriver(t)
        chooseDrivingForMarie(desk)
        desk.answer("i")
        #expect(desk.flow.keyFocus == .text)
        #expect(desk.text.contains("7 of 10 lessons are not booked yet; the numbering continues at 4"))
        desk.type("2")
        desk.press(.enter)
        desk.press(.enter) // a date for each
        desk.type("March 9 at 5pm")
        desk.press(.enter)
        desk.type("March 11 at 5pm")
        desk.press(.enter)
        #expect(desk.text.contains("Lesson 4 of 10"))
        #expect(!desk.text.contains("A second package"))
        desk.press(.enter)

        #expect(desk.bookedGroupID == groupID)
        #expect(try t.database.group(id: groupID).sessions.map(\.sessionNumber) == [1, 2, 3, 4, 5])
        #expect(try packages(t, clinic).count == 1)
    }

    @Test func enterOnTheFocusedButtonIsBookIntoIt() throws {
        let (t, _, groupID) = try clinicWithPackage()
        let desk = BookFlowDriver(t)
        chooseDrivingForMarie(desk)
        desk.press(.enter)
        #expect(desk.effects.contains { if case .loadTreatment(groupID, _, _) = $0 { return true }; return false })
        #expect(desk.text.contains("the numbering continues at 4"))
    }

    @Test func sellingASecondPackageBooksANewGroupWithTheStoresConsent() throws {
        let (t, clinic, groupID) = try clinicWithPackage()
        let desk = BookFlowDriver(t)
        chooseDrivingForMarie(desk)
        desk.press(.right) // "Sell a second package"
        desk.press(.enter)
        #expect(desk.flow.keyFocus == .dialog) // the provider list
        #expect(desk.text.contains("Selling a second package of Driving Lessons"))
        desk.press(.enter) // any available
        desk.type("1")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("March 10 at 5pm")
        desk.press(.enter)
        let confirmation = desk.text
        #expect(confirmation.contains("Lesson 1 of 10"))
        #expect(confirmation.contains("A second package: Marie Schmidt's active"))
        desk.press(.enter)

        let booked = try #require(desk.bookedGroupID)
        #expect(booked != groupID)
        #expect(desk.effects.contains { if case .bookSessions(_, _, _, _, nil, _, true) = $0 { return true }; return false })
        #expect(try packages(t, clinic).count == 2)
        #expect(try t.database.group(id: groupID).sessions.count == 3)
    }

    @Test func goBackReturnsToTheServiceAndBooksNothing() throws {
        let (t, clinic, _) = try clinicWithPackage()
        let desk = BookFlowDriver(t)
        chooseDrivingForMarie(desk)
        desk.press(.escape)
        #expect(desk.flow.outcome == nil)
        #expect(desk.text.contains("Which service?"))
        #expect(!desk.text.contains("already has an active"))
        // Choosing it again asks again.
        desk.press(.enter)
        #expect(desk.text.contains("already has an active"))
        #expect(try packages(t, clinic).count == 1)
    }

    @Test func aPackageWithEveryLessonBookedOffersOnlyASecondOne() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let days = (2...11).map { String(format: "2026-03-%02d 17:00", $0) }.filter { $0 != "2026-03-08 17:00" }
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                        starts: (days + ["2026-03-12 17:00"]).prefix(10).map(t.at))
        let desk = BookFlowDriver(t)
        chooseDrivingForMarie(desk)
        let screen = flowing(desk)
        #expect(!desk.screen().lines().last!.contains("Book into it"))
        #expect(screen.contains("Every lesson of it is booked already. Sell a second package?"))
        #expect(!screen.contains("[ Book into it ]") && !screen.contains("> Book into it <"))
        desk.answer("i") // not offered: nothing happens
        #expect(desk.flow.keyFocus == .dialog)
        #expect(flowing(desk).contains("Sell a second package?"))
    }

    @Test func bookingFromTheCustomersCardAsksToo() throws {
        let (t, clinic, groupID) = try clinicWithPackage()
        let desk = BookFlowDriver(t, start: .forCustomer(clinic.customer))
        desk.type("learn to drive")
        desk.press(.enter)
        #expect(flowing(desk).contains("Marie Schmidt already has an active"))
        desk.answer("i")
        #expect(desk.text.contains("the numbering continues at 4"))
        #expect(desk.effects.contains { if case .loadTreatment(groupID, _, _) = $0 { return true }; return false })
    }

    @Test func anotherCustomerOrAnotherStrategyIsNotAsked() throws {
        let (t, clinic, _) = try clinicWithPackage()
        try t.database.addCustomer(name: "Thomas Weber", phone: "+41 78 111 22 33")
        let desk = BookFlowDriver(t)
        desk.type("Thomas")
        desk.press(.enter)
        desk.type("learn to drive")
        desk.press(.enter)
        #expect(!desk.text.contains("already has an active"))
        #expect(desk.text.contains("Any available"))

        let physio = BookFlowDriver(t)
        physio.type("Marie")
        physio.press(.enter)
        physio.type("physio")
        physio.press(.enter)
        #expect(!physio.effects.contains { if case .findActivePackage = $0 { return true }; return false })
        _ = clinic
    }

    @Test func aPackageSoldMeanwhileOnAnotherTerminalIsAskedAboutAtTheConfirmation() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        chooseDrivingForMarie(desk)
        desk.press(.enter) // no package yet: straight to the provider
        desk.type("1")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("March 10 at 5pm")
        desk.press(.enter)
        #expect(desk.text.contains("Lesson 1 of 10"))
        // Another terminal sells Marie a package now.
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-03 17:00")])
        desk.press(.enter)
        #expect(desk.flow.outcome == nil)
        #expect(desk.text.contains("already has an active"))
        #expect(try packages(t, clinic).count == 1)
        desk.answer("s")
        #expect(flowing(desk).contains("Enter books it."))
        desk.press(.enter)
        #expect(desk.bookedGroupID != nil)
        #expect(try packages(t, clinic).count == 2)
    }
}
