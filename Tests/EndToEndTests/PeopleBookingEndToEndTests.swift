import Foundation
import FrontdeskTestSupport
import Testing

/// The real binary in tmux on the demo clinic: selling a second flexible package is asked about
/// before anything is booked, and "book the next session" on the Follow-ups screen books it.
@Suite(.serialized) struct PeopleBookingEndToEndTests {
    /// The treatments of one customer, as the command line lists them.
    private func treatments(_ clinic: PeopleScreensEndToEndTests.Clinic, customer: String) throws -> [[String: Any]] {
        let result = try ProcessRunner.run(["groups", "--db", clinic.demo.path, "--customer", customer, "--json"],
                                           environment: ["FRONTDESK_NOW": ApplicationEndToEndTests.now])
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(ProcessRunner.json(result) as? [[String: Any]])
    }

    /// From any screen: b, the customer, the driving lessons.
    private func startDrivingLessons(_ tmux: TmuxSession, for customer: String) throws {
        try tmux.type("b")
        try tmux.waitFor("Who is the booking for?")
        try tmux.type(customer)
        try tmux.waitFor(customer)
        try tmux.send("Enter")
        try tmux.waitFor("Which service?")
        try tmux.type("driving")
        try tmux.waitFor("Driving Lessons - Starter Package")
        try tmux.send("Enter")
    }

    /// One lesson on `day` at 18:00, from the count step to the booked message.
    private func bookOneLesson(_ tmux: TmuxSession, on day: String) throws {
        try tmux.waitFor("How many lessons now?")
        try tmux.type("1")
        try tmux.send("Enter")
        try tmux.waitFor("Type a date for each one")
        try tmux.send("Enter")
        try tmux.type("\(day) at 6pm")
        try tmux.send("Enter")
        try tmux.waitFor("Enter books it in one go")
    }

    @Test func aSecondDrivingPackageIsAskedAboutBeforeItIsBooked() throws {
        let clinic = try PeopleScreensEndToEndTests.Clinic()
        // Thomas Weber has an active package: lessons 1–4 done, 5–7 booked, 3 left.
        let before = try treatments(clinic, customer: "Thomas Weber")
        let packageID = try #require(before.first?["session_group_id"] as? String ?? before.first?["id"] as? String)
        try #require(before.count == 1)
        let tmux = try clinic.open()
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")

        // Asked when the service is chosen; Esc goes back to the service and books nothing.
        try startDrivingLessons(tmux, for: "Thomas Weber")
        let question = try tmux.waitFor("An active package already")
        #expect(question.contains("Thomas Weber already has an active Driving Lessons"))
        #expect(question.contains("3 of 10 lessons left"))
        #expect(question.contains("Book into it") && question.contains("Sell a second package") && question.contains("Go back"))
        try tmux.send("Escape")
        try tmux.waitUntil("back at the service") { $0.contains("Which service?") && !$0.contains("An active package already") }

        // Book into it: lesson 8 of the same package.
        try tmux.send("Enter")
        try tmux.waitFor("An active package already")
        try tmux.type("i")
        try tmux.waitFor("the numbering continues at 8")
        try bookOneLesson(tmux, on: "March 20")
        try tmux.waitFor("Lesson 8 of 10")
        try tmux.send("Enter")
        try tmux.waitFor("Booked Lesson 8 of 10")
        var after = try treatments(clinic, customer: "Thomas Weber")
        #expect(after.count == 1)

        // Sell a second one: a new package of 10, the first left as it was.
        try startDrivingLessons(tmux, for: "Thomas Weber")
        try tmux.waitFor("An active package already")
        try tmux.type("s")
        try tmux.waitFor("Selling a second package")
        try tmux.send("Enter") // any available provider
        try bookOneLesson(tmux, on: "March 27")
        try tmux.waitFor("A second package: Thomas Weber's active")
        try tmux.send("Enter")
        try tmux.waitFor("Booked Lesson 1 of 10")
        after = try treatments(clinic, customer: "Thomas Weber")
        #expect(after.count == 2)
        let first = try #require(after.first { ($0["session_group_id"] as? String ?? $0["id"] as? String) == packageID })
        #expect((first["sessions"] as? [[String: Any]])?.count == 8)
    }

    /// The kind in "showing next session (f: kind)".
    static func kindShown(_ screen: String) -> String? {
        guard let start = screen.range(of: "showing "), let end = screen.range(of: " (f: kind)", range: start.upperBound..<screen.endIndex)
        else { return nil }
        return String(screen[start.upperBound..<end.lowerBound])
    }

    @Test func bookTheNextSessionFromTheFollowUpsScreen() throws {
        let clinic = try PeopleScreensEndToEndTests.Clinic()
        let tmux = try clinic.open()
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("F9")
        try tmux.waitFor("due now or overdue")
        // The kind filter, to "next session" (asking when to book the next physiotherapy session).
        var shown = "every kind"
        for _ in 0..<12 where shown != "next session" {
            try tmux.send("f")
            let screen = try tmux.waitUntil("another kind") { Self.kindShown($0).map { $0 != shown } ?? false }
            shown = Self.kindShown(screen) ?? shown
        }
        try #require(shown == "next session")
        let list = try tmux.waitFor("Zoë Müller")
        let rows = list.split(separator: "\n").filter { $0.hasPrefix("   ") && ($0.contains("overdue") || $0.contains("due")) }
        let index = try #require(rows.firstIndex { $0.contains("Zoë Müller") })
        for _ in 0..<index { try tmux.send("Down") }
        try tmux.send("m")
        try tmux.waitFor("Book more — continue a treatment")
        let flow = try tmux.waitFor("When would the customer like session")
        #expect(flow.contains("Zoë Müller · Physiotherapy Treatment Plan"))
        #expect(flow.contains("When would the customer like session 2 of 8?"))
        try tmux.send("Enter") // the suggested date
        try tmux.waitFor("Book for Zoë Müller")
        try tmux.send("Enter")
        try tmux.waitFor("Booked Session 2 of 8 of Physiotherapy Treatment Plan for Zoë Müller")
        // Back on the Follow-ups screen, without the follow-up that asked for the booking.
        try tmux.waitUntil("the follow-up gone from the list") { screen in
            screen.contains("showing next session")
                && !screen.split(separator: "\n").contains { $0.hasPrefix("   ") && $0.contains("Zoë Müller") }
        }

        let groups = try treatments(clinic, customer: "Zoë Müller")
        let physio = try #require(groups.first { ($0["service"] as? String)?.hasPrefix("Physiotherapy") == true })
        let sessions = try #require(physio["sessions"] as? [[String: Any]])
        #expect(sessions.contains { $0["session_number"] as? Int == 2 && $0["status"] as? String == "confirmed" })
    }
}
