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
        // And a manager gives the sequential plan a longer maximum gap: booked treatments keep their own.
        let rulesBooked = try serviceRules(demo)
        try setMaximumGap(demo, service: Self.sequentialService, days: 30)
        #expect(try serviceRules(demo)[Self.sequentialService]?["maximum_days"] as? Int == 30)

        // The open Dashboard picks the changes up by itself.
        let after = try figures(demo)
        let todayFigure = try #require(after["sessions_today"] as? [String: Any])
        let expected = "\(todayFigure["completed"]!) completed · \(todayFigure["no_show"]!) no-show"
        try tmux.waitUntil("the Dashboard to show \(expected)", timeout: 30) { (try? tile("Sessions today", in: $0))?.contains(expected) == true }
        try expectScreenMatches(after, tmux)
        try expectRecountMatches(after, demo)
        try expectOverdueMatches(after, demo, rules: rulesBooked)

        // The same numbers when the Dashboard is opened with its letter.
        try tmux.send("F5")
        try tmux.waitUntil("the Bookings screen") { !$0.contains("Sessions per week") }
        try tmux.send("D")
        try tmux.waitFor("Sessions per week", timeout: 30)
        try expectScreenMatches(after, tmux)

        // ? shows each figure's definition, in the words kpi prints.
        try expectHelpDefines(try definitions(demo), tmux)
        try tmux.send("Escape")
        try tmux.waitUntil("the help to close") { !$0.contains("Dashboard keys") }

        // At 80×24 the tiles wrap and scroll and still say the same.
        try tmux.resize(width: 80, height: 24)
        try tmux.waitUntil("the Dashboard drawn again at 80×24", timeout: 10) { $0.contains("┌ Sessions today ────────┐") }
        try expectScreenMatches(after, tmux, wrapped: true, showing: "Sessions today")
        try tmux.send("End")
        try expectScreenMatches(after, tmux, wrapped: true, showing: "Strategy popularity")
        try tmux.send("q")
        try ApplicationEndToEndTests.expectTerminalRestored(tmux)
    }

    // MARK: - The screen against kpi --json

    /// Every tile on the screen shows the figures of `kpi --json`, line by line; `wrapped` (a small
    /// window): each tile in view says the same words however its lines wrap, at least four are in
    /// view, and the tile `showing` is one of them.
    func expectScreenMatches(_ figures: [String: Any], _ tmux: TmuxSession, wrapped: Bool = false, showing: String? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
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
        // A narrow tile wraps its lines elsewhere (the "·" between counts goes with the break) and
        // names the strategies short.
        let short = ["Immediate": "imm", "Sequential": "seq", "Flexible": "flex"]
        func words(_ lines: [String]) -> String {
            lines.joined(separator: " ").split(separator: " ").filter { $0 != "·" }.map { short[String($0)] ?? String($0) }
                .joined(separator: " ")
        }
        func agrees(_ shown: [String], _ lines: [String]) -> Bool {
            wrapped ? words(shown).hasPrefix(words(lines)) : Array(shown.prefix(lines.count)) == lines
        }
        func inView(_ screen: String) -> [(String, [String])] {
            wrapped ? expected.filter { (try? tile($0.0, in: screen)) != nil } : expected
        }
        func matches(_ screen: String) -> Bool {
            if let showing, (try? tile(showing, in: screen)) == nil { return false }
            return inView(screen).allSatisfy { title, lines in (try? tile(title, in: screen)).map { agrees($0, lines) } == true }
        }
        // The other terminal's changes arrive over a few ticks: wait for the last of them, then compare.
        let waited = try? tmux.waitUntil("the figures of kpi --json", timeout: 30) { matches($0) }
        let screen = try waited ?? tmux.capture()
        let shownTiles = inView(screen)
        #expect(shownTiles.count >= (wrapped ? 4 : expected.count), "too few tiles in view:\n\(screen)", sourceLocation: sourceLocation)
        if let showing { #expect(shownTiles.contains { $0.0 == showing }, "\(showing) not in view:\n\(screen)", sourceLocation: sourceLocation) }
        for (title, lines) in shownTiles {
            let shown = try tile(title, in: screen)
            #expect(agrees(shown, lines), "\(title): \(shown) ≠ \(lines)\n\(screen)", sourceLocation: sourceLocation)
            // Readable: nothing in a tile is cut short.
            #expect(!shown.joined().contains("…"), "\(title) is cut: \(shown)\n\(screen)", sourceLocation: sourceLocation)
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

    // MARK: - Overdue under each treatment's own rules

    /// The demo's sequential plan.
    static let sequentialService = "Physiotherapy Treatment Plan"

    /// Each service's session_buffer_config, by name, as `service export` prints it.
    func serviceRules(_ demo: Demo) throws -> [String: [String: Any]] {
        let services = try json(demo, ["service", "export"]) as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: services.compactMap { service in
            (service["name"] as? String).map { ($0, service["session_buffer_config"] as? [String: Any] ?? [:]) }
        })
    }

    /// Another terminal changes a service's maximum gap with `service export` and `service import`.
    func setMaximumGap(_ demo: Demo, service name: String, days: Int) throws {
        let services = try json(demo, ["service", "export"]) as? [[String: Any]] ?? []
        var service = try #require(services.first { $0["name"] as? String == name })
        var rules = service["session_buffer_config"] as? [String: Any] ?? [:]
        rules["maximum_days"] = days
        service["session_buffer_config"] = rules
        let file = demo.folder.appendingPathComponent("service.json")
        try JSONSerialization.data(withJSONObject: service).write(to: file)
        let result = try ProcessRunner.run(["service", "import", file.path, "--db", demo.path], environment: ["FRONTDESK_NOW": Self.evening])
        #expect(result.status == 0, "service import: \(result.stderr)")
    }

    /// The sequential treatments overdue at the figures' time, recounted from `groups --json` under
    /// `rules` (by service name): open, nothing booked, a number free, and the last completed session
    /// longer ago than the maximum gap (else twice the recommended one), in calendar days in the clinic's zone.
    func overdueTreatments(_ demo: Demo, rules: [String: [String: Any]]) throws -> Set<String> {
        let groups = try json(demo, ["groups", "--limit", "10000"]) as? [[String: Any]] ?? []
        let iso = ISO8601DateFormatter()
        let now = iso.date(from: Self.now)!
        var zurich = Calendar(identifier: .gregorian)
        zurich.timeZone = TimeZone(identifier: "Europe/Zurich")!
        var overdue = Set<String>()
        for g in groups where g["strategy"] as? String == "sequential" && ["active", "to_book"].contains(g["state"] as? String ?? "") {
            let sessions = g["sessions"] as? [[String: Any]] ?? []
            func status(_ s: [String: Any]) -> String { s["status"] as? String ?? "" }
            guard !sessions.contains(where: { status($0) == "confirmed" }) else { continue }
            let held = Set(sessions.filter { ["confirmed", "completed"].contains(status($0)) }.compactMap { $0["session_number"] as? Int })
            guard held.count < g["total_sessions"] as? Int ?? 0 else { continue }
            let completed = sessions.filter { status($0) == "completed" }
                .compactMap { s in iso.date(from: s["start"] as? String ?? "").map { ($0, s["session_number"] as? Int ?? 0) } }
            guard let last = completed.max(by: { $0 < $1 }) else { continue }
            let config = try #require(rules[g["service"] as? String ?? ""])
            // Per-pair gaps would need the plan's arithmetic: the demo's sequential plan has none.
            #expect(!config.keys.contains { $0.hasPrefix("session_") || $0.hasPrefix("default_") }, "\(config)")
            let days = try #require(config["maximum_days"] as? Int ?? (config["recommended_days"] as? Int).map { $0 * 2 })
            if now > zurich.date(byAdding: .day, value: days, to: last.0)! { overdue.insert(g["session_group_id"] as? String ?? "") }
        }
        return overdue
    }

    /// The overdue figure and its list follow the rules each treatment was booked under, not the
    /// service's new ones, and name the treatments the follow-ups hold overdue.
    func expectOverdueMatches(_ figures: [String: Any], _ demo: Demo, rules: [String: [String: Any]],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try overdueTreatments(demo, rules: rules)
        // The demo has treatments overdue under the old gap and not under the new one, so the change matters.
        let underNewRules = try overdueTreatments(demo, rules: try serviceRules(demo))
        try #require(expected.count > underNewRules.count, "the demo has no treatment the new gap would spare: \(expected)")
        #expect(figures["overdue_sequential"] as? Int == expected.count, sourceLocation: sourceLocation)
        let listed = try json(demo, ["kpi", "--list", "overdue"]) as? [[String: Any]] ?? []
        #expect(Set(listed.compactMap { $0["session_group_id"] as? String }) == expected, sourceLocation: sourceLocation)
        let now = ISO8601DateFormatter().date(from: Self.now)!
        let followUps = try json(demo, ["followups"]) as? [[String: Any]] ?? []
        let dueOverdue = followUps.filter { item in
            item["kind"] as? String == "overdue" && item["status"] as? String == "pending"
                && (ISO8601DateFormatter().date(from: item["due"] as? String ?? "")).map { $0 <= now } == true
        }
        #expect(Set(dueOverdue.compactMap { $0["session_group_id"] as? String }) == expected, sourceLocation: sourceLocation)
    }

    // MARK: - ? against kpi's definitions

    func definitions(_ demo: Demo) throws -> [String: String] {
        let object = try json(demo, ["kpi"]) as? [String: Any]
        return try #require(object?["definitions"] as? [String: String])
    }

    /// Scrolls the help line by line until every definition has been on the screen whole (the help
    /// wraps it at spaces, so its lines joined by spaces give the text back).
    func expectHelpDefines(_ definitions: [String: String], _ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tmux.send("?")
        try tmux.waitFor("Dashboard keys")
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var missing = Dictionary(uniqueKeysWithValues: definitions.map { ($0.key, words($0.value)) })
        var previous = ""
        for _ in 0..<200 where !missing.isEmpty {
            let screen = try tmux.capture()
            let text = words(helpBox(screen).joined(separator: " "))
            missing = missing.filter { !text.contains($0.value) }
            if screen == previous { break }  // the end of the help
            previous = screen
            try tmux.send("Down")
            _ = try? tmux.waitUntil("the help to scroll", timeout: 2) { $0 != screen }
        }
        #expect(missing.isEmpty, "? does not show these definitions as kpi prints them: \(missing)", sourceLocation: sourceLocation)
    }

    /// The text inside the help's box.
    func helpBox(_ screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n").map { Array($0) }
        let title = Array("┌ Dashboard keys")
        // Tiles behind the help may share its top line: find the help's own corner, then the first ┐ after it.
        guard let top = lines.firstIndex(where: { String($0).contains(String(title)) }),
              let left = (0...(lines[top].count - title.count)).first(where: { Array(lines[top][$0..<($0 + title.count)]) == title }),
              let right = lines[top][left...].firstIndex(of: "┐") else { return [] }
        var result: [String] = []
        for line in lines[(top + 1)...] {
            guard line.count > right, line[left] == "│" else { break }
            result.append(String(line[(left + 1)..<right]))
        }
        return result
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
