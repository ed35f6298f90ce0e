import Foundation
import FrontdeskTestSupport
import Testing

/// SPEC §7 through the real binary, as a script or cron job would drive it.
@Suite struct CommandLineScenarioTests {
    /// A fresh database in Europe/Zurich with the guide's services, one provider and one customer.
    final class Clinic {
        let folder: URL
        let db: String
        let now: String

        init(now: String) throws {
            self.now = now
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            db = folder.appendingPathComponent("clinic.sqlite").path
            try expectSuccess(["init", "--timezone", "Europe/Zurich"])
            try expectSuccess(["provider", "add", "--name", "Dr. Keller", "--hours", "Mon-Sat 08:00-20:00"])
            for (name, json) in [("implant", ClinicFixture.dentalImplantJSON), ("physio", ClinicFixture.physiotherapyJSON),
                                 ("driving", ClinicFixture.drivingLessonsJSON)] {
                let file = folder.appendingPathComponent("\(name).json")
                try json.write(to: file, atomically: true, encoding: .utf8)
                try expectSuccess(["service", "import", file.path])
            }
            try expectSuccess(["customer", "add", "--name", "Marie Schmidt", "--phone", "+41 79 555 01 02"])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
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
    }

    @Test func immediateImplantThroughTheBinary() throws {
        let clinic = try Clinic(now: "2026-03-04T09:00:00+01:00")
        let booked = try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "implant", "--start", "March 10 at 2pm"])
        let bookings = try #require(booked["bookings"] as? [[String: Any]])
        #expect(bookings.map { $0["start"] as? String } == ["2026-03-10T14:00:00+01:00", "2026-03-24T14:00:00+01:00", "2026-04-23T14:00:00+02:00"])
        #expect(bookings.map { $0["session_number"] as? Int } == [1, 2, 3])
        #expect(bookings.allSatisfy { $0["total_sessions"] as? Int == 3 && $0["is_part_of_multi_session"] as? Bool == true })
        #expect(Set(bookings.compactMap { $0["session_group_id"] as? String }).count == 1)
        #expect(bookings.map { $0["label"] as? String } == ["Implant placement", "Healing check", "Crown installation"])
        #expect(bookings.allSatisfy { $0["customer"] as? String == "Marie Schmidt" && $0["provider"] as? String == "Dr. Keller" })
        #expect(bookings.allSatisfy { $0["status"] as? String == "confirmed" && $0["end"] is String && $0["id"] is Int })
    }

    @Test func immediateWithTheMonthsFormThroughTheBinary() throws {
        let clinic = try Clinic(now: "2026-03-04T09:00:00+01:00")
        let months = ClinicFixture.dentalImplantJSON
            .replacingOccurrences(of: "\"session_2_to_3_days\": 30", with: "\"session_2_to_3_months\": 1")
            .replacingOccurrences(of: "Dental Implant - Complete Treatment", with: "Implant (monthly crown)")
        let file = clinic.folder.appendingPathComponent("months.json")
        try months.write(to: file, atomically: true, encoding: .utf8)
        try clinic.expectSuccess(["service", "import", file.path])
        let booked = try clinic.json(["book", "--customer", "1", "--service", "Implant (monthly crown)", "--start", "2026-03-10 14:00"])
        let bookings = try #require(booked["bookings"] as? [[String: Any]])
        #expect(bookings.map { $0["start"] as? String } == ["2026-03-10T14:00:00+01:00", "2026-03-24T14:00:00+01:00", "2026-04-24T14:00:00+02:00"])
    }

    @Test func sequentialPhysiotherapyThroughTheBinary() throws {
        let clinic = try Clinic(now: "2026-03-09T09:00:00+01:00")
        let first = try clinic.json(["book", "--customer", "Marie", "--service", "physio", "--start", "tomorrow 10am"])
        let session1 = try #require((first["bookings"] as? [[String: Any]])?.first)
        #expect(session1["session_number"] as? Int == 1)
        #expect(session1["total_sessions"] as? Int == 8)
        #expect(session1["start"] as? String == "2026-03-10T10:00:00+01:00")
        let group = try #require(session1["session_group_id"] as? String)
        let groups = try #require(ProcessRunner.json(try clinic.expectSuccess(["groups", "--json"])) as? [[String: Any]])
        #expect((groups.first?["progress"] as? [String: Any])?["booked"] as? Int == 1)
        #expect((groups.first?["progress"] as? [String: Any])?["remaining"] as? Int == 7)

        // Booking session 2 before session 1 is completed is refused, with nothing written.
        let early = try clinic.run(["book", "--group", group, "--start", "fri 10am"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("not completed"))

        let id = try #require(session1["id"] as? Int)
        let completed = try ProcessRunner.run(["complete", "\(id)", "--db", clinic.db, "--json"],
                                              environment: ["FRONTDESK_NOW": "2026-03-10T11:00:00+01:00"])
        #expect(completed.status == 0, "\(completed.stderr)")
        let outcome = try #require(ProcessRunner.json(completed) as? [String: Any])
        let window = try #require(outcome["next_window"] as? [String: Any])
        #expect((window["earliest"] as? String)?.hasPrefix("2026-03-12") == true)
        #expect((window["latest"] as? String)?.hasPrefix("2026-03-17") == true)
        #expect(outcome["suggested_next"] is String)

        let followUps = try ProcessRunner.run(["followups", "--db", clinic.db, "--json"], environment: ["FRONTDESK_NOW": "2026-03-10T11:00:00+01:00"])
        let pending = try #require(ProcessRunner.json(followUps) as? [[String: Any]])
        #expect(pending.contains { $0["kind"] as? String == "next_session" && ($0["text"] as? String)?.contains("Session 2") == true })

        let second = try ProcessRunner.run(["book", "--group", group, "--start", "fri 10am", "--db", clinic.db, "--json"],
                                           environment: ["FRONTDESK_NOW": "2026-03-10T11:00:00+01:00"])
        #expect(second.status == 0, "\(second.stderr)")
        let session2 = try #require(((ProcessRunner.json(second) as? [String: Any])?["bookings"] as? [[String: Any]])?.first)
        #expect(session2["session_number"] as? Int == 2)
        #expect(session2["session_group_id"] as? String == group)
        #expect(session2["start"] as? String == "2026-03-13T10:00:00+01:00")
        let agenda = try #require(ProcessRunner.json(try clinic.expectSuccess(["agenda", "--from", "2026-03-10", "--days", "7", "--json"])) as? [[String: Any]])
        #expect(agenda.first { $0["session_number"] as? Int == 1 }?["status"] as? String == "completed")
    }

    @Test func flexibleDrivingLessonsThroughTheBinary() throws {
        // Sunday 1 March 2026: the coming Monday, Wednesday and Friday are 2, 4 and 6 March.
        let clinic = try Clinic(now: "2026-03-01T09:00:00+01:00")
        let first = try clinic.json(["book", "--customer", "Marie Schmidt", "--service", "learn to drive",
                                     "--start", "mon 5pm", "--start", "wed 5pm", "--start", "fri 5pm"])
        let lessons = try #require(first["bookings"] as? [[String: Any]])
        #expect(lessons.map { $0["session_number"] as? Int } == [1, 2, 3])
        #expect(lessons.map { $0["start"] as? String } == ["2026-03-02T17:00:00+01:00", "2026-03-04T17:00:00+01:00", "2026-03-06T17:00:00+01:00"])
        #expect(lessons.allSatisfy { $0["total_sessions"] as? Int == 10 })
        let group = try #require((first["group"] as? [String: Any]))
        #expect((group["progress"] as? [String: Any])?["remaining"] as? Int == 7)
        let groupID = try #require(group["session_group_id"] as? String)

        let text = try clinic.expectSuccess(["groups"])
        #expect(text.stdout.contains("7 remaining"))

        let more = try clinic.json(["book", "--group", groupID, "--count", "2", "--pattern", "Mon Wed 18:00"])
        let later = try #require(more["bookings"] as? [[String: Any]])
        #expect(later.map { $0["session_number"] as? Int } == [4, 5])
        #expect(later.allSatisfy { $0["session_group_id"] as? String == groupID })
        // Proposed from the pattern after the last booked lesson (Fri 6 March).
        #expect(later.map { $0["start"] as? String } == ["2026-03-09T18:00:00+01:00", "2026-03-11T18:00:00+01:00"])
    }
}

/// Booking lines on the command line speak the service's own noun, as the screens do.
@Suite struct SessionNounCommandLineTests {
    @Test func drivingLessonsAreCalledLessonsInTheAgendaAndWhenCancelled() throws {
        let demo = try ApplicationEndToEndTests.DemoDatabase()
        let environment = ["FRONTDESK_NOW": ApplicationEndToEndTests.now]
        let agenda = try ProcessRunner.run(["agenda", "--db", demo.path, "--days", "14"], environment: environment)
        #expect(agenda.status == 0, "\(agenda.stderr)")
        let lessons = agenda.stdout.split(separator: "\n").filter { $0.contains("Driving Lessons") }
        #expect(!lessons.isEmpty)
        for line in lessons { #expect(line.contains("Lesson ") && !line.contains("Session "), "\(line)") }
        let id = try #require(lessons.first { $0.contains("[confirmed]") }?.split(separator: " ").first?.dropFirst())
        let cancelled = try ProcessRunner.run(["cancel", "--db", demo.path, String(id), "--confirm-late"], environment: environment)
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.contains("Cancelled: #\(id)  Lesson "), "\(cancelled.stdout)")
    }
}
