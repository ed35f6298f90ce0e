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
        try tmux.waitFor("Session 4 of 8 stays completed; session 5 is not booked yet (m books it). u undoes.")
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

    /// Issue 12 item 12: the list opens with the treatments to book in view, a past session with no
    /// outcome has its own mark and label, the filter offers "needs outcome", and the Day header
    /// counts the cancelled booking apart.
    @Test func whatNeedsTheDesksAttentionIsVisible() throws {
        let demo = try ApplicationEndToEndTests.DemoDatabase()
        let tmux = try TmuxSession(command: ApplicationEndToEndTests.paneCommand(database: demo.path), width: 130, height: 30)
        defer { tmux.kill() }
        // On the first screen, without scrolling: a treatment waiting for a booking.
        let first = try tmux.waitUntil("a treatment to book in view") { screen in
            screen.split(separator: "\n").dropFirst(3).contains { $0.contains(" to book") }
        }
        #expect(first.contains("All treatments and appointments"), "\(first)")

        // Marie Schmidt's session 3 was yesterday at 14:00 and nobody marked it.
        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        try tmux.type("Marie Schmidt")
        try tmux.send("Enter")
        try tmux.waitFor("Search: Marie Schmidt")
        try tmux.send("Enter")
        try tmux.waitFor("? Session 3: Mon 9 Mar 2026 14:00 - Needs outcome")
        try tmux.send("Escape")
        try tmux.send("Escape")
        _ = try tmux.waitUntil("the search cleared") { !$0.contains("Search: Marie Schmidt") }

        // The filter's status choices include "needs outcome" (after "active" and "to book").
        try tmux.send("f")
        try tmux.waitFor("‹ any status ›")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.send("Right")
        try tmux.waitFor("‹ active ›")
        try tmux.send("Right")
        try tmux.waitFor("‹ to book ›")
        try tmux.send("Right")
        try tmux.waitFor("‹ needs outcome ›")
        try tmux.send("Enter")
        let filtered = try tmux.waitUntil("the treatments that need an outcome") {
            $0.contains("Status: needs outcome") && $0.contains("Marie Schmidt")
        }
        #expect(!filtered.contains("to book"), "\(filtered)")
        try tmux.send("Escape")

        // The day agenda: today's cancelled check-up counted apart; yesterday, the mark and the label.
        try tmux.send("v")
        try tmux.waitFor("Tuesday, March 10 2026 · 6 appointments, 1 cancelled")
        try tmux.send("Left")
        let yesterday = try tmux.waitFor("Monday, March 9 2026")
        let marie = yesterday.split(separator: "\n").first { $0.contains("Marie Schmidt") }.map(String.init) ?? ""
        #expect(marie.contains("14:00-15:00 ? Marie Schmidt") && marie.contains("Needs outcome"), "\(yesterday)")
        try tmux.send("q")
        try tmux.waitFor("exit=0")
    }
}
