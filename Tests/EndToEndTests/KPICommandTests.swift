import Foundation
import FrontdeskTestSupport
import Testing

/// `frontdesk kpi` through the real binary: the figures with their definitions, the period and filter
/// options, the weekly series, and the counter check.
@Suite struct KPICommandTests {
    typealias Clinic = CommandLineScenarioTests.Clinic

    /// The implant treatment booked on 4 March (10 March, 24 March, 23 April) and all three completed on 24 April.
    func completedImplant() throws -> (Clinic, (String...) throws -> ProcessRunner.Result) {
        let clinic = try Clinic(now: "2026-03-04T09:00:00+01:00")
        let booked = try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "March 10 at 2pm"])
        let ids = try #require((booked["bookings"] as? [[String: Any]])?.compactMap { $0["id"] as? Int })
        let later = { (arguments: String...) throws -> ProcessRunner.Result in
            try ProcessRunner.run(arguments + ["--db", clinic.db], environment: ["FRONTDESK_NOW": "2026-04-24T10:00:00+02:00"])
        }
        for id in ids { #expect(try later("complete", "\(id)").status == 0) }
        return (clinic, later)
    }

    func figures(_ result: ProcessRunner.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(ProcessRunner.json(result) as? [String: Any], "not JSON: \(result.stdout)")
        return try #require(object["figures"] as? [String: Any])
    }

    @Test func figuresFollowThePeriodAsJSON() throws {
        let (_, later) = try completedImplant()
        let all = try figures(try later("kpi", "--json"))
        #expect(all["active_treatments"] as? Int == 0)
        let rate = try #require(all["completion_rate"] as? [String: Any])
        #expect(rate["text"] as? String == "100 % (1 of 1)")
        #expect(rate["numerator"] as? Int == 1 && rate["denominator"] as? Int == 1 && rate["ended_early"] as? Int == 0)
        let noShow = try #require(all["no_show_rate"] as? [String: Any])
        #expect(noShow["denominator"] as? Int == 3)
        let april = try figures(try later("kpi", "--period", "month", "--json"))
        #expect((april["completion_rate"] as? [String: Any])?["denominator"] as? Int == 1)
        #expect((april["no_show_rate"] as? [String: Any])?["denominator"] as? Int == 1)
        let march = try figures(try later("kpi", "--from", "2026-03-01", "--to", "2026-03-31", "--json"))
        #expect((march["completion_rate"] as? [String: Any])?["text"] as? String == "– (0 of 0)")
        #expect((march["no_show_rate"] as? [String: Any])?["denominator"] as? Int == 2)
        let today = try #require(all["sessions_today"] as? [String: Any])
        #expect(today["booked"] as? Int == 0 && today["completed"] as? Int == 0)
        let week = try #require(all["sessions_this_week"] as? [String: Any])
        #expect(week["completed"] as? Int == 1) // the crown, Thursday 23 April
    }

    @Test func textShowsEachFigureWithItsDefinition() throws {
        let (_, later) = try completedImplant()
        let result = try later("kpi")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Period for the rates: all time"))
        #expect(result.stdout.contains("Completion rate                 100 % (1 of 1)"))
        #expect(result.stdout.contains("Completed ÷ closed treatments (completed + cancelled + ended early + expired)"))
        #expect(result.stdout.contains("a no-show is not a completion"))
        let filtered = try later("kpi", "--provider", "Dr. Keller", "--service", "implant")
        #expect(filtered.status == 0 && filtered.stdout.contains("Provider: Dr. Keller"))
        #expect(filtered.stdout.contains("Service: Dental Implant - Complete Treatment"))
    }

    @Test func weeksListTheSeriesAroundThisWeek() throws {
        let (_, later) = try completedImplant()
        let result = try later("kpi", "--weeks", "--json")
        let weeks = try #require(ProcessRunner.json(result) as? [[String: Any]], "not a JSON array: \(result.stdout)")
        #expect(weeks.count == 17)
        #expect(weeks[12]["week_start"] as? String == "2026-04-20")
        #expect(weeks[12]["completed"] as? Int == 1)
        #expect(weeks.first?["week_start"] as? String == "2026-01-26")
        let text = try later("kpi", "--weeks")
        #expect(text.stdout.contains("2026-04-20          1       0        0"))
    }

    @Test func listsBehindTheTilesAsJSON() throws {
        let (clinic, later) = try completedImplant()
        let physio = try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "physio", "--start", "March 5 at 10am"])
        let session = try #require((physio["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        #expect(try later("complete", "\(session)").status == 0)
        let overdue = try later("kpi", "--list", "overdue", "--json")
        let groups = try #require(ProcessRunner.json(overdue) as? [[String: Any]], "\(overdue.stdout) \(overdue.stderr)")
        #expect(groups.map { $0["strategy"] as? String } == ["sequential"])
        #expect((groups.first?["progress"] as? [String: Any])?["completed"] as? Int == 1)
        let today = try #require(ProcessRunner.json(try later("kpi", "--list", "today", "--json")) as? [[String: Any]])
        #expect(today.isEmpty)
        #expect(try later("kpi", "--list", "soon").status == 2)
    }

    @Test func badOptionsAreInvalidInput() throws {
        let (clinic, _) = try completedImplant()
        for arguments in [["kpi", "--from", "2026-03-01"], ["kpi", "--period", "fortnight"],
                          ["kpi", "--from", "2026-03-31", "--to", "2026-03-01"], ["kpi", "--from", "1.3.2026", "--to", "2026-03-31"],
                          ["kpi", "--provider", "Nobody"], ["kpi", "--period", "week", "--from", "2026-03-01", "--to", "2026-03-31"]] {
            let result = try clinic.run(arguments)
            #expect(result.status == 2, "\(arguments) exited \(result.status)")
            #expect(result.stdout.isEmpty && result.stderr.hasPrefix("frontdesk: "), "\(arguments): \(result.stderr)")
        }
    }

    @Test func verifyFindsADifferenceAndRebuildRepairsIt() throws {
        let (clinic, _) = try completedImplant()
        let clean = try clinic.run(["kpi", "--verify"])
        #expect(clean.status == 0 && clean.stdout.contains("match"))
        let tamper = Process()
        tamper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tamper.arguments = ["sqlite3", clinic.db, "UPDATE kpi_sessions SET sessions = sessions + 1 WHERE provider_id = 0 AND service_id = 0"]
        try tamper.run()
        tamper.waitUntilExit()
        #expect(tamper.terminationStatus == 0)
        let broken = try clinic.run(["kpi", "--verify"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("kpi_sessions kept, not recounted"))
        #expect(broken.stderr.contains("kpi --rebuild"))
        let brokenJSON = try clinic.run(["kpi", "--verify", "--json"])
        #expect(brokenJSON.status == 1)
        let refusal = try #require(ProcessRunner.json(brokenJSON) as? [String: Any], "one JSON document: \(brokenJSON.stdout)")
        #expect(refusal["exit_code"] as? Int == 1)
        #expect((refusal["reasons"] as? [String])?.contains { $0.hasPrefix("kpi_sessions kept, not recounted") } == true)
        #expect(try clinic.run(["kpi", "--rebuild"]).status == 0)
        let repaired = try clinic.run(["kpi", "--verify", "--json"])
        #expect(repaired.status == 0)
        #expect((ProcessRunner.json(repaired) as? [String: Any])?["ok"] as? Bool == true)
    }
}
