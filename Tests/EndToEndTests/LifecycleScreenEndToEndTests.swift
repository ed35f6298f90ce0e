import Foundation
import FrontdeskTestSupport
import Testing

/// Issue 12 items 2 and 3 in the real binary in tmux: completing tomorrow's session defaults to No,
/// and `u` undoes a completion after asking.
@Suite(.serialized) struct LifecycleScreenEndToEndTests {
    @Test func completingAheadOfTimeDefaultsToNoAndUUndoesACompletion() throws {
        let demo = try ApplicationEndToEndTests.DemoDatabase()
        let tmux = try TmuxSession(command: ApplicationEndToEndTests.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("Lukas Huber")
        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        try tmux.type("Lukas")
        try tmux.send("Enter")
        try tmux.waitFor("Search: Lukas")
        try tmux.send("Enter")
        try tmux.waitFor("Session 4: Wed 11 Mar 2026 09:00 - Confirmed")

        // Enter on the early question keeps the session as it is.
        try tmux.send("c")
        try tmux.waitFor("This session is on Wed 11 Mar 2026, tomorrow.")
        try tmux.send("Enter")
        _ = try tmux.waitUntil("the question closed") { !$0.contains("Mark it completed anyway?") }
        #expect(try tmux.capture().contains("Session 4: Wed 11 Mar 2026 09:00 - Confirmed"))

        // On purpose, then undone.
        try tmux.send("c")
        try tmux.waitFor("Mark it completed anyway?")
        try tmux.send("y")
        try tmux.waitFor("Book Session 5 of 8 now?")
        try tmux.send("Escape")
        try tmux.waitFor("Session 4: Wed 11 Mar 2026 09:00 - Completed")
        try tmux.send("u")
        try tmux.waitFor("It is completed. Return it to confirmed?")
        try tmux.send("y")
        try tmux.waitFor("Reopened Session 4 of 8 (Lukas Huber)")
        try tmux.waitFor("Session 4: Wed 11 Mar 2026 09:00 - Confirmed")
        try tmux.send("q")
        try tmux.waitFor("exit=0")

        let groups = try ProcessRunner.run(["groups", "--customer", "Lukas Huber", "--json", "--db", demo.path],
                                           environment: ["FRONTDESK_NOW": ApplicationEndToEndTests.now])
        let rows = try #require(ProcessRunner.json(groups) as? [[String: Any]], "\(groups.stdout) \(groups.stderr)")
        let sessions = rows.flatMap { ($0["sessions"] as? [[String: Any]]) ?? [] }
        let fourth = sessions.first { $0["start"] as? String == "2026-03-11T09:00:00+01:00" }
        #expect(fourth?["session_number"] as? Int == 4)
        #expect(fourth?["status"] as? String == "confirmed")
    }
}
