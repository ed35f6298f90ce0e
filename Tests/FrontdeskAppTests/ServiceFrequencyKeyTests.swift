import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// Issue 9's round trip through the editor: a service imported with the guide's
/// `recommended_frequency` is saved from the Services editor, and its export still says
/// `recommended_frequency` (it was rewritten as `suggested_frequency`), so export → import stays a no-op.
@Suite struct ServiceFrequencyKeyTests {
    @Test func savingInTheEditorKeepsRecommendedFrequency() throws {
        let temporary = try TemporaryDatabase(now: "2026-03-10T09:00:00+01:00")
        try ClinicFixture.seed(temporary.database, hours: "Mon-Fri 08:00-18:00")
        let name = "Driving Lessons - Starter Package (10 Lessons)"
        func exported() throws -> [String: Any] {
            try #require(try temporary.database.exportServices(names: [name]).first)
        }
        let buffer = try #require(try exported()["session_buffer_config"] as? [String: Any])
        #expect(buffer["recommended_frequency"] as? String == "2-3 per week")

        let session = AppSession(database: temporary.database, theme: .standard, width: 120, height: 40)
        session.start()
        session.press([.character("S"), .down, .enter])
        #expect(session.screenText.contains("Service: \(name)"))
        session.press([.tab, .tab, .tab, .control("u")])
        session.type("95")
        session.press(.function(2))
        session.settle()
        #expect(session.screenText.contains("Saved \(name) (price)"), "\(session.screenText)")

        let after = try exported()
        let saved = try #require(after["session_buffer_config"] as? [String: Any])
        #expect(saved["recommended_frequency"] as? String == "2-3 per week")
        #expect(saved["suggested_frequency"] == nil)
        #expect(after["price"] as? Int == 95)

        // Importing the export changes nothing.
        let text = CommentedJSON.canonicalString(after)
        let outcome = try temporary.database.importServiceFile(json: text)
        #expect(outcome.map(\.kind) == [.unchanged])
        #expect(CommentedJSON.canonicalString(try exported()) == text)
    }
}
