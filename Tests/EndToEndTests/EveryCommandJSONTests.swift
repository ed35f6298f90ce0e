import Foundation
import FrontdeskTestSupport
import Testing

/// Walks every subcommand the binary declares (from ArgumentParser's own description of the tree)
/// and runs each one with `--json` on a small clinic: every command that prints takes `--json` and
/// prints one JSON document on standard output. A new subcommand fails this test until it is
/// given a step here (or, if it prints no data, a reason in `withoutJSON`).
@Suite struct EveryCommandJSONTests {
    /// Commands that print no data of their own, with why.
    static let withoutJSON: [String: String] = [
        "open": "opens the full-screen application",
        "export ics": "prints the calendar file itself (RFC 5545)",
        "export csv": "prints the spreadsheet itself (RFC 4180)",
        "help": "ArgumentParser's help",
    ]

    /// Every leaf command in the tree, with whether it declares `--json`.
    static func leafCommands() throws -> [String: Bool] {
        let dump = try ProcessRunner.run(["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let root = try #require((try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])?["command"] as? [String: Any])
        var leaves: [String: Bool] = [:]
        func walk(_ command: [String: Any], _ path: [String]) {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            if subcommands.isEmpty, !path.isEmpty {
                let arguments = command["arguments"] as? [[String: Any]] ?? []
                let names = arguments.flatMap { ($0["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
                leaves[path.joined(separator: " ")] = names.contains("json")
            }
            for sub in subcommands { walk(sub, path + [sub["commandName"] as? String ?? "?"]) }
        }
        walk(root, [])
        return leaves
    }

    final class Walk {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-walk-\(UUID().uuidString)")
        var db: String { folder.appendingPathComponent("clinic.sqlite").path }
        var covered: Set<String> = []

        init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: folder) }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// Runs `command arguments --json`; the output must be one JSON document, the exit code one
        /// of `allowed`. Returns the document.
        @discardableResult
        func json(_ command: String, _ arguments: [String] = [], now: String = "2026-03-04T09:00:00+01:00", db: String? = nil,
                  allowed: Set<Int32> = [0]) throws -> Any {
            covered.insert(command)
            let words = command.split(separator: " ").map(String.init)
            let result = try ProcessRunner.run(words + arguments + ["--json", "--db", db ?? self.db], environment: ["FRONTDESK_NOW": now])
            #expect(allowed.contains(result.status), "\(command) \(arguments) exited \(result.status): \(result.stderr)")
            let parsed = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
            return try #require(parsed, "\(command) --json printed no JSON: \(result.stdout.prefix(300)) \(result.stderr.prefix(300))")
        }

        func object(_ command: String, _ arguments: [String] = [], now: String = "2026-03-04T09:00:00+01:00") throws -> [String: Any] {
            try #require(try json(command, arguments, now: now) as? [String: Any], "\(command) did not print an object")
        }
    }

    @Test func everyCommandThatPrintsTakesJSONAndPrintsJSON() throws {
        let leaves = try Self.leafCommands()
        #expect(leaves.count > 30, "the command tree was not read: \(leaves.keys.sorted())")
        for (command, hasJSON) in leaves where Self.withoutJSON[command] == nil {
            #expect(hasJSON, "`frontdesk \(command)` takes no --json")
        }

        let walk = try Walk()
        try walk.json("init", ["--timezone", "Europe/Zurich"])
        try walk.json("provider add", ["--name", "Car 1", "--hours", "Mon-Sat 08:00-20:00"])
        try ClinicFixture.drivingLessonsJSON.write(toFile: walk.path("driving.json"), atomically: true, encoding: .utf8)
        try walk.json("service import", [walk.path("driving.json")])
        let anna = try #require(try walk.object("customer add", ["--name", "Anna Keller", "--phone", "+41 79 555 01 02"])["id"] as? Int)
        let copy = try #require(try walk.object("customer add", ["--name", "A. Keller", "--email", "a@example.org"])["id"] as? Int)
        let booked = try walk.object("book", ["--customer", "Anna Keller", "--service", "learn to drive",
                                              "--start", "2026-03-10 10:00", "--start", "2026-03-12 10:00", "--start", "2026-03-13 10:00"])
        let ids = try #require((booked["bookings"] as? [[String: Any]])?.compactMap { $0["id"] as? Int })
        let group = try #require((booked["group"] as? [String: Any])?["session_group_id"] as? String)
        #expect(ids.count == 3)
        try walk.json("reschedule", ["\(ids[2])", "--start", "2026-03-17 10:00"])
        try walk.json("cancel", ["\(ids[2])"])
        try walk.json("complete", ["\(ids[0])"], now: "2026-03-10T12:00:00+01:00")
        try walk.json("no-show", ["\(ids[1])"], now: "2026-03-12T12:00:00+01:00")
        try walk.json("reopen", ["\(ids[1])"], now: "2026-03-12T12:00:00+01:00")
        try walk.json("extend", [group, "--until", "2026-12-31"])
        try walk.json("agenda", ["--from", "2026-03-10", "--days", "7"])
        try walk.json("groups")
        // The KPI set: every key present, null where a figure has no such count or the period no bounds.
        let kpi = try walk.object("kpi")
        let period = try #require(kpi["period"] as? [String: Any])
        #expect(period["name"] as? String == "all" && period["from"] is NSNull && period["to"] is NSNull)
        #expect(kpi["provider_id"] is NSNull && kpi["service_id"] is NSNull)
        let figures = try #require(kpi["figures"] as? [String: Any])
        let definitions = try #require(kpi["definitions"] as? [String: String])
        #expect(Set(figures.keys) == Set(definitions.keys))
        let ratioKeys: Set<String> = ["rate", "numerator", "denominator", "text", "completed", "cancelled", "ended_early", "expired"]
        let noShow = try #require(figures["no_show_rate"] as? [String: Any])
        let completion = try #require(figures["completion_rate_flexible"] as? [String: Any])
        #expect(Set(noShow.keys) == ratioKeys && Set(completion.keys) == ratioKeys)
        #expect(noShow["expired"] is NSNull && completion["expired"] as? Int == 0)
        #expect(figures["active_treatments"] as? Int == 1)
        try walk.json("followups")
        try walk.json("end", [group, "--reason", "moved away"], now: "2026-03-13T09:00:00+01:00")
        try walk.json("customer list")
        try walk.json("customer show", ["\(anna)"])
        try walk.json("customer edit", ["\(anna)", "--notes", "prefers mornings"])
        try walk.json("customer merge", ["\(anna)", "\(copy)"])
        try walk.json("provider list")
        try walk.json("provider show", ["Car 1"])
        try walk.json("provider edit", ["Car 1", "--hours", "Mon-Sat 08:00-19:00"])
        try walk.json("service list")
        try walk.json("service show", ["learn to drive"])
        try walk.json("service export")
        try walk.json("service deactivate", ["learn to drive"])
        try walk.json("service activate", ["learn to drive"])
        try walk.json("clinic closed add", ["2026-12-25", "--reason", "Christmas"])
        try walk.json("clinic closed list")
        try walk.json("clinic closed remove", ["2026-12-25"])
        try walk.json("audit")
        try walk.json("timezone")
        try "name,phone\nBen Huber,+41 79 555 09 09\n".write(toFile: walk.path("customers.csv"), atomically: true, encoding: .utf8)
        try walk.json("import csv", ["customers", walk.path("customers.csv")])
        try walk.json("backup", [walk.path("copy.sqlite")])
        try walk.json("restore", [walk.path("copy.sqlite")])
        // doctor exits 1 when it finds a problem (a test machine may lack a terminal); it still prints JSON.
        try walk.json("doctor", allowed: [0, 1])
        try walk.json("demo", db: walk.path("demo.sqlite"))

        let notWalked = Set(leaves.keys).subtracting(walk.covered).subtracting(Self.withoutJSON.keys)
        #expect(notWalked.isEmpty, "subcommands this test does not run with --json yet: \(notWalked.sorted())")
    }

    /// A refusal under --json is still JSON: a plan that does not fit prints its reasons, exit 1.
    @Test func aRefusalUnderJSONIsJSON() throws {
        let walk = try Walk()
        try walk.json("init", ["--timezone", "Europe/Zurich"])
        let refused = try #require(try walk.json("customer show", ["999"], allowed: [1, 2]) as? [String: Any])
        #expect((refused["error"] as? String)?.isEmpty == false && refused["exit_code"] as? Int != nil)
    }

    /// Every list that stops at a limit says so on standard error, and says nothing when it did not stop.
    @Test func everyListCutShortSaysSoOnStandardError() throws {
        let walk = try Walk()
        try walk.json("init", ["--timezone", "Europe/Zurich"])
        try walk.json("provider add", ["--name", "Car 1", "--hours", "Mon-Sat 08:00-20:00"])
        try ClinicFixture.drivingLessonsJSON.write(toFile: walk.path("driving.json"), atomically: true, encoding: .utf8)
        try walk.json("service import", [walk.path("driving.json")])
        for name in ["Anna Keller", "Ben Huber"] { try walk.json("customer add", ["--name", name]) }
        try walk.json("book", ["--customer", "Anna Keller", "--service", "learn to drive", "--start", "2026-03-10 10:00", "--start", "2026-03-10 14:00"])
        try walk.json("book", ["--customer", "Ben Huber", "--service", "learn to drive", "--start", "2026-03-10 12:00"])
        let cases: [(arguments: [String], now: String, cut: String)] = [
            (["customer", "list", "--limit"], "2026-03-04T09:00:00+01:00", "showing the first 1 customers"),
            (["groups", "--limit"], "2026-03-04T09:00:00+01:00", "showing the first 1 treatments"),
            (["audit", "--limit"], "2026-03-04T09:00:00+01:00", "showing the first 1 changes"),
            (["followups", "--limit"], "2026-03-04T09:00:00+01:00", "showing the first 1 follow-ups due"),
            (["kpi", "--list", "today", "--limit"], "2026-03-10T08:00:00+01:00", "showing the first 1 sessions"),
            (["customer", "show", "Anna Keller", "--past"], "2026-03-11T09:00:00+01:00", "showing the latest 1 past bookings"),
        ]
        for (arguments, now, cut) in cases {
            for json in [[], ["--json"]] {
                let short = try ProcessRunner.run(arguments + ["1", "--db", walk.db] + json, environment: ["FRONTDESK_NOW": now])
                #expect(short.status == 0 && short.stderr.contains(cut), "\(arguments) \(json): \(short.stderr)")
                let whole = try ProcessRunner.run(arguments + ["100", "--db", walk.db] + json, environment: ["FRONTDESK_NOW": now])
                #expect(whole.status == 0 && !whole.stderr.contains("showing the"), "\(arguments) \(json): \(whole.stderr)")
            }
        }
    }

    /// Help texts wrap cleanly: no line-continuation backslash left in the words, as `\\` at the end
    /// of a line in a Swift string would leave one.
    @Test func everyHelpTextIsFreeOfStrayBackslashes() throws {
        for command in try Self.leafCommands().keys.sorted() where command != "help" {
            let help = try ProcessRunner.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0, "\(command): \(help.stderr)")
            #expect(!help.stdout.contains("\\ ") && !help.stdout.contains("\\\n"), "`frontdesk \(command) --help` shows a backslash: \(help.stdout)")
        }
    }
}
