import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import TerminalUI
import Testing

/// Paging, search, filters, views, other terminals' changes, resizing and the help screen.
@Suite struct ListAndShellTests {
    @Test func theListStartsAtTodayWithEarlierRowsAbove() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        let list = session.state.bookings.list
        #expect(list.selectedRow?.customerName == "Lukas Huber")
        #expect(list.rows.first?.customerName == "Sara Nguyen")
        #expect(list.rows.map(\.customerName) == ["Sara Nguyen", "Lukas Huber", "Thomas Weber", "Zoë Müller", "Marie Schmidt"])
    }

    @Test func scrollingFetchesPagesByCursorAndKeepsOnlyAWindow() throws {
        let scenario = try BookingsScenario()
        // 400 single check-ups, every half hour from Thursday 26 March on (after every other row): far more than one page.
        var starts: [Date] = []
        var day = LocalDay(year: 2026, month: 3, day: 26)
        while starts.count < 400 {
            if day.weekday != .sunday {
                for slot in 0..<24 { starts.append(scenario.database.calendar.resolvedDate(day, minuteOfDay: 8 * 60 + slot * 30)) }
            }
            day = day.adding(days: 1)
        }
        _ = try scenario.database.bookSessions(customerID: scenario.clinic.customer.id, serviceID: scenario.checkup.id,
                                               starts: Array(starts.prefix(400)))
        let session = scenario.session()
        #expect(session.state.bookings.list.rows.count <= TreatmentListWindow.pageSize + 5)
        for _ in 0..<350 { session.press(.down) }
        let list = session.state.bookings.list
        #expect(list.rows.count <= TreatmentListWindow.maximumRows)
        let selected = try #require(list.selectedRow)
        // 350 steps from Lukas Huber (2nd row): the 347th check-up, in start order.
        #expect(selected.anchor == starts[346])
        // The rows at the top were dropped from memory; going back reads them again by cursor.
        #expect(list.rows.first?.customerName != "Sara Nguyen")
        for _ in 0..<350 { session.press(.up) }
        #expect(session.state.bookings.list.selectedRow?.customerName == "Lukas Huber")
        session.press(.up)
        #expect(session.state.bookings.list.selectedRow?.customerName == "Sara Nguyen")
    }

    @Test func searchNarrowsToTheCustomerAndEscapeClearsIt() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.character("/"))
        session.type("weber")
        #expect(session.shows("Search customers: weber"))
        session.press(.enter)
        #expect(session.state.bookings.list.rows.map(\.customerName) == ["Thomas Weber"])
        #expect(session.shows("Search: weber"))
        session.press(.escape)
        #expect(session.state.bookings.list.rows.count == 5)
    }

    @Test func filterByStrategyAndStatus() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.character("f"))
        #expect(session.shows("Filter"))
        // From, To, Provider, Status: leave; Strategy: any → immediate → sequential.
        session.press([.tab, .tab, .tab, .tab, .right, .right, .enter])
        #expect(session.state.bookings.filter.strategy == .sequential)
        #expect(session.state.bookings.list.rows.map(\.customerName) == ["Lukas Huber"])
        #expect(session.shows("Strategy: sequential"))
    }

    @Test func aBadDateInTheFilterIsExplained() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.character("f"))
        session.type("someday")
        session.press(.enter)
        #expect(session.shows("is not a date the desk can read"))
        #expect(session.state.bookings.filter.isActive == false)
    }

    @Test func dayAndWeekAgendaWithPaging() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.character("v"))
        #expect(session.state.bookings.view == .day)
        #expect(session.shows("Tuesday, March 10 2026 · 1 appointment"))
        session.press(.right)
        #expect(session.shows("Thomas Weber"))
        session.press(.character("v"))
        #expect(session.state.bookings.view == .week)
        #expect(session.shows("Week Mon 9 Mar – Sun 15 Mar 2026 · 4 appointments"))
        session.press(.character("v"))
        #expect(session.state.bookings.view == .treatments)
    }

    @Test func anotherTerminalsChangeAppearsOnTheNextTick() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.tick()
        #expect(session.shows("Thu 12 Mar 10:00 booked"))
        let fixedNow = scenario.temporary.now
        let other = try AppDatabase.open(path: scenario.temporary.path, actor: "other", clock: { fixedNow })
        try other.cancel(bookingID: scenario.singleBooking)
        session.tick()
        #expect(session.shows("cancelled"))
        #expect(!session.shows("Thu 12 Mar 10:00 booked"))
    }

    @Test func tooSmallShowsTheNoticeAndTheScreenComesBack() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session(width: 100, height: 30)
        session.resize(width: 40, height: 10)
        #expect(session.shows("Please enlarge the window"))
        session.resize(width: 100, height: 30)
        #expect(session.shows("Lukas Huber"))
        #expect(!session.shows("Please enlarge the window"))
    }

    @Test func helpListsEveryKeyFromTheKeymap() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session(width: 120, height: 60)
        session.press(.character("?"))
        for binding in BookingsKeymap.all.bindings {
            #expect(session.shows(binding.keyList), "help is missing \(binding.keyList)")
        }
        session.press(.escape)
        #expect(session.state.help == nil)
    }

    @Test func theKeymapIsSoundAndEveryFunctionKeyHasALetter() {
        #expect(BookingsKeymap.all.validate() == [])
    }

    @Test func quitKeyEndsTheSession() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.character("q"))
        #expect(session.shouldQuit)
    }

    @Test func bookOpensTheBookingFlowAndEscapeComesBack() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.function(2))
        guard session.state.front?.as(BookFlow.self) != nil else {
            Issue.record("F2 did not open the booking flow")
            return
        }
        #expect(session.shows("Book a treatment"))
        for _ in 0..<4 where !session.state.overlays.isEmpty { session.press(.escape) }
        #expect(session.state.overlays.isEmpty)
        #expect(session.state.front?.as(BookingsScreen.self) != nil)
    }
}
