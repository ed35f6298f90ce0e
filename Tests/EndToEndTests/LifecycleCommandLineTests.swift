import Foundation
import FrontdeskTestSupport
import Testing

/// Issue 12 items 1–3, 9 and 12 through the real binary: no-shows, `end`, `complete --early`,
/// `reopen`, `extend`, and the states `groups` reports.
@Suite struct LifecycleCommandLineTests {
    /// A fresh clinic whose clock each command can set (`FRONTDESK_NOW`).
    final class Clinic {
        let folder: URL
        let db: String
        var now: String

        init(now: String) throws {
            self.now = now
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-lifecycle-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            db = folder.appendingPathComponent("clinic.sqlite").path
            try expectSuccess(["init", "--timezone", "Europe/Zurich"])
            try expectSuccess(["provider", "add", "--name", "Dr. Keller", "--hours", "Mon-Sat 08:00-20:00"])
            let laser = """
                {"name": "Laser Hair Removal", "requires_multiple_sessions": true, "total_sessions_required": 2,
                 "multi_session_strategy": "immediate", "session_buffer_config": {"default_days": 28}, "duration_minutes": 30}
                """
            for (name, json) in [("laser", laser), ("driving", ClinicFixture.drivingLessonsJSON)] {
                let file = folder.appendingPathComponent("\(name).json")
                try json.write(to: file, atomically: true, encoding: .utf8)
                try expectSuccess(["service", "import", file.path])
            }
            try expectSuccess(["customer", "add", "--name", "Marie Schmidt"])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func run(_ arguments: [String]) throws -> ProcessRunner.Result {
            try ProcessRunner.run(arguments + ["--db", db], environment: ["FRONTDESK_NOW": now])
        }

        @discardableResult
        func expectSuccess(_ arguments: [String]) throws -> ProcessRunner.Result {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }

        func json(_ arguments: [String]) throws -> [String: Any] {
            let result = try expectSuccess(arguments + ["--json"])
            return try #require(ProcessRunner.json(result) as? [String: Any], "not JSON: \(result.stdout)")
        }

        func groups(_ arguments: [String] = []) throws -> [[String: Any]] {
            let result = try expectSuccess(["groups"] + arguments + ["--json"])
            return try #require(ProcessRunner.json(result) as? [[String: Any]], "not JSON: \(result.stdout)")
        }

        /// Books the 2-session laser from `start`: returns the group id.
        func bookLaserFrom(_ start: String) throws -> String {
            let booked = try json(["book", "--customer", "Marie", "--service", "Laser", "--start", start])
            return try #require((booked["bookings"] as? [[String: Any]])?.first?["session_group_id"] as? String)
        }

        /// Books the 2-session laser from 2 March 10:00: returns the group id and the two booking ids.
        func bookLaser() throws -> (group: String, first: Int, second: Int) {
            let booked = try json(["book", "--customer", "Marie", "--service", "Laser", "--start", "2026-03-02 10:00"])
            let bookings = try #require(booked["bookings"] as? [[String: Any]])
            return (try #require(bookings[0]["session_group_id"] as? String), try #require(bookings[0]["id"] as? Int),
                    try #require(bookings[1]["id"] as? Int))
        }
    }

    @Test func aNoShowOnTheLastSessionIsNotACompletionThroughTheBinary() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let laser = try clinic.bookLaser()
        clinic.now = "2026-03-30T11:00:00+02:00"
        try clinic.expectSuccess(["complete", "\(laser.first)"])
        try clinic.expectSuccess(["no-show", "\(laser.second)"])
        let group = try #require(try clinic.groups().first)
        #expect(group["state"] as? String == "to_book")
        #expect((group["progress"] as? [String: Any])?["remaining"] as? Int == 1)
        let kpi = try clinic.expectSuccess(["kpi"]).stdout
        let rate = kpi.split(separator: "\n").first { $0.hasPrefix("Completion rate ") }.map(String.init) ?? ""
        #expect(rate.contains("– (0 of 0)"), "\(kpi)")
        #expect(try clinic.groups(["--state", "to_book"]).count == 1)
        let followUps = try clinic.expectSuccess(["followups"]).stdout
        #expect(followUps.contains("We missed you at Session 2 of 2"), "\(followUps)")
        // Booking the missed number again.
        let again = try clinic.json(["book", "--group", laser.group, "--start", "2026-04-01 10:00"])
        #expect((again["bookings"] as? [[String: Any]])?.first?["session_number"] as? Int == 2)
        #expect(try clinic.groups().first?["state"] as? String == "active")
    }

    @Test func endATreatmentWithAReason() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let laser = try clinic.bookLaser()
        clinic.now = "2026-03-02T11:00:00+01:00"
        try clinic.expectSuccess(["complete", "\(laser.first)"])
        let ended = try clinic.expectSuccess(["end", laser.group, "--reason", "clinical decision"])
        #expect(ended.stdout.contains("Ended early (clinical decision)"), "\(ended.stdout)")
        #expect(ended.stdout.contains("Cancelled: #\(laser.second)"), "\(ended.stdout)")
        let group = try #require(try clinic.groups().first)
        #expect(group["state"] as? String == "ended")
        #expect((group["ended"] as? [String: Any])?["reason"] as? String == "clinical decision")
        let kpi = try clinic.json(["kpi"])
        // The completion rate's figure, wherever the report nests it.
        func rate(_ value: Any) -> [String: Any]? {
            if let object = value as? [String: Any] {
                if let found = object["completion_rate"] as? [String: Any], found["denominator"] != nil { return found }
                return object.values.lazy.compactMap(rate).first
            }
            return (value as? [Any])?.lazy.compactMap(rate).first
        }
        let counts = rate(kpi)
        #expect(counts?["numerator"] as? Int == 0 && counts?["denominator"] as? Int == 1, "\(kpi)")
        #expect(counts?["ended_early"] as? Int == 1)
        let again = try clinic.run(["end", laser.group, "--reason", "moved away"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already ended"), "\(again.stderr)")
        let missing = try clinic.run(["end", laser.group])
        #expect(missing.status == 2)
        let other = try clinic.bookLaserFrom("2026-04-06 10:00")
        let escaped = try clinic.expectSuccess(["end", other, "--reason", "moved\u{1b}[2J away"])
        #expect(!escaped.stdout.contains("\u{1b}"), "the reason reached the terminal raw")
        #expect(escaped.stdout.contains("moved\\u{1b}[2J away"), "\(escaped.stdout)")
    }

    @Test func completingTheFutureNeedsEarly() throws {
        let clinic = try Clinic(now: "2026-12-01T09:00:00+01:00")
        let booked = try clinic.json(["book", "--customer", "Marie", "--service", "driving", "--start", "2027-01-19 14:00"])
        let id = try #require((booked["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        let refused = try clinic.run(["complete", "\(id)"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Tue 19 Jan 2027 14:00"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--early"), "\(refused.stderr)")
        #expect(try clinic.groups().first?["progress"].map { ($0 as? [String: Any])?["completed"] as? Int } == 0)
        let early = try clinic.expectSuccess(["complete", "\(id)", "--early"])
        #expect(early.stdout.contains("completed"), "\(early.stdout)")
    }

    @Test func reopenUndoesAnOutcome() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let laser = try clinic.bookLaser()
        clinic.now = "2026-03-30T11:00:00+02:00"
        try clinic.expectSuccess(["complete", "\(laser.first)"])
        try clinic.expectSuccess(["complete", "\(laser.second)"])
        #expect(try clinic.groups().first?["state"] as? String == "completed")
        let reopened = try clinic.expectSuccess(["reopen", "\(laser.second)"])
        #expect(reopened.stdout.contains("Reopened (was completed)"), "\(reopened.stdout)")
        #expect(reopened.stdout.contains("open again"), "\(reopened.stdout)")
        #expect(try clinic.groups().first?["state"] as? String == "active")
        let twice = try clinic.run(["reopen", "\(laser.second)"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("confirmed"), "\(twice.stderr)")
    }

    @Test func reopenRefusesWhenSomeoneHasTheSlot() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        try clinic.expectSuccess(["customer", "add", "--name", "Thomas Weber"])
        let first = try clinic.json(["book", "--customer", "Marie", "--service", "driving", "--start", "2026-03-09 17:00"])
        let id = try #require((first["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        try clinic.expectSuccess(["cancel", "\(id)"])
        try clinic.expectSuccess(["book", "--customer", "Thomas", "--service", "driving", "--start", "2026-03-09 17:00"])
        let refused = try clinic.run(["reopen", "\(id)"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Thomas Weber"), "\(refused.stderr)")
    }

    @Test func extendAnExpiredPackage() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let booked = try clinic.json(["book", "--customer", "Marie", "--service", "driving", "--start", "2026-03-02 17:00"])
        let id = try #require((booked["bookings"] as? [[String: Any]])?.first?["id"] as? Int)
        let group = try #require((booked["bookings"] as? [[String: Any]])?.first?["session_group_id"] as? String)
        clinic.now = "2026-03-02T18:00:00+01:00"
        try clinic.expectSuccess(["complete", "\(id)"])
        clinic.now = "2026-09-01T09:00:00+02:00"
        #expect(try clinic.groups().first?["state"] as? String == "expired")
        // Booking into it is refused at once, saying how to extend it.
        let refused = try clinic.run(["book", "--group", group, "--start", "2026-09-07 17:00"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("expired on") && refused.stderr.contains("frontdesk extend \(group) --until"), "\(refused.stderr)")
        let extended = try clinic.expectSuccess(["extend", group, "--until", "2026-12-31"])
        #expect(extended.stdout.contains("Extended until Thu 31 Dec 2026"), "\(extended.stdout)")
        #expect(try clinic.groups().first?["state"] as? String == "to_book")
        let bad = try clinic.run(["extend", group, "--until", "someday"])
        #expect(bad.status == 2)
        let audit = try clinic.run(["audit"])
        if audit.status == 0 { #expect(audit.stdout.contains("extend"), "\(audit.stdout)") }
    }

    @Test func groupsListsWhatNeedsTheDesksAttention() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let laser = try clinic.bookLaser()
        try clinic.expectSuccess(["book", "--customer", "Marie", "--service", "driving", "--start", "2026-03-20 17:00"])
        clinic.now = "2026-03-02T12:00:00+01:00"
        // The laser's first session ended at 10:30 and nobody marked it.
        let waiting = try clinic.groups(["--state", "needs_outcome"])
        #expect(waiting.map { $0["session_group_id"] as? String } == [laser.group])
        #expect(try clinic.groups(["--state", "needs-outcome"]).count == 1)
        let text = try clinic.expectSuccess(["groups"]).stdout
        #expect(text.contains("active"), "\(text)")
        try clinic.expectSuccess(["no-show", "\(laser.first)"])
        #expect(try clinic.groups(["--state", "needs_outcome"]).isEmpty)
        #expect(try clinic.groups(["--state", "to_book"]).map { $0["session_group_id"] as? String } == [laser.group])
        let bad = try clinic.run(["groups", "--state", "pending"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("to_book"), "\(bad.stderr)")
    }

    @Test func rebookingAMissedSessionCanMoveTheLaterOnesAlong() throws {
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let file = clinic.folder.appendingPathComponent("implant.json")
        try ClinicFixture.dentalImplantJSON.write(to: file, atomically: true, encoding: .utf8)
        try clinic.expectSuccess(["service", "import", file.path])
        let booked = try clinic.json(["book", "--customer", "Marie", "--service", "implant", "--start", "2026-03-10 14:00"])
        let ids = try #require((booked["bookings"] as? [[String: Any]])?.compactMap { $0["id"] as? Int })
        let group = try #require((booked["bookings"] as? [[String: Any]])?.first?["session_group_id"] as? String)
        clinic.now = "2026-03-24T16:00:00+01:00"
        try clinic.expectSuccess(["complete", "\(ids[0])"])
        try clinic.expectSuccess(["no-show", "\(ids[1])"])

        let refused = try clinic.run(["book", "--group", group, "--start", "2026-03-31 14:00"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--move-later"), "\(refused.stderr)")
        #expect(refused.stderr.contains("session 3 Thu 23 Apr 2026 14:00 → Thu 30 Apr 2026 14:00"), "\(refused.stderr)")
        let preview = try clinic.expectSuccess(["book", "--group", group, "--start", "2026-03-31 14:00", "--move-later", "--dry-run"])
        #expect(preview.stdout.contains("Would book"), "\(preview.stdout)")
        #expect(try clinic.groups().first?["state"] as? String == "to_book")
        let done = try clinic.json(["book", "--group", group, "--start", "2026-03-31 14:00", "--move-later"])
        let starts = (done["bookings"] as? [[String: Any]])?.compactMap { $0["start"] as? String }
        #expect(starts == ["2026-03-31T14:00:00+02:00", "2026-04-30T14:00:00+02:00"])
        #expect(try clinic.groups().first?["state"] as? String == "active")
    }
}
