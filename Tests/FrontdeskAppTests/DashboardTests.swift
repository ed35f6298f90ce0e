import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

extension AppState {
    /// The Dashboard's state once its tab was opened.
    var dashboard: DashboardState? { screen(DashboardScreen.self)?.dashboard }
}

/// The Dashboard on the scenario clinic (Tuesday 10 March 2026, 09:00): keys → state and effects,
/// the figures as the store reads them, the lists behind the tiles and the session dialogs there.
@Suite struct DashboardTests {
    /// A session with the Dashboard in front.
    func dashboard(_ scenario: BookingsScenario, width: Int = 120, height: Int = 40) -> AppSession {
        let session = scenario.session(width: width, height: height)
        session.press(.function(8))
        return session
    }

    /// Moves the tile cursor to `tile` with the arrow keys.
    func select(_ tile: DashboardTile, in session: AppSession) {
        session.press(.home)
        for _ in 0..<tile.rawValue { session.press(.right) }
    }

    @Test func opensByF8AndByDAndShowsTheStoresFigures() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session(width: 120, height: 40)
        session.press(.character("D"))
        #expect(session.state.front?.as(DashboardScreen.self) != nil)
        session.press(.function(5))
        #expect(session.state.front?.as(BookingsScreen.self) != nil)
        session.press(.function(8))
        let state = try #require(session.state.dashboard)
        let report = try scenario.database.dashboard()
        #expect(state.report == report)
        #expect(!state.isLoading)
        // The figures as the tiles word them, with their counts.
        #expect(session.shows("1 booked"))                    // today: Lukas Huber's session 2 at 15:00
        #expect(session.shows("4 booked"))                    // this week: physio, two lessons, the check-up
        #expect(session.shows(report.value(of: .noShowRate).description))
        #expect(report.value(of: .noShowRate) == .ratio(numerator: 0, denominator: 4))
        #expect(session.shows("Sequential 100 % (1 of 1)") == false)
        #expect(session.shows("Immediate  33 % (1 of 3)"))   // popularity: one of each strategy started
        #expect(report.value(of: .unscheduledFlexibleSessions) == .count(7))
        #expect(session.shows("Dashboard"))
        #expect(session.render().lines()[0].contains("F8 Dashboard"))
    }

    @Test func thePeriodKeyCyclesThePeriodsAndReadsTheFiguresForIt() throws {
        let scenario = try BookingsScenario()
        var state = AppState(width: 120, height: 40, theme: .standard, calendar: scenario.database.calendar,
                             now: scenario.database.now, screens: [ScreenRegistration(DashboardScreen.self)])
        let started = AppShell.update(&state, .started)
        #expect(started.compactMap(Self.dashboardEffect).contains(.loadFigures(DashboardQuery())))
        let effects = AppShell.update(&state, .key(.character("p"))).compactMap(Self.dashboardEffect)
        #expect(effects == [.loadFigures(DashboardQuery(period: .thisWeek))])
        #expect(state.dashboard?.query.period == .thisWeek)
        #expect(state.dashboard?.isLoading == true)
        for expected in [KPIPeriod.thisMonth, .thisQuarter, .thisYear, .allTime, .thisWeek] {
            _ = AppShell.update(&state, .key(.character("p")))
            #expect(state.dashboard?.query.period == expected)
        }
        // An answer for a period no longer chosen is not shown.
        let before = state.dashboard
        let stale = KPIReport(DashboardCounts(overdueSequential: 99))
        _ = AppShell.update(&state, .answer(screen: state.front!.instance,
                                            payload: DashboardAnswer.figuresLoaded(DashboardQuery(period: .allTime), .success(stale))))
        #expect(state.dashboard == before)
    }

    @Test func theFilterFormSetsPeriodDaysProviderAndServiceAndRefusesBadDays() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        session.press(.character("f"))
        #expect(session.state.dashboard?.filterForm != nil)
        #expect(session.state.front?.keyFocus == .text)
        // Period: the sixth choice is from – to; type days that are not understood.
        for _ in 0..<5 { session.press(.right) }
        session.press(.tab)
        session.type("someday")
        session.press(.enter)
        let form = try #require(session.state.dashboard?.filterForm)
        #expect(form.form[.from]?.error != nil)
        #expect(form.form[.to]?.error != nil)
        // Proper days, the first provider and the first service.
        session.press(.control("u"))
        _ = session.state.dashboard?.filterForm?.form.text(.from)
        for _ in 0..<7 { session.press(.backspace) }
        session.type("2026-03-01")
        session.press(.tab)
        session.type("2026-03-31")
        session.press([.tab, .right, .tab, .right, .enter])
        let state = try #require(session.state.dashboard)
        #expect(state.filterForm == nil)
        let first = LocalDay(year: 2026, month: 3, day: 1), last = LocalDay(year: 2026, month: 3, day: 31)
        #expect(state.query.period == .days(from: first, to: last))
        #expect(state.query.providerID == state.providers.first?.id)
        #expect(state.query.serviceID == state.services.first?.id)
        #expect(state.report == (try scenario.database.dashboard(state.query)))
        #expect(session.shows("Rates over 2026-03-01 to 2026-03-31"))
        // Esc on the tiles clears the provider and the service, not the period.
        session.press(.escape)
        #expect(session.state.dashboard?.query == DashboardQuery(period: .days(from: first, to: last)))
    }

    @Test func aPeriodChoiceWithDaysTypedSaysWhichToUse() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        session.press([.character("f"), .tab])
        session.type("1.3.")
        session.press(.enter)
        let form = try #require(session.state.dashboard?.filterForm)
        #expect(form.form[.period]?.error?.contains("from – to") == true)
        session.press(.escape)
        #expect(session.state.dashboard?.filterForm == nil)
        #expect(session.state.dashboard?.query == DashboardQuery())
    }

    @Test func enterOnTheUnscheduledTileListsThePackageAndOpensItsTreatment() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        select(.unscheduled, in: session)
        session.press(.enter)
        let list = try #require(session.state.dashboard?.list)
        #expect(list.kind == .unscheduled)
        guard case .treatments(let rows)? = list.rows else {
            Issue.record("the unscheduled list holds no treatments")
            return
        }
        #expect(rows.map(\.groupID) == [scenario.drivingGroup])
        #expect(session.shows("Thomas Weber"))
        session.press(.enter)
        let open = try #require(session.state.dashboard?.open)
        #expect(open.group.id == scenario.drivingGroup)
        #expect(session.state.dashboard?.focus == .treatment)
        #expect(session.shows("Progress: 0 of 10 complete, 3 booked, 7 not yet scheduled"))
        session.press(.escape)
        #expect(session.state.dashboard?.open == nil)
        session.press(.escape)
        #expect(session.state.dashboard?.list == nil)
    }

    @Test func tilesWithoutAListSaySoOnEnter() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        #expect(session.state.front?.legend.binding(for: "open") != nil)
        select(.completion, in: session)
        #expect(session.state.front?.legend.binding(for: "open") == nil)
        session.press(.enter)
        #expect(session.state.dashboard?.list == nil)
        #expect(session.state.status?.message.contains("has no list") == true)
    }

    @Test func completingTodaysSessionFromItsListChangesTheFigures() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        select(.today, in: session)
        session.press(.enter)
        guard case .sessions(let today)? = session.state.dashboard?.list?.rows else {
            Issue.record("today's list holds no sessions")
            return
        }
        #expect(today.map(\.customerName) == ["Lukas Huber"])
        session.press(.character("c"))
        guard case .confirm? = session.state.dashboard?.desk.dialog else {
            Issue.record("c did not ask before completing")
            return
        }
        // The session is later today: the question defaults to No, so the answer is given on purpose.
        session.press(.character("y"))
        #expect(try scenario.booking(today[0].id).status == .completed)
        // The sequential treatment offers its next session; not now.
        guard case .nextSession? = session.state.dashboard?.desk.dialog else {
            Issue.record("completing a sequential session did not offer the next one")
            return
        }
        session.press(.escape)
        let report = try #require(session.state.dashboard?.report)
        #expect(report.counts.today == SessionCounts(booked: 0, completed: 1))
        #expect(report == (try scenario.database.dashboard()))
        guard case .sessions(let after)? = session.state.dashboard?.list?.rows else { return }
        #expect(after.first?.status == .completed)
    }

    @Test func aNoShowFromTheOpenTreatmentCountsInTheNoShowRate() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        select(.today, in: session)
        session.press([.enter, .enter])
        // The session at 15:00 has taken place (a no-show needs its start to have passed).
        scenario.temporary.now = scenario.temporary.at("2026-03-10 15:30")
        #expect(session.state.dashboard?.open?.group.id == scenario.physioGroup)
        #expect(session.state.dashboard?.open?.selectedSession?.sessionNumber == 2)
        session.press([.character("n"), .character("y")])
        let report = try #require(session.state.dashboard?.report)
        #expect(report.value(of: .noShowRate) == .ratio(numerator: 1, denominator: 5))
        #expect(session.state.dashboard?.open?.group.sessions.contains { $0.status == .noShow } == true)
    }

    @Test func bookNextOnTheOpenTreatmentOpensTheBookingFlowAndComesBack() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        select(.unscheduled, in: session)
        session.press([.enter, .enter, .character("m")])
        #expect(session.state.front?.as(BookFlow.self) != nil)
        #expect(session.shows("Thomas Weber"))
        for _ in 0..<6 where session.state.front?.as(BookFlow.self) != nil {
            session.press(session.shows("Leave the booking?") ? .character("y") : .escape)
        }
        #expect(session.state.front?.as(DashboardScreen.self) != nil)
        #expect(session.state.status?.message == "Nothing was booked.")
    }

    @Test func theOpenTreatmentTakesEveryTreatmentKeyExtendAndEndEarly() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        select(.unscheduled, in: session)
        session.press([.enter, .enter])
        #expect(session.state.dashboard?.open?.group.id == scenario.drivingGroup)
        session.press(.character("+"))
        #expect(session.shows("Extend the package"), "\(session.screenText)")
        session.type("2027-06-30")
        session.press(.enter)
        #expect(session.shows("it now runs until"), "\(session.screenText)")
        let extended = try scenario.group(scenario.drivingGroup)
        #expect(scenario.temporary.calendar.localDay(of: extended.expiresAt!).description == "2027-07-01")
        session.press(.character("E"))
        #expect(session.shows("End the treatment early"), "\(session.screenText)")
        session.press(.enter)
        #expect(try scenario.group(scenario.drivingGroup).state(now: scenario.temporary.now) == .ended)
        // The figures follow: the package is closed (ended early), nothing of it is left to schedule.
        let report = try #require(session.state.dashboard?.report)
        #expect(report.counts.allClosed.endedEarly == 1)
        #expect(report == (try scenario.database.dashboard()))
    }

    @Test func treatmentKeysOnTheTilesAndOnASingleAppointmentSayWhatToDo() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        session.press(.character("E"))
        #expect(session.state.status?.message.hasPrefix("Open a list first") == true)
        #expect(session.state.dashboard?.desk.dialog == nil)
    }

    @Test func everySessionKeyIsBoundOnEveryScreenThatHostsTheSessionDesk() {
        for key in SessionKey.allCases {
            let keys = SessionKeys.keymap.binding(for: key)!.keys
            #expect(DashboardKeymap.all.binding(for: DashboardAction(key))?.keys == keys, "Dashboard: \(key)")
            #expect(BookingsKeymap.all.binding(for: BookingsAction(key))?.keys == keys, "Bookings: \(key)")
            #expect(CustomersKeymap.card.binding(for: CustomersAction(key))?.keys == keys, "Customers: \(key)")
            for help in [DashboardKeymap.help(for: DashboardState()), BookingsKeymap.all.erased, CustomersKeymap.card.erased] {
                #expect(help.bindings.contains { $0.keys == keys && $0.help == SessionKeys.keymap.binding(for: key)!.help })
            }
        }
    }

    @Test func aChangeFromAnotherTerminalIsPickedUpOnTheNextTick() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario)
        session.tick()
        #expect(session.state.dashboard?.report?.counts.today.booked == 1)
        scenario.temporary.now = scenario.temporary.at("2026-03-10 15:30")
        let clock = scenario.temporary.now
        let other = try AppDatabase.open(path: scenario.temporary.path, actor: "desk 2", clock: { clock })
        let lukas = try #require(try other.agenda(day: LocalDay(year: 2026, month: 3, day: 10), days: 1).first)
        _ = try other.markNoShow(bookingID: lukas.id)
        session.tick()
        let report = try #require(session.state.dashboard?.report)
        #expect(report.counts.today == SessionCounts(noShow: 1))
        #expect(session.shows("0 completed · 1 no-show"))
    }

    @Test func keysStillWorkWhileTheFiguresAreReadInTheBackground() throws {
        let scenario = try BookingsScenario()
        let session = AppSession(database: scenario.database, theme: .standard, width: 120, height: 40, execution: .background)
        session.start()
        session.settle()
        session.press(.function(8))
        #expect(session.state.dashboard?.isLoading == true)
        #expect(session.shows("Loading…"))
        session.press(.character("p"))
        #expect(session.state.dashboard?.query.period == .thisWeek)
        session.settle()
        #expect(session.state.dashboard?.isLoading == false)
        #expect(session.state.dashboard?.report == (try scenario.database.dashboard(DashboardQuery(period: .thisWeek))))
    }

    @Test func helpListsEveryFigureWithTheDefinitionKPIPrints() throws {
        let help = DashboardKeymap.help(for: DashboardState())
        for kpi in KPI.allCases {
            #expect(help.bindings.contains { $0.label == kpi.title && $0.help == kpi.definition && $0.keys.isEmpty })
        }
        let scenario = try BookingsScenario()
        let session = dashboard(scenario, width: 200, height: 60)
        session.press(.character("?"))
        for _ in 0..<20 where !session.shows("What each figure counts") { session.press(.pageDown) }
        #expect(session.shows("What each figure counts"))
        // Every figure's definition, from its first words (the help wraps the rest), scrolling down.
        for kpi in KPI.allCases {
            let opening = kpi.definition.split(separator: " ").prefix(4).joined(separator: " ")
            for _ in 0..<6 where !session.shows(opening) { session.press(.down) }
            #expect(session.shows(opening), "\(kpi.title): \(opening)")
        }
    }

    @Test func theKeymapIsSoundAndLeavesTheShellsKeysAlone() {
        #expect(DashboardKeymap.all.validate().isEmpty)
        for key in [Key.character("q"), .character("?"), .function(1), .function(10), .function(5), .function(8),
                    .character("B"), .character("D"), .character("C"), .character("S"), .character("U")] {
            #expect(DashboardKeymap.all.action(for: key) == nil, "\(key) is the shell's")
        }
    }

    @Test func theSelectedTileStaysInViewAtEightyByTwentyFour() throws {
        let scenario = try BookingsScenario()
        let session = dashboard(scenario, width: 80, height: 24)
        #expect(!session.shows("Strategy popularity"))
        session.press(.end)
        #expect(session.state.dashboard?.tile == .popularity)
        #expect(session.shows("Strategy popularity"))
        #expect(session.shows("Sessions per week"))
        session.press(.up)
        #expect(session.state.dashboard?.tile == .overdue)
    }

    static func dashboardEffect(_ effect: AppEffect) -> DashboardEffect? {
        guard case .screen(let screenEffect) = effect else { return nil }
        return screenEffect.payload as? DashboardEffect
    }
}
