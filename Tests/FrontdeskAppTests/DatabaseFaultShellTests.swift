import Foundation
@testable import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The application's side of database faults: what the title and status line say.
@Suite struct DatabaseFaultShellTests {
    @Test func aReplacedDatabaseFileTurnsTheApplicationReadOnlyOnTheNextTick() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.tick()
        #expect(!session.screenText.contains("read-only"))
        try FileManager.default.removeItem(atPath: scenario.temporary.path)
        session.tick()
        let firstLine = session.screenText.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains("[read-only: file replaced]"))
        #expect(session.state.status?.message.contains("deleted, moved or replaced") == true)
    }

    @Test func aFailedQuickCheckShowsADamagedBanner() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.health.record(quickCheck: "*** in database main ***\nPage 12: btreeInitPage() returns error code 11")
        session.tick()
        let firstLine = session.screenText.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains("[damaged: run frontdesk doctor]"))
        #expect(session.state.status?.message.contains("frontdesk doctor") == true)
    }

    @Test func aHealthyQuickCheckShowsNothing() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.health.record(quickCheck: try scenario.database.quickCheck())
        session.tick()
        #expect(session.state.databaseNotice == nil)
    }
}
