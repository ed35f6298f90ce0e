import Foundation
import FrontdeskApp
import FrontdeskRuntime
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The Customers and Follow-ups screens at 80×24 and 120×40 on the scenario clinic.
@Suite struct PeopleSnapshotTests {
    private func snapshot(_ name: String, steps: (AppSession) -> Void, filePath: String = #filePath,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let scenario = try BookingsScenario()
            let session = scenario.session(width: width, height: height, theme: .standard)
            steps(session)
            let screen = session.render()
            #expect(screen.lines().first?.contains("Frontdesk") == true, sourceLocation: sourceLocation)
            assertSnapshot(screen, named: "\(name)-\(width)x\(height)", filePath: filePath, sourceLocation: sourceLocation)
        }
    }

    @Test func customersList() throws {
        try snapshot("customers-list") { $0.press(.function(6)) }
    }

    @Test func customerCard() throws {
        try snapshot("customers-card") { session in
            session.press([.function(6), .character("/")])
            session.type("lukas")
            session.press([.enter, .enter])
        }
    }

    /// The card's help lists every session key, the treatment's end-early and extend keys included.
    @Test func customerCardHelpWithEverySessionKey() throws {
        try snapshot("customers-card-help") { session in
            session.press([.function(6), .character("/")])
            session.type("lukas")
            session.press([.enter, .enter, .character("?")])
            for _ in 0..<14 { session.press(.down) }
        }
    }

    @Test func customerEditorWithDuplicateWarning() throws {
        try snapshot("customers-duplicate") { session in
            session.press([.function(6), .character("a")])
            session.type("Thomas Weber")
            session.press(.enter)
        }
    }

    @Test func followUpsQueue() throws {
        try snapshot("followups-queue") { $0.press(.function(9)) }
    }

    @Test func followUpsCallNote() throws {
        try snapshot("followups-note") { session in
            session.press([.function(9), .character("c")])
            session.type("agreed")
        }
    }
}
