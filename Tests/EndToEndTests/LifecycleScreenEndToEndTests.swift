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
        let now = ApplicationEndToEndTests.now
        func frontdesk(_ arguments: [String], now: String) throws -> ProcessRunner.Result {
            let result = try ProcessRunner.run(arguments + ["--db", demo.path], environment: ["FRONTDESK_NOW": now])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }
        // Nora's first physiotherapy session was yesterday at 17:00 and nobody marked it; Carl's check-up
        // today at 17:00 was cancelled.
        _ = try frontdesk(["customer", "add", "--name", "Nora Outcome"], now: "2026-03-01T09:00:00+01:00")
        _ = try frontdesk(["customer", "add", "--name", "Carl Cancel"], now: "2026-03-01T09:00:00+01:00")
        _ = try frontdesk(["book", "--customer", "Nora Outcome", "--service", "physio", "--provider", "Lea Meier",
                           "--start", "2026-03-09 17:00"], now: "2026-03-01T09:00:00+01:00")
        let checkup = try frontdesk(["book", "--customer", "Carl Cancel", "--service", "check-up", "--provider", "Dr. Anna Keller",
                                     "--start", "2026-03-10 17:00", "--json"], now: now)
        let id = try #require(((ProcessRunner.json(checkup) as? [String: Any])?["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        _ = try frontdesk(["cancel", "\(id)", "--confirm-late"], now: now)

        let tmux = try TmuxSession(command: ApplicationEndToEndTests.paneCommand(database: demo.path), width: 130, height: 30)
        defer { tmux.kill() }
        // On the first screen, without scrolling: a treatment waiting for a booking.
        let first = try tmux.waitUntil("a treatment to book in view") { screen in
            screen.split(separator: "\n").dropFirst(3).contains { $0.contains(" to book") }
        }
        #expect(first.contains("All treatments and appointments"), "\(first)")

        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        try tmux.type("Nora")
        try tmux.send("Enter")
        try tmux.waitFor("Search: Nora")
        try tmux.send("Enter")
        try tmux.waitFor("? Session 1: Mon 9 Mar 2026 17:00 - Needs outcome")
        try tmux.send("Escape")
        try tmux.send("Escape")
        _ = try tmux.waitUntil("the search cleared") { !$0.contains("Search: Nora") }

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
            $0.contains("Status: needs outcome") && $0.contains("Nora Outcome")
        }
        #expect(!filtered.contains("to book"), "\(filtered)")
        try tmux.send("Escape")

        // The day agenda: today's cancelled check-up counted apart; yesterday, the mark and the label.
        try tmux.send("v")
        let today = try tmux.waitUntil("today's agenda with the cancelled check-up") {
            $0.contains("Tuesday, March 10 2026") && $0.contains("Carl Cancel")
        }
        let lines = today.split(separator: "\n").map(String.init)
        let header = lines.first { $0.contains("Tuesday, March 10 2026") } ?? ""
        let crossed = lines.filter { $0.contains(" ✖ ") }.count
        #expect(crossed >= 1 && header.contains(" · \(lines.count(where: { $0.contains(" ● ") || $0.contains(" ✔ ") || $0.contains(" ? ") || $0.contains(" ! ") })) appointment")
                && header.hasSuffix(", \(crossed) cancelled"), "\(today)")
        try tmux.send("Left")
        let yesterday = try tmux.waitUntil("yesterday's agenda") { $0.contains("Monday, March 9 2026") && $0.contains("Nora Outcome") }
        let nora = yesterday.split(separator: "\n").first { $0.contains("Nora Outcome") }.map(String.init) ?? ""
        #expect(nora.contains("17:00-17:45 ? Nora Outcome") && nora.contains("Needs outcome"), "\(yesterday)")
        try tmux.send("q")
        try tmux.waitFor("exit=0")
    }
}
