import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The Customers screen driven by keys on the scenario clinic: search, the card, editing, the
/// duplicate warning and a session completed from the card.
@Suite struct CustomersScreenTests {
    private func customersSession(_ scenario: BookingsScenario, width: Int = 100, height: Int = 30) -> AppSession {
        let session = scenario.session(width: width, height: height)
        session.press(.function(6))
        return session
    }

    private func search(_ text: String, in session: AppSession) {
        session.press(.character("/"))
        session.press(.control("u"))
        session.type(text)
        session.press(.enter)
    }

    @Test func searchFindsCustomersByNameWithoutAccentsAndByPhoneInAnyFormat() throws {
        let scenario = try BookingsScenario()
        let session = customersSession(scenario)
        #expect(session.state.customers.rows.count == 5)
        search("zoe", in: session)
        #expect(session.state.customers.rows.map(\.customer.name) == ["Zoë Müller"])
        #expect(session.shows("Zoë Müller"))
        search("555 02 03", in: session)
        #expect(session.state.customers.rows.map(\.customer.name) == ["Lukas Huber"])
        search("+41795550102", in: session)
        #expect(session.state.customers.rows.map(\.customer.name) == ["Marie Schmidt"])
        // The list shows the phone and the next appointment.
        #expect(session.shows("+41 79 555 01 02"))
    }

    @Test func theCardShowsTheTreatmentsSessionsAndCompletesOneFromThere() throws {
        let scenario = try BookingsScenario()
        let session = customersSession(scenario)
        search("lukas", in: session)
        session.press(.enter)
        let card = try #require(session.state.customers.card)
        #expect(card.customer.name == "Lukas Huber")
        let open = try #require(session.state.customers.treatment)
        #expect(open.group.id == scenario.physioGroup)
        #expect(session.shows("Physiotherapy"))
        let booked = try #require(open.group.sessions.first { $0.status == .confirmed })
        while session.state.customers.currentTarget?.bookingID != booked.id { session.press(.down) }
        session.press(.character("c"))
        #expect(session.state.customers.desk.dialog != nil)
        session.press(.character("y"))
        #expect(try scenario.booking(booked.id).status == .completed)
        // The card read the treatment again.
        #expect(session.state.customers.treatment?.group.sessions.first { $0.id == booked.id }?.status == .completed)
    }

    @Test func theCardEndsATreatmentEarlyAndExtendsAPackageWithTheSessionKeys() throws {
        let scenario = try BookingsScenario()
        let session = customersSession(scenario)
        search("thomas", in: session)
        session.press(.enter)
        for _ in 0..<5 where session.state.customers.treatment?.group.id != scenario.drivingGroup { session.press(.right) }
        #expect(session.state.customers.treatment?.group.id == scenario.drivingGroup)
        session.press(.character("+"))
        #expect(session.shows("Extend the package"), "\(session.screenText)")
        session.type("2027-06-30")
        session.press(.enter)
        #expect(scenario.temporary.calendar.localDay(of: try scenario.group(scenario.drivingGroup).expiresAt!).description == "2027-07-01")
        session.press(.character("E"))
        #expect(session.shows("End the treatment early"), "\(session.screenText)")
        session.press(.enter)
        #expect(try scenario.group(scenario.drivingGroup).state(now: scenario.temporary.now) == .ended)
    }

    @Test func editingThePhoneRefusesLettersAndSavesAValidNumber() throws {
        let scenario = try BookingsScenario()
        let session = customersSession(scenario)
        search("thomas", in: session)
        session.press([.enter, .character("d")])
        #expect(session.state.front?.keyFocus == .text)
        session.press(.down)
        session.type("abc")
        session.press(.enter)
        let editor = try #require(session.state.customers.editor)
        #expect(editor.form[.phone]?.error != nil)
        #expect(try scenario.database.searchCustomers("thomas")[0].phone == nil)
        session.press(.control("u"))
        session.type("079 111 22 33")
        session.press(.enter)
        #expect(session.state.customers.editor == nil)
        #expect(try scenario.database.searchCustomers("thomas")[0].phone == "079 111 22 33")
        #expect(session.shows("079 111 22 33"))
    }

    @Test func addingACustomerWithANameOnFileShowsTheMatchAndOffersIt() throws {
        let scenario = try BookingsScenario()
        let session = customersSession(scenario)
        session.press(.character("a"))
        session.type("Thomas Weber")
        session.press(.enter)
        let editor = try #require(session.state.customers.editor)
        #expect(editor.duplicates.map(\.name) == ["Thomas Weber"])
        #expect(session.shows("Already on file"))
        #expect(try scenario.database.searchCustomers("thomas").count == 1)
        // The match is offered: Ctrl-O opens its card instead of adding a second one.
        session.press(.control("o"))
        #expect(session.state.customers.editor == nil)
        #expect(session.state.customers.card?.customer.name == "Thomas Weber")
        #expect(try scenario.database.searchCustomers("thomas").count == 1)
    }

    @Test func aDuplicatePhoneIsWarnedAndEnterAgainAddsAnyway() throws {
        let scenario = try BookingsScenario()
        let session = customersSession(scenario)
        session.press(.character("a"))
        session.type("Lukas Brother")
        session.press(.down)
        session.type("+41 (79) 555-02-03")
        session.press(.enter)
        #expect(session.state.customers.editor?.duplicates.map(\.name) == ["Lukas Huber"])
        session.press(.enter)
        #expect(session.state.customers.editor == nil)
        #expect(try scenario.database.searchCustomers("lukas").count == 2)
    }

    @Test func bookFromTheCardStartsTheBookFlowWithTheCustomerChosen() throws {
        let scenario = try BookingsScenario()
        let session = customersSession(scenario)
        search("sara", in: session)
        session.press([.enter, .character("b")])
        #expect(session.state.front?.title == "Book")
        #expect(session.shows("Sara Nguyen"))
    }
}

extension AppState {
    /// The Customers screen's state once its tab was opened.
    var customers: CustomersState { screen(CustomersScreen.self)?.customers ?? CustomersState() }
    var followUps: FollowUpsState { screen(FollowUpsScreen.self)?.followUps ?? FollowUpsState() }
}
