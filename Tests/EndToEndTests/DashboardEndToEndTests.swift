import Foundation
import FrontdeskTestSupport
import Testing

/// The Dashboard in the real binary, in tmux, on a demo clinic: it shows the numbers `frontdesk kpi
/// --json` prints, both equal a recount from `groups --json` and `agenda --json`, and it follows
/// completions, cancellations and no-shows made from another process while it stays open.
@Suite(.serialized) struct DashboardEndToEndTests {
    typealias Demo = ApplicationEndToEndTests.DemoDatabase
    static let now = ApplicationEndToEndTests.now
    /// The other terminal works later the same day (a no-show needs the session to have started).
    static let evening = "2026-03-10T18:00:00+01:00"

    @Test func theDashboardFollowsChangesFromAnotherTerminalAndAgreesWithKPIAndARecount() throws {
        let demo = try Demo()
        let tmux = try TmuxSession(command: ApplicationEndToEndTests.paneCommand(database: demo.path), width: 200, height: 60)
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("F8")
        try tmux.waitFor("Sessions per week", timeout: 30)
        try expectScreenMatches(try figures(demo), tmux)

        // Another terminal completes and marks today's sessions, and cancels two of next week's.
        let today = try agenda(demo, from: "2026-03-10", days: 1).filter { $0["status"] as? String == "confirmed" }
        let nextWeek = try agenda(demo, from: "2026-03-16", days: 7).filter { $0["status"] as? String == "confirmed" }
        try #require(today.count >= 3 && nextWeek.count >= 2, "the demo has too few bookings: \(today.count), \(nextWeek.count)")
        try command(demo, "complete", today[0]["id"])
        try command(demo, "complete", today[1]["id"])
        try command(demo, "no-show", today[2]["id"])
        try command(demo, "cancel", nextWeek[0]["id"])
        try command(demo, "cancel", nextWeek[1]["id"])

        // The open Dashboard picks the changes up by itself.
        let after = try figures(demo)
        let todayFigure = try #require(after["sessions_today"] as? [String: Any])
        let expected = "\(todayFigure["completed"]!) completed · \(todayFigure["no_show"]!) no-show"
        try tmux.waitUntil("the Dashboard to show \(expected)", timeout: 30) { (try? tile("Sessions today", in: $0))?.contains(expected) == true }
        try expectScreenMatches(after, tmux)
        try expectRecountMatches(after, demo)

        // The same numbers when the Dashboard is opened with its letter.
        try tmux.send("F5")
        try tmux.waitUntil("the Bookings screen") { !$0.contains("Sessions per week") }
        try tmux.send("D")
        try tmux.waitFor("Sessions per week", timeout: 30)
        try expectScreenMatches(after, tmux)
        try tmux.send("q")
        try ApplicationEndToEndTests.expectTerminalRestored(tmux)
    }

    // MARK: - The screen against kpi --json

    func expectScreenMatches(_ figures: [String: Any], _ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        func count(_ key: String) -> String { "\(figures[key] as? Int ?? -1)" }
        func text(_ key: String) -> String { (figures[key] as? [String: Any])?["text"] as? String ?? "missing \(key)" }
        func sessions(_ key: String) -> [String] {
            let s = figures[key] as? [String: Any] ?? [:]
            return ["\(s["booked"] ?? "?") booked", "\(s["completed"] ?? "?") completed · \(s["no_show"] ?? "?") no-show"]
        }
        let expected: [(String, [String])] = [
            ("Sessions today", sessions("sessions_today")),
            ("Sessions this week", sessions("sessions_this_week")),
            ("Active treatments", [count("active_treatments")]),
            ("Completion rate", [text("completion_rate")]),
            ("Completion by strategy", ["Immediate  " + text("completion_rate_immediate"),
                                        "Sequential " + text("completion_rate_sequential"),
                                        "Flexible   " + text("completion_rate_flexible")]),
            ("No-show rate", [text("no_show_rate")]),
            ("Overdue sequential", [count("overdue_sequential")]),
            ("Unscheduled sessions", [count("unscheduled_flexible_sessions")]),
            ("Expiring packages", [count("packages_expiring_30d")]),
            ("Strategy popularity", ["Immediate  " + text("strategy_popularity_immediate"),
                                     "Sequential " + text("strategy_popularity_sequential"),
                                     "Flexible   " + text("strategy_popularity_flexible")]),
        ]
        func matches(_ screen: String) -> Bool {
            expected.allSatisfy { title, lines in (try? tile(title, in: screen)).map { Array($0.prefix(lines.count)) == lines } == true }
        }
        // The other terminal's changes arrive over a few ticks: wait for the last of them, then compare.
        let waited = try? tmux.waitUntil("the figures of kpi --json", timeout: 30) { matches($0) }
        let screen = try waited ?? tmux.capture()
        for (title, lines) in expected {
            let shown = try tile(title, in: screen)
            #expect(Array(shown.prefix(lines.count)) == lines, "\(title): \(shown) ≠ \(lines)\n\(screen)", sourceLocation: sourceLocation)
        }
    }

    /// The text lines inside the tile with this title (trailing spaces trimmed).
    func tile(_ title: String, in screen: String) throws -> [String] {
        let lines = screen.components(separatedBy: "\n").map { Array($0) }
        let marker = Array("┌ \(title) ")
        for (row, line) in lines.enumerated() {
            guard let left = (0...max(0, line.count - marker.count)).first(where: { Array(line[$0..<min(line.count, $0 + marker.count)]) == marker }),
                  let right = line[left...].firstIndex(of: "┐") else { continue }
            var result: [String] = []
            for inner in lines[(row + 1)...] {
                guard inner.count > right, inner[left] == "│" else { break }
                result.append(String(inner[(left + 1)..<right]).trimmingCharacters(in: .whitespaces))
            }
            return result
        }
        throw TmuxSession.Failure(description: "no tile “\(title)” on the screen:\n\(screen)")
    }

    // MARK: - kpi --json against a recount from groups and agenda

    func expectRecountMatches(_ figures: [String: Any], _ demo: Demo, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let groups = try json(demo, ["groups", "--limit", "10000"]) as? [[String: Any]] ?? []
        let closedStates: Set<String> = ["completed", "cancelled", "ended", "expired"]
        func state(_ g: [String: Any]) -> String { g["state"] as? String ?? "" }
        #expect(figures["active_treatments"] as? Int == groups.filter { !closedStates.contains(state($0)) }.count,
                sourceLocation: sourceLocation)
        func ratio(_ key: String) -> [Int] {
            let object = figures[key] as? [String: Any] ?? [:]
            return [object["numerator"] as? Int ?? -1, object["denominator"] as? Int ?? -1]
        }
        // All time: every treatment that closed, and every one that started.
        for strategy in ["immediate", "sequential", "flexible", nil] as [String?] {
            let mine = groups.filter { strategy == nil || $0["strategy"] as? String == strategy }
            let key = strategy.map { "completion_rate_\($0)" } ?? "completion_rate"
            #expect(ratio(key) == [mine.filter { state($0) == "completed" }.count, mine.filter { closedStates.contains(state($0)) }.count],
                    "\(key)", sourceLocation: sourceLocation)
            if let strategy {
                #expect(ratio("strategy_popularity_\(strategy)") == [mine.count, groups.count], sourceLocation: sourceLocation)
            }
        }
        // Open flexible packages: sessions without a booked or completed one, and those expiring within 30 days.
        let calendar = ISO8601DateFormatter()
        let now = calendar.date(from: Self.now)!
        var unscheduled = 0, expiring = 0
        for g in groups where g["strategy"] as? String == "flexible" && !closedStates.contains(state(g)) {
            let held = Set((g["sessions"] as? [[String: Any]] ?? []).filter { ["confirmed", "completed"].contains($0["status"] as? String ?? "") }
                .compactMap { $0["session_number"] as? Int })
            let left = (g["total_sessions"] as? Int ?? 0) - held.count
            unscheduled += left
            if left > 0, let text = g["expires"] as? String, let expires = calendar.date(from: text),
               expires > now, expires <= now.addingTimeInterval(30 * 86_400 + 3600) { expiring += 1 }
        }
        #expect(figures["unscheduled_flexible_sessions"] as? Int == unscheduled, sourceLocation: sourceLocation)
        #expect(figures["packages_expiring_30d"] as? Int == expiring, sourceLocation: sourceLocation)

        // Sessions from the agenda (cancelled ones are not listed): today, this week, and the no-show rate of all time.
        func counts(_ bookings: [[String: Any]]) -> [Int] {
            ["confirmed", "completed", "no_show"].map { status in bookings.filter { $0["status"] as? String == status }.count }
        }
        func figure(_ key: String) -> [Int] {
            let s = figures[key] as? [String: Any] ?? [:]
            return ["booked", "completed", "no_show"].map { s[$0] as? Int ?? -1 }
        }
        #expect(figure("sessions_today") == counts(try agenda(demo, from: "2026-03-10", days: 1)), sourceLocation: sourceLocation)
        #expect(figure("sessions_this_week") == counts(try agenda(demo, from: "2026-03-09", days: 7)), sourceLocation: sourceLocation)
        var all: [[String: Any]] = []
        for first in ["2025-01-01", "2026-01-02", "2027-01-03"] { all += try agenda(demo, from: first, days: 366) }
        let held = counts(all)
        #expect(ratio("no_show_rate") == [held[2], held[1] + held[2]], sourceLocation: sourceLocation)
    }

    // MARK: - The command line

    func figures(_ demo: Demo) throws -> [String: Any] {
        let object = try json(demo, ["kpi"]) as? [String: Any]
        return try #require(object?["figures"] as? [String: Any])
    }

    func agenda(_ demo: Demo, from: String, days: Int) throws -> [[String: Any]] {
        try json(demo, ["agenda", "--from", from, "--days", "\(days)"]) as? [[String: Any]] ?? []
    }

    func json(_ demo: Demo, _ arguments: [String]) throws -> Any? {
        let result = try ProcessRunner.run(arguments + ["--db", demo.path, "--json"], environment: ["FRONTDESK_NOW": Self.now])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return ProcessRunner.json(result)
    }

    func command(_ demo: Demo, _ name: String, _ id: Any?) throws {
        let result = try ProcessRunner.run([name, "\(id ?? "")", "--db", demo.path], environment: ["FRONTDESK_NOW": Self.evening])
        #expect(result.status == 0, "\(name) \(id ?? ""): \(result.stderr)")
    }
}
