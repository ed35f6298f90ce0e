import Foundation
import FrontdeskApp
import FrontdeskRuntime
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The Dashboard at 80×24, 120×40 and 200×60 for the scenario clinic on Tuesday 10 March 2026 at
/// 09:00: the tiles wrap and the bars shrink on a small window, and a large one gives them room.
@Suite struct DashboardSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    private func snapshot(_ name: String, sizes: [(Int, Int)] = sizes, themes: [Theme] = [.standard],
                          steps: (AppSession) -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (width, height) in sizes {
            for theme in themes {
                let scenario = try BookingsScenario()
                let session = scenario.session(width: width, height: height, theme: theme)
                session.press(.function(8))
                steps(session)
                let screen = session.render()
                #expect(screen.lines().first?.contains("Dashboard") == true, sourceLocation: sourceLocation)
                assertSnapshot(screen, named: "dashboard-\(name)-\(width)x\(height)-\(theme.name)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func tilesAndWeeklyBars() throws {
        try snapshot("tiles", themes: [.standard, .monochrome]) { _ in }
    }

    @Test func unscheduledListWithTheOpenTreatment() throws {
        try snapshot("treatment") { session in
            session.press([.home] + Array(repeating: Key.right, count: DashboardTile.unscheduled.rawValue) + [.enter, .enter])
        }
    }

    @Test func todaysSessionsWithTheCompleteQuestion() throws {
        try snapshot("today-complete", sizes: [(80, 24), (120, 40)]) { session in
            session.press([.enter, .character("c")])
        }
    }

    @Test func filterDialog() throws {
        try snapshot("filter", sizes: [(80, 24)]) { session in
            session.press(.character("f"))
        }
    }

    /// On the open treatment the help lists every session key, end early and extend included.
    @Test func helpWithEverySessionKey() throws {
        try snapshot("help-session-keys", sizes: [(80, 24)]) { session in
            session.press([.home] + Array(repeating: Key.right, count: DashboardTile.unscheduled.rawValue) + [.enter, .enter])
            session.press(.character("?"))
            for _ in 0..<16 { session.press(.down) }
        }
    }

    @Test func helpWithTheFigureDefinitions() throws {
        try snapshot("help", sizes: [(80, 24), (120, 40)]) { session in
            session.press(.character("?"))
            for _ in 0..<30 { session.press(.down) }
        }
    }

    @Test func theSelectedTileAndTheCurrentWeekShowInTheAccentStyle() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session(width: 80, height: 24, theme: .standard)
        session.press(.function(8))
        assertSnapshot(lines: styledLines(session.render()), named: "dashboard-styled-80x24")
    }
}
