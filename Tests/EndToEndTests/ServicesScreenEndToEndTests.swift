import Foundation
import FrontdeskTestSupport
import Testing

/// The Services screen in the real binary (tmux): a manager creates a service in the editor, the
/// command line books exactly the dates the preview showed, invalid input writes nothing, and
/// non-managers only read.
@Suite(.serialized) struct ServicesScreenEndToEndTests {
    typealias Clinic = ServiceCommandLineTests.Clinic

    /// The pane: the application on the clinic's database, with its configuration folder and clock.
    static func pane(_ clinic: Clinic) -> String {
        "unset NO_COLOR; LANG=C.UTF-8 TERM=xterm-256color FRONTDESK_NOW=\(clinic.now) "
            + "XDG_CONFIG_HOME='\(clinic.folder.appendingPathComponent("config").path)' "
            + "'\(ProcessRunner.binary)' --db '\(clinic.db)'; echo \"exit=$?\"; sleep 60"
    }

    /// What `service export` prints now: the services as stored.
    static func export(_ clinic: Clinic) throws -> String {
        try clinic.ok(["service", "export"]).stdout
    }

    /// Clears the focused field and types `text`.
    static func replace(_ tmux: TmuxSession, _ text: String) throws {
        try tmux.send("C-u")
        try tmux.type(text)
    }

    @Test func aManagerCreatesLaserHairRemovalAndBookPlansThePreviewedDates() throws {
        let clinic = try Clinic()
        let tmux = try TmuxSession(command: Self.pane(clinic), width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("S")
        try tmux.waitFor("No services yet")
        let empty = try Self.export(clinic)

        try tmux.send("n")
        try tmux.waitFor("New service")
        try tmux.type("Laser Hair Removal")
        try tmux.send("Down", "Down")
        try Self.replace(tmux, "45")
        try tmux.send("Down")
        try tmux.type("180")
        try tmux.send("Down", "Down", "Down", "Down")
        try Self.replace(tmux, "4")
        try tmux.waitFor("Session 3 → 4")
        try tmux.send("Down", "Down")
        try tmux.type("4 weeks")
        try tmux.send("Down")
        try tmux.type("4 weeks")
        try tmux.send("Down")
        try tmux.type("6 weeks")

        // The preview shows the four dates with their gaps before anything is saved.
        var screen = try tmux.waitFor("Session 4  Thu 8 Oct 2026 10:00  45 min  +42 d (6 weeks)")
        #expect(screen.contains("Session 1  Thu 2 Jul 2026 10:00  45 min"))
        #expect(screen.contains("Session 2  Thu 30 Jul 2026 10:00  45 min  +28 d (4 weeks)"))
        #expect(screen.contains("Session 3  Thu 27 Aug 2026 10:00  45 min  +28 d (4 weeks)"))
        #expect(try Self.export(clinic) == empty)

        // "abc" as a gap: the rule under the field, and Save writes nothing.
        try Self.replace(tmux, "abc")
        try tmux.waitFor("(found “abc”)")
        try tmux.send("F2")
        try tmux.waitFor("Nothing was written")
        #expect(try Self.export(clinic) == empty)
        try Self.replace(tmux, "6 weeks")
        try tmux.waitFor("The form is valid")

        // 0 sessions: the range under the field; nothing is written.
        try tmux.send("Up", "Up", "Up", "Up")
        try Self.replace(tmux, "0")
        try tmux.waitFor("between 1 and 50 (found 0)")
        try tmux.send("F2")
        try tmux.waitFor("Nothing was written")
        #expect(try Self.export(clinic) == empty)
        try Self.replace(tmux, "4")

        // A maximum below the minimum (sequential): the rule under the maximum; nothing is written.
        try tmux.send("Down", "Right")
        try tmux.waitFor("Maximum days")
        try tmux.send("Down")
        try tmux.type("5")
        try tmux.send("Down", "Down")
        try tmux.type("3")
        try tmux.waitFor("is larger than \"maximum_days\" (3)")
        try tmux.send("F2")
        try tmux.waitFor("Nothing was written")
        #expect(try Self.export(clinic) == empty)

        // Back to immediate: the gaps typed before are still there, and Save writes the service.
        try tmux.send("Up", "Up", "Up", "Left")
        screen = try tmux.waitFor("Session 4  Thu 8 Oct 2026 10:00  45 min  +42 d (6 weeks)")
        try tmux.send("F2")
        try tmux.waitFor("Added the service Laser Hair Removal.")
        try tmux.waitFor("4 w, 4 w, then 6 w")
        try tmux.send("q")
        try tmux.waitFor("exit=0")

        let exported = try #require(try clinic.json(["service", "export", "Laser Hair Removal"]) as? [String: Any])
        #expect(exported["price"] as? Int == 180 && exported["duration_minutes"] as? Int == 45)
        #expect(exported["total_sessions_required"] as? Int == 4 && exported["multi_session_strategy"] as? String == "immediate")
        let buffer = try #require(exported["session_buffer_config"] as? [String: Any])
        #expect(buffer.count == 3)
        #expect(buffer["session_1_to_2_weeks"] as? Int == 4 && buffer["session_2_to_3_weeks"] as? Int == 4
                && buffer["session_3_to_4_weeks"] as? Int == 6)

        let booked = try #require(try clinic.json(["book", "--customer", "Anna Berg", "--service", "Laser Hair Removal",
                                                   "--start", "2026-07-02 10:00"]) as? [String: Any])
        let starts = try #require(booked["bookings"] as? [[String: Any]]).compactMap { $0["start"] as? String }
        #expect(starts == ["2026-07-02T10:00:00+02:00", "2026-07-30T10:00:00+02:00", "2026-08-27T10:00:00+02:00",
                           "2026-10-08T10:00:00+02:00"])
    }

    @Test func withSomebodyElseAsManagerTheEditorsAreReadOnly() throws {
        let clinic = try Clinic()
        try clinic.ok(["service", "import", try clinic.file("laser.json", ServiceCommandLineTests.laserJSON)])
        try clinic.configure("managers = [\"somebody-else\"]\n")
        let before = try Self.export(clinic)
        let tmux = try TmuxSession(command: Self.pane(clinic), width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("S")
        try tmux.waitFor("Laser Hair Removal")
        try tmux.waitFor("Read only: Only managers may change services")

        try tmux.send("n")
        try tmux.waitUntil("the reason on the status line") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            return lines.dropLast().last?.hasPrefix(" Only managers may change services") == true && !screen.contains("New service")
        }
        try tmux.send("Enter")
        try tmux.waitFor("Service: Laser Hair Removal")
        var screen = try tmux.waitFor("Session 4")
        #expect(!screen.contains("F2 Save"), "no Save for a non-manager:\n\(screen)")
        try tmux.type("xyz")
        try tmux.send("Down", "Down")
        try tmux.type("99")
        try tmux.send("F2")
        screen = try tmux.capture()
        #expect(!screen.contains("xyz") && !screen.contains("4599"))
        try tmux.send("Escape")
        try tmux.waitFor("Enter Open")

        // The Providers view is read-only too.
        try tmux.send("v")
        try tmux.waitFor("Dr Keller")
        try tmux.send("Enter")
        try tmux.waitFor("Provider: Dr Keller")
        try tmux.type("Sat 09:00-12:00")
        try tmux.send("F2")
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor("exit=0")
        #expect(try Self.export(clinic) == before)
        let provider = try clinic.ok(["provider", "show", "Dr Keller"]).stdout
        #expect(!provider.contains("Sat"))
    }
}
