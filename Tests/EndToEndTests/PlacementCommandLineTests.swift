import Foundation
import FrontdeskTestSupport
import Testing

/// Issue 12 items 4–8, 10, 11 and issue 8's hints, through the real binary.
@Suite struct PlacementCommandLineTests {
    typealias Clinic = CommandLineScenarioTests.Clinic

    func bookings(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["bookings"] as? [[String: Any]])
    }

    /// Item 4: `reschedule` and the plan refuse the same date by the same rule, naming the numbers.
    @Test func rescheduleRefusesADateThatBreaksTheImplantGapNamingTheRule() throws {
        let clinic = try Clinic(now: "2026-03-04T09:00:00+01:00")
        let booked = try bookings(try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "March 10 at 2pm"]))
        let third = try #require(booked[2]["id"] as? Int)
        let refused = try clinic.run(["reschedule", "\(third)", "--start", "2026-04-10 14:00"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("too soon after session 2") && refused.stderr.contains("at least 30 days apart"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Thu 23 Apr 2026 is the earliest day"), "\(refused.stderr)")
    }

    /// Item 5: the sequential window: too soon refused, too late needs --late and says by how many days.
    @Test func sequentialWindowThroughTheBinary() throws {
        let clinic = try Clinic(now: "2026-03-09T09:00:00+01:00")
        let first = try bookings(try clinic.json(["book", "--customer", "Marie", "--service", "physio", "--start", "2026-03-10 10:00"]))
        let id = try #require(first[0]["id"] as? Int)
        let group = try #require(first[0]["session_group_id"] as? String)
        let env = ["FRONTDESK_NOW": "2026-03-10T11:00:00+01:00"]
        #expect(try ProcessRunner.run(["complete", "\(id)", "--db", clinic.db], environment: env).status == 0)
        let soon = try ProcessRunner.run(["book", "--group", group, "--start", "2026-03-11 10:00", "--db", clinic.db], environment: env)
        #expect(soon.status == 1 && soon.stderr.contains("too soon after session 1"), "\(soon.stderr)")
        let late = try ProcessRunner.run(["book", "--group", group, "--start", "2026-03-25 10:00", "--db", clinic.db], environment: env)
        #expect(late.status == 1, "\(late.stderr)")
        #expect(late.stderr.contains("8 days beyond the maximum gap of 7 days") && late.stderr.contains("--late"), "\(late.stderr)")
        let confirmed = try ProcessRunner.run(["book", "--group", group, "--start", "2026-03-25 10:00", "--late", "--db", clinic.db, "--json"],
                                              environment: env)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
    }

    /// Item 6: a driving lesson moves past a later one; upcoming lessons are numbered by date again.
    @Test func flexibleLessonMovesPastALaterOneThroughTheBinary() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let lessons = try bookings(try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "learn to drive",
                                                    "--start", "2026-03-02 17:00", "--start", "2026-03-04 17:00", "--start", "2026-03-06 17:00"]))
        let lesson1 = try #require(lessons[0]["id"] as? Int)
        let lesson2 = try #require(lessons[1]["id"] as? Int)
        #expect(try ProcessRunner.run(["complete", "\(lesson1)", "--db", clinic.db], environment: ["FRONTDESK_NOW": "2026-03-02T19:00:00+01:00"]).status == 0)
        let moved = try clinic.run(["reschedule", "\(lesson2)", "--start", "2026-03-09 17:00", "--confirm-late"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let agenda = try #require(ProcessRunner.json(try clinic.expectSuccess(["agenda", "--from", "2026-03-01", "--days", "14", "--json"])) as? [[String: Any]])
        let numbers = agenda.map { ($0["start"] as? String ?? "", $0["session_number"] as? Int ?? 0) }.sorted { $0.0 < $1.0 }
        #expect(numbers.map(\.1) == [1, 2, 3])
        #expect(agenda.first { $0["id"] as? Int == lesson2 }?["session_number"] as? Int == 3)
    }

    /// Item 7: "+2w" counts from the session being moved, at its time; negative offsets are accepted.
    @Test func relativeRescheduleCountsFromTheSessionAndNegativeOffsetsWork() throws {
        let clinic = try Clinic(now: "2026-03-04T18:00:00+01:00")
        let lesson = try bookings(try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "learn to drive", "--start", "2026-03-16 08:45"]))
        let id = try #require(lesson[0]["id"] as? Int)
        let later = try #require(ProcessRunner.json(try clinic.expectSuccess(["reschedule", "\(id)", "--start", "+2w", "--json"])) as? [[String: Any]])
        #expect(later.first?["start"] as? String == "2026-03-30T08:45:00+02:00")
        let back = try #require(ProcessRunner.json(try clinic.expectSuccess(["reschedule", "\(id)", "--start=-3d", "--json"])) as? [[String: Any]])
        #expect(back.first?["start"] as? String == "2026-03-27T08:45:00+01:00")
        let spaced = try clinic.run(["reschedule", "\(id)", "--start", "-1w", "--json"])
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect((ProcessRunner.json(spaced) as? [[String: Any]])?.first?["start"] as? String == "2026-03-20T08:45:00+01:00")
    }

    /// Item 8: shift-later onto a closed day proposes the next open day at the same time; --auto-shift books it.
    @Test func shiftLaterProposesAndBooksTheNearestPlan() throws {
        let clinic = try Clinic(now: "2026-03-04T09:00:00+01:00")
        try clinic.expectSuccess(["provider", "add", "--name", "Dr. Roth", "--hours", "Mon-Sat 08:00-20:00", "--closed", "2026-03-25"])
        let booked = try bookings(try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "March 10 at 2pm",
                                                   "--provider", "Dr. Roth"]))
        let first = try #require(booked[0]["id"] as? Int)
        let proposed = try clinic.run(["reschedule", "\(first)", "--start", "+1d", "--shift-later"])
        #expect(proposed.status == 1)
        #expect(proposed.stderr.contains("Session 2: Tue 24 Mar 2026 14:00 → Thu 26 Mar 2026 14:00"), "\(proposed.stderr)")
        #expect(proposed.stderr.contains("--auto-shift"))
        // Why it is not the same amount, said as a fact: the plan already followed the advice to pick another day.
        #expect(proposed.stderr.contains("(not Wed 25 Mar 2026 14:00: "), "\(proposed.stderr)")
        #expect(!proposed.stderr.contains("Pick another day"), "\(proposed.stderr)")
        let moved = try #require(ProcessRunner.json(try clinic.expectSuccess(["reschedule", "\(first)", "--start", "+1d", "--shift-later",
                                                                              "--auto-shift", "--json"])) as? [[String: Any]])
        #expect(moved.map { $0["start"] as? String } == ["2026-03-11T14:00:00+01:00", "2026-03-26T14:00:00+01:00", "2026-04-25T14:00:00+02:00"])
    }

    /// Item 10: a plan on a time the spring change skips takes the time typed input suggests (03:30).
    @Test func immediatePlanOnASkippedTimeResolvesAsTypedInputSuggests() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        try clinic.expectSuccess(["provider", "add", "--name", "Night desk", "--hours", "Mon-Sun 00:00-23:59"])
        let booked = try bookings(try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "2026-03-15 02:30",
                                                   "--provider", "Night desk", "--dry-run"]))
        #expect(booked.map { $0["start"] as? String }.dropFirst().first == "2026-03-29T03:30:00+02:00")
        let said = try clinic.expectSuccess(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "2026-03-15 02:30",
                                             "--provider", "Night desk", "--dry-run"]).stdout
        #expect(said.contains("Note: Session 2: 02:30 does not exist on Sun 29 Mar 2026"), "\(said)")
        let typed = try clinic.run(["book", "--customer", "Marie Schmidt", "--service", "learn to drive", "--start", "2026-03-29 02:30",
                                    "--provider", "Night desk"])
        #expect(typed.status == 2 && typed.stderr.contains("e.g. 03:30"), "\(typed.stderr)")
    }

    /// Item 11: typos in the year are caught: the horizon is named; year 0 is out of range.
    @Test func typosInTheYearAreCaught() throws {
        let clinic = try Clinic(now: "2026-03-04T09:00:00+01:00")
        for start in ["9999-03-10 14:00", "+9999w", "+9999m"] {
            let far = try clinic.run(["book", "--customer", "Marie Schmidt", "--service", "learn to drive", "--start", start])
            #expect(far.status != 0, "\(start) was booked")
            #expect(far.stderr.contains("booking horizon of 730 days") || far.stderr.contains("out of range"), "\(start): \(far.stderr)")
        }
        let zero = try clinic.run(["book", "--customer", "Marie Schmidt", "--service", "learn to drive", "--start", "0000-03-10 14:00"])
        #expect(zero.status == 2 && zero.stderr.contains("year 0 is out of range") && !zero.stderr.contains("daylight"), "\(zero.stderr)")
        // The horizon comes from the configuration.
        let config = clinic.folder.appendingPathComponent("config/frontdesk")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "max_booking_horizon_days = 30\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let short = try ProcessRunner.run(["book", "--customer", "Marie Schmidt", "--service", "learn to drive", "--start", "2026-05-10 14:00",
                                           "--db", clinic.db],
                                          environment: ["FRONTDESK_NOW": clinic.now, "XDG_CONFIG_HOME": clinic.folder.appendingPathComponent("config").path])
        #expect(short.status == 1 && short.stderr.contains("booking horizon of 30 days"), "\(short.stderr)")
    }

    /// Issue 8: every `frontdesk …` command a message names exists (today's hints named two that did not).
    @Test func everyCommandAHintNamesExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var named = Set<[String]>()
        let pattern = try NSRegularExpression(pattern: "[`\"]frontdesk((?: [a-z][a-z-]*)*)")
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where file.pathExtension == "swift" {
            // Messages, not comments: a doc comment may describe a command another branch adds.
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            for line in lines.map(String.init) {
                for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    let words = (line as NSString).substring(with: match.range(at: 1)).split(separator: " ").map(String.init)
                    named.insert(words)
                }
            }
        }
        #expect(named.contains(["groups"]) && named.contains(["agenda"]), "the hints for treatments and bookings: \(named)")
        #expect(!named.contains(["booking", "list"]) && !named.contains(["treatment", "list"]))
        for words in named {
            let help = try ProcessRunner.run(words + ["--help"])
            let usage = (["USAGE: frontdesk"] + words).joined(separator: " ")
            #expect(help.status == 0 && help.stdout.contains(usage), "`frontdesk \(words.joined(separator: " "))` is named in a message but does not exist")
        }
    }
}
