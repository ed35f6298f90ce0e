import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// What the shell guarantees every screen: pasted text never acts as keys, nothing acts while the
/// window is too small, answers for a screen that was left are dropped, effects off the key path,
/// help for the place in front, a clock that stays current, and tabs by function key and letter.
@Suite struct ShellTests {
    @Test func aPasteOutsideAFieldIsIgnoredNeverRunAsKeys() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.select(rowContaining: "Lukas Huber")
        let before = session.state
        session.paste("c\ny\n")
        #expect(session.state == before)
        #expect(session.state.bookings.desk.dialog == nil)
        #expect(try scenario.group(scenario.physioGroup).sessions.allSatisfy { $0.status != .completed || $0.sessionNumber == 1 })
    }

    @Test func aPasteIntoSessionNotesStaysTextAndTheSessionStaysBooked() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.select(rowContaining: "Lukas Huber")
        session.press([.enter, .character("e")])
        guard case .notes? = session.state.bookings.desk.dialog else {
            Issue.record("e did not open the notes")
            return
        }
        session.paste("Bring the X-ray\nc\n")
        // Still in the notes: the line breaks became spaces, and nothing was completed.
        guard case .notes(let form)? = session.state.bookings.desk.dialog else {
            Issue.record("the paste closed the notes dialog")
            return
        }
        #expect(form.form.text(.notes).hasPrefix("Bring the X-ray c"))
        session.press(.enter)
        let second = try #require(try scenario.group(scenario.physioGroup).sessions.first { $0.sessionNumber == 2 })
        #expect(second.status == .confirmed)
        #expect(second.notes.hasPrefix("Bring the X-ray c"))
    }

    @Test func keysDoNothingWhileTheWindowIsTooSmallButQuit() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.select(rowContaining: "Lukas Huber")
        session.resize(width: 60, height: 20)
        #expect(session.shows("Please enlarge the window"))
        session.press([.character("c"), .enter, .character("y"), .function(2)])
        #expect(session.state.bookings.desk.dialog == nil)
        #expect(session.state.overlays.isEmpty)
        #expect(try scenario.group(scenario.physioGroup).sessions.filter { $0.status == .completed }.count == 1)
        session.press(.character("q"))
        #expect(session.shouldQuit)
    }

    @Test func anAnswerForAScreenThatWasLeftIsDropped() throws {
        let scenario = try BookingsScenario()
        let calendar = scenario.database.calendar
        var state = AppState(width: 100, height: 30, theme: .standard, calendar: calendar, now: scenario.database.now,
                             screens: [ScreenRegistration(BookingsScreen.self)])
        _ = AppShell.update(&state, .started)
        let effects = AppShell.update(&state, .key(.function(2)))
        guard case .screen(let asked)? = effects.first, let flow = state.front, flow.as(BookFlow.self) != nil else {
            Issue.record("F2 did not open the booking flow with an effect")
            return
        }
        #expect(asked.screen == flow.instance)
        _ = AppShell.update(&state, .key(.escape))
        #expect(state.overlays.isEmpty)
        let before = state
        let more = AppShell.update(&state, .answer(screen: asked.screen,
                                                    payload: BookEvent.customersFound(query: "", customers: [])))
        #expect(more.isEmpty)
        #expect(state == before)
    }

    @Test func effectsRunInTheBackgroundWhileTheScreenSaysLoadingAndKeysStillWork() throws {
        let scenario = try BookingsScenario()
        let session = AppSession(database: scenario.database, theme: .standard, width: 100, height: 30,
                                 execution: .background)
        session.start()
        // Nothing has been applied yet: the frame drawn now says so.
        #expect(session.shows("Loading…"))
        session.press(.character("q"))
        #expect(session.shouldQuit)

        let other = AppSession(database: scenario.database, theme: .standard, width: 100, height: 30,
                               execution: .background)
        other.start()
        other.settle()
        #expect(!other.isWaiting)
        #expect(other.shows("Lukas Huber"))
    }

    @Test func helpOnABookStepShowsThatStepsKeys() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.function(2))
        session.press(.function(1))
        #expect(session.shows("Book keys"))
        #expect(session.shows("Add a customer who is not listed yet"))
        session.press(.escape)
        #expect(session.state.help == nil)
        #expect(session.state.front?.as(BookFlow.self) != nil)
    }

    @Test func ticksKeepTheClockOfAnOpenBookFlowCurrent() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.function(2))
        scenario.temporary.now = scenario.temporary.at("2026-03-10 17:30")
        session.tick()
        #expect(session.state.screen(BookFlow.self)?.now == scenario.temporary.at("2026-03-10 09:00"))
        session.type("M")
        #expect(session.state.screen(BookFlow.self)?.now == scenario.temporary.at("2026-03-10 17:30"))
    }

    @Test func aChangeFromAnotherTerminalReloadsEveryOpenScreen() throws {
        let scenario = try BookingsScenario()
        var state = AppState(width: 100, height: 30, theme: .standard, calendar: scenario.database.calendar,
                             now: scenario.database.now, screens: [ScreenRegistration(BookingsScreen.self)])
        _ = AppShell.update(&state, .started)
        _ = AppShell.update(&state, .dataVersion(1))
        #expect(AppShell.update(&state, .dataVersion(1)).isEmpty)
        let effects = AppShell.update(&state, .dataVersion(2))
        let reloads = effects.compactMap { effect -> BookingsEffect? in
            guard case .screen(let screenEffect) = effect else { return nil }
            return screenEffect.payload as? BookingsEffect
        }
        #expect(reloads.contains { if case .loadTreatments = $0 { return true } else { return false } })
    }

    @Test func topLevelScreensOpenByFunctionKeyAndLetterButNotWhileTyping() throws {
        let scenario = try BookingsScenario()
        var state = AppState(width: 100, height: 30, theme: .standard, calendar: scenario.database.calendar,
                             now: scenario.database.now,
                             screens: [ScreenRegistration(BookingsScreen.self), ScreenRegistration(ProbeScreen.self)])
        _ = AppShell.update(&state, .started)
        #expect(state.activeTab == 0)
        _ = AppShell.update(&state, .key(.function(9)))
        #expect(state.activeTab == 1)
        #expect(state.front?.as(ProbeScreen.self)?.started == true)
        _ = AppShell.update(&state, .key(.character("B")))
        #expect(state.activeTab == 0)
        _ = AppShell.update(&state, .key(.character("P")))
        #expect(state.activeTab == 1)
        _ = AppShell.update(&state, .key(.function(5)))
        // In Bookings' search field the probe's letter is typed, not followed.
        _ = AppShell.update(&state, .key(.character("/")))
        _ = AppShell.update(&state, .key(.character("P")))
        #expect(state.activeTab == 0)
        #expect(state.bookings.search?.value == "P")

        var buffer = Buffer(width: 100, height: 30)
        AppShell.render(state, into: &buffer)
        #expect(buffer.lines()[0].contains("F5 Bookings"))
        #expect(buffer.lines()[0].contains("F9 Probe"))
    }

    @Test func aMessageStaysWithItsScreenWhenAnotherTabIsShown() throws {
        let scenario = try BookingsScenario()
        var state = AppState(width: 100, height: 30, theme: .standard, calendar: scenario.database.calendar,
                             now: scenario.database.now,
                             screens: [ScreenRegistration(BookingsScreen.self), ScreenRegistration(ProbeScreen.self)])
        _ = AppShell.update(&state, .started)
        state.status = StatusLine("Session 2 completed.", kind: .success)
        _ = AppShell.update(&state, .key(.function(5)))
        #expect(state.status?.message == "Session 2 completed.")
        _ = AppShell.update(&state, .key(.function(9)))
        #expect(state.activeTab == 1)
        #expect(state.status == nil)
    }

    @Test func theSelectedRowTheStatusKindAndTheFocusedButtonShowInTheirStyles() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session(width: 80, height: 24, theme: .standard)
        session.select(rowContaining: "Thomas Weber")
        session.press([.enter, .character("x")])
        assertSnapshot(lines: styledLines(session.render()), named: "styled-cancel-dialog-80x24")
        session.press(.character("n"))
        assertSnapshot(lines: styledLines(session.render()), named: "styled-status-info-80x24")
    }
}

/// A second top-level screen for the shell's tab tests.
struct ProbeScreen: TopLevelScreen {
    static let tab = ScreenTab(title: "Probe", functionKey: 9, letter: "P")
    var started = false

    init(context: ScreenContext) {}

    var title: String { "Probe" }
    var legend: Keymap<String> { Keymap([]) }

    mutating func start(_ context: inout ScreenContext) -> [Never] {
        started = true
        return []
    }

    mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [Never] { [] }
    mutating func receive(_ answer: Never, _ context: inout ScreenContext) -> [Never] {}
    func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        buffer.write("Probe screen", at: area.x, y: area.y, style: context.theme[.normal], maxWidth: area.width)
    }
}
