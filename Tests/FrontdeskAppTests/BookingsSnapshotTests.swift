import Foundation
import FrontdeskApp
import FrontdeskRuntime
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The Bookings screen at 80×24 and 120×40, in the default and the monochrome theme, for the fixed
/// scenario clinic on Tuesday 10 March 2026 at 09:00.
@Suite struct BookingsSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]
    static let themes: [Theme] = [.standard, .monochrome]

    /// Renders the screen after `steps` in every size and theme and compares with `<name>-<w>x<h>-<theme>`.
    private func snapshot(_ name: String, steps: (AppSession) -> Void, filePath: String = #filePath,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (width, height) in Self.sizes {
            for theme in Self.themes {
                let scenario = try BookingsScenario()
                let session = scenario.session(width: width, height: height, theme: theme)
                steps(session)
                let screen = session.render()
                // The title bar and the bottom line (key legend or tip) frame every view at every size.
                #expect(screen.lines().first?.contains("Frontdesk") == true, sourceLocation: sourceLocation)
                #expect(screen.lines().last?.trimmingCharacters(in: .whitespaces).isEmpty == false, sourceLocation: sourceLocation)
                assertSnapshot(screen, named: "\(name)-\(width)x\(height)-\(theme.name)",
                               filePath: filePath, sourceLocation: sourceLocation)
            }
        }
    }

    @Test func groupedList() throws {
        try snapshot("grouped") { _ in }
    }

    @Test func openTreatmentShowsSessionsWithStatusMarks() throws {
        try snapshot("expanded") { session in
            session.select(rowContaining: "Marie Schmidt")
            session.press(.enter)
        }
    }

    @Test func dayAgenda() throws {
        try snapshot("agenda-day") { session in
            session.press(.character("v"))
        }
    }

    @Test func weekAgenda() throws {
        try snapshot("agenda-week") { session in
            session.press([.character("v"), .character("v")])
        }
    }

    @Test func cancelDialog() throws {
        try snapshot("dialog-cancel") { session in
            session.select(rowContaining: "Thomas Weber")
            session.press([.enter, .character("x")])
        }
    }

    @Test func nextSessionDialog() throws {
        try snapshot("dialog-next-session") { session in
            session.select(rowContaining: "Lukas Huber")
            session.press([.character("c"), .character("y")])
        }
    }

    /// Completing a session two weeks ahead: the question names the date and No is focused.
    @Test func earlyCompletionDialog() throws {
        try snapshot("dialog-complete-early") { session in
            session.select(rowContaining: "Marie Schmidt")
            session.press([.enter, .character("c")])
        }
    }

    @Test func helpScreen() throws {
        try snapshot("help") { session in
            session.press(.character("?"))
        }
    }

    @Test func tooSmallNotice() throws {
        for theme in Self.themes {
            for (width, height) in [(79, 24), (40, 10)] {
                let scenario = try BookingsScenario()
                let session = scenario.session(width: width, height: height, theme: theme)
                let screen = session.render()
                #expect(screen.lines().joined().contains("enlarge"))
                assertSnapshot(screen, named: "too-small-\(width)x\(height)-\(theme.name)")
            }
        }
    }
}
