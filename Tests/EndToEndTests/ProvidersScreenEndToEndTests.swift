import Foundation
import FrontdeskTestSupport
import Testing

/// The Providers and Closed days views in the real binary (tmux): a manager adds a provider with
/// split weekday hours and closes the clinic on a day, and the command line sees both; with another
/// manager configured both editors only read.
@Suite(.serialized) struct ProvidersScreenEndToEndTests {
    typealias Clinic = ServiceCommandLineTests.Clinic

    @Test func aManagerAddsAProviderWithSplitWeekdayHoursAndAClosedDay() throws {
        let clinic = try Clinic()
        try clinic.ok(["service", "import", try clinic.file("laser.json", ServiceCommandLineTests.laserJSON)])
        let tmux = try TmuxSession(command: ServicesScreenEndToEndTests.pane(clinic), width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("S")
        try tmux.waitFor("Laser Hair Removal")
        try tmux.send("v")
        try tmux.waitFor("Dr Keller")
        try tmux.send("n")
        try tmux.waitFor("New provider")
        try tmux.type("Dr Roth")
        // Weekly hours (the text form), then Monday to Friday one field each.
        try tmux.send("Down")
        for _ in 0..<5 {
            try tmux.send("Down", "C-u")
            try tmux.type("08:00-12:00, 13:00-18:00")
        }
        try tmux.waitFor("Weekly hours Mon-Fri 08:00-12:00 13:00-18:00")
        // Saturday, Sunday, Active, then the services.
        try tmux.send("Down", "Down", "Down", "Down")
        try tmux.type("Laser Hair Removal")
        try tmux.send("F2")
        try tmux.waitFor("Added the provider Dr Roth: Mon-Fri 08:00-12:00 13:00-18:00.")
        try tmux.waitFor("Provider: Dr Roth")
        try tmux.send("Escape")
        try tmux.waitFor("Dr Roth")

        // The clinic's closed days: the third view.
        try tmux.send("v")
        try tmux.waitFor("No closed days.")
        try tmux.send("n")
        try tmux.waitFor("Close the clinic on a day")
        try tmux.type("2026-12-25")
        try tmux.send("Tab")
        try tmux.type("Christmas")
        try tmux.send("F2")
        try tmux.waitFor("The clinic is closed on Fri 25 Dec; every planner skips it.")
        try tmux.waitFor("1 closed day")
        try tmux.send("q")
        try tmux.waitFor("exit=0")

        let shown = try #require(try clinic.json(["provider", "show", "Dr Roth"]) as? [String: Any])
        #expect(shown["hours"] as? String == "Mon-Fri 08:00-12:00 13:00-18:00")
        #expect(shown["services"] as? [String] == ["Laser Hair Removal"])
        #expect(shown["active"] as? Bool == true)
        let closed = try #require(try clinic.json(["clinic", "closed", "list"]) as? [[String: Any]])
        #expect(closed.map { $0["day"] as? String } == ["2026-12-25"] && closed.first?["reason"] as? String == "Christmas")
        let audit = try #require(try clinic.json(["audit"]) as? [[String: Any]])
        #expect(audit.contains { $0["entity"] as? String == "provider" && $0["action"] as? String == "add" })
        #expect(audit.contains { $0["entity"] as? String == "clinic_closed_day" && $0["entity_id"] as? String == "2026-12-25" })
        // A booking on the closed day is refused with its reason.
        let refused = try clinic.run(["book", "--customer", "Anna Berg", "--service", "Laser Hair Removal", "--provider", "Dr Roth",
                                      "--start", "2026-12-25 09:00"])
        #expect(refused.status == 1 && refused.stderr.contains("The clinic is closed on Fri 25 Dec (Christmas)"), "\(refused.stderr)")
    }

    @Test func withSomebodyElseAsManagerTheProviderAndClosedDayEditorsOnlyRead() throws {
        let clinic = try Clinic()
        try clinic.ok(["clinic", "closed", "add", "2026-12-25", "--reason", "Christmas"])
        try clinic.configure("managers = [\"somebody-else\"]\n")
        let tmux = try TmuxSession(command: ServicesScreenEndToEndTests.pane(clinic), width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("S")
        try tmux.waitFor("Read only: Only managers may change services")
        try tmux.send("v")
        try tmux.waitFor("Dr Keller")
        var screen = try tmux.capture()
        #expect(!screen.contains("F2 New"), "no New for a non-manager:\n\(screen)")
        try tmux.send("n")
        try tmux.waitUntil("the reason on the status line") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            return lines.dropLast().last?.hasPrefix(" Only managers may change services") == true && !screen.contains("New provider")
        }
        // The existing provider opens read-only: the weekday fields take no typing.
        try tmux.send("Enter")
        try tmux.waitFor("Provider: Dr Keller")
        try tmux.waitFor("Tuesday")
        try tmux.send("Down", "Down", "Down")
        try tmux.type("99")
        try tmux.send("F2")
        screen = try tmux.capture()
        #expect(!screen.contains("08:00-18:0099") && !screen.contains("F2 Save"), "\(screen)")
        try tmux.send("Escape")

        try tmux.send("v")
        try tmux.waitFor("Christmas")
        try tmux.send("n")
        try tmux.send("x")
        screen = try tmux.capture()
        #expect(!screen.contains("Close the clinic on a day") && !screen.contains("Open the clinic on"), "\(screen)")
        #expect(screen.contains("Only managers may change services, providers and closed days"))
        try tmux.send("q")
        try tmux.waitFor("exit=0")

        let closed = try #require(try clinic.json(["clinic", "closed", "list"]) as? [[String: Any]])
        #expect(closed.map { $0["day"] as? String } == ["2026-12-25"])
        let keller = try #require(try clinic.json(["provider", "show", "Dr Keller"]) as? [String: Any])
        #expect(keller["hours"] as? String == "Mon-Fri 08:00-18:00")
        let added = try clinic.run(["provider", "add", "Dr Roth"])
        #expect(added.status == 1 && added.stderr.contains("Only managers"), "\(added.stderr)")
    }
}

extension ServiceCommandLineTests {
    @Test func providerAddTakesTheNameAndTheServicesItDelivers() throws {
        let clinic = try Clinic()
        try clinic.ok(["service", "import", try clinic.file("laser.json", Self.laserJSON)])
        let added = try #require(try clinic.json(["provider", "add", "Dr Roth", "--hours", "Mon-Fri 08:00-12:00 13:00-18:00",
                                                  "--service", "Laser Hair Removal"]) as? [String: Any])
        #expect(added["name"] as? String == "Dr Roth" && added["services"] as? [String] == ["Laser Hair Removal"])
        #expect(added["hours"] as? String == "Mon-Fri 08:00-12:00 13:00-18:00")
        // Dr Keller, who delivered everything, still delivers the laser service.
        let keller = try #require(try clinic.json(["provider", "show", "Dr Keller"]) as? [String: Any])
        #expect(keller["services"] as? [String] == ["Laser Hair Removal"])

        let unknown = try clinic.run(["provider", "add", "Dr Vogel", "--service", "Massage"])
        #expect(unknown.status != 0 && unknown.stderr.contains("Massage"), "\(unknown.stderr)")
        #expect(try clinic.run(["provider", "show", "Dr Vogel"]).status != 0, "nothing was written")
        let nameless = try clinic.run(["provider", "add"])
        #expect(nameless.status == 2 && nameless.stderr.contains("Give the provider's name"))
        let twice = try clinic.run(["provider", "add", "A", "--name", "B"])
        #expect(twice.status == 2)
        let overlapping = try clinic.run(["provider", "edit", "Dr Roth", "--hours", "Mon-Fri 08:00-12:00 11:00-18:00"])
        #expect(overlapping.status == 2 && overlapping.stderr.contains("overlap"), "\(overlapping.stderr)")
        let audit = try #require(try clinic.json(["audit"]) as? [[String: Any]])
        #expect(audit.filter { $0["entity"] as? String == "provider" && $0["action"] as? String == "add" }.count == 2)
        #expect(!audit.contains { $0["entity"] as? String == "provider" && $0["action"] as? String == "update" })
    }
}
