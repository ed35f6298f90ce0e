import Foundation
import FrontdeskTestSupport
import Testing

/// What a customer receives when the desk cancels and reschedules, through the real binary and the
/// notify command, with the clock moved to when each message falls due: the cancelled session's
/// reminder never comes, the moved session gets one reminder for its new time, each change is
/// announced, and a reminder whose session has started is never sent.
@Suite struct ReminderLifecycleCommandLineTests {
    typealias Desk = PeopleCommandLineTests.Desk

    /// `followups --send` at another moment (clinic time, Europe/Zurich in March).
    private func send(_ desk: Desk, at now: String) throws {
        let result = try ProcessRunner.run(["followups", "--send", "--db", desk.db],
                                           environment: desk.environment.merging(["FRONTDESK_NOW": now]) { $1 })
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
    }

    private func bookingID(_ desk: Desk, customer: String, day: String) throws -> Int {
        let agenda = try #require(ProcessRunner.json(try desk.expect(0, ["agenda", "--from", day, "--json"])) as? [[String: Any]])
        return try #require(agenda.first { $0["customer"] as? String == customer }?["id"] as? Int)
    }

    /// What the notify command received, as (customer, kind, text), from the `count`-th message on.
    private func messages(_ desk: Desk, from count: Int = 0) throws -> [(customer: String, kind: String, text: String)] {
        try desk.received().dropFirst(count).map {
            ($0["customer"] as? String ?? "", $0["kind"] as? String ?? "", $0["text"] as? String ?? "")
        }
    }

    @Test func cancelAndRescheduleSendTheRightMessagesAndNothingStale() throws {
        let desk = try Desk() // Wednesday 4 March 2026, 09:00
        try desk.customerWithBooking("Carla Cancel", phone: "+41 79 400 00 01", start: "March 10 10:00")
        try desk.customerWithBooking("Rolf Move", phone: "+41 79 400 00 02", start: "March 10 11:00")
        try desk.customerWithBooking("Petra Past", phone: "+41 79 400 00 03", start: "March 5 10:00")
        try send(desk, at: "2026-03-04T09:05:00+01:00")
        #expect(try messages(desk).map(\.kind) == ["confirmation", "confirmation", "confirmation"])

        try desk.expect(0, ["cancel", "\(try bookingID(desk, customer: "Carla Cancel", day: "2026-03-10"))"])
        try desk.expect(0, ["reschedule", "\(try bookingID(desk, customer: "Rolf Move", day: "2026-03-10"))",
                            "--start", "2026-03-12 14:00"])
        try send(desk, at: "2026-03-04T09:10:00+01:00")
        let changes = try messages(desk, from: 3)
        #expect(changes.map(\.customer).sorted() == ["Carla Cancel", "Rolf Move"])
        #expect(changes.first { $0.customer == "Carla Cancel" }?.kind == "cancellation")
        let change = try #require(changes.first { $0.customer == "Rolf Move" })
        #expect(change.kind == "change")
        #expect(change.text.contains("14:00"))

        // Petra's session started before anyone sent its reminder: it expired, it is never sent.
        try send(desk, at: "2026-03-05T10:30:00+01:00")
        // The day before the old times: nothing for Carla or Rolf (his reminder is for the 12th now).
        try send(desk, at: "2026-03-09T11:30:00+01:00")
        #expect(try messages(desk, from: 5).isEmpty)

        // The day before Rolf's new time: one reminder, naming it.
        try send(desk, at: "2026-03-11T14:05:00+01:00")
        try send(desk, at: "2026-03-11T14:10:00+01:00")
        let reminders = try messages(desk, from: 5)
        #expect(reminders.count == 1)
        #expect(reminders.first?.customer == "Rolf Move")
        #expect(reminders.first?.kind == "reminder")
        #expect(reminders.first?.text.contains("14:00") == true)
        #expect(reminders.first?.text.contains("11:00") == false)
        #expect(try desk.received().allSatisfy { ($0["customer"] as? String) != "Petra Past" || $0["kind"] as? String == "confirmation" })
    }
}

/// `followups` lists at most `--limit` (default 1000) and says so when it stops there.
@Suite struct FollowUpListLimitCommandLineTests {
    @Test func aListCutShortByTheLimitSaysSoOnStandardError() throws {
        let desk = try PeopleCommandLineTests.Desk()
        for (index, name) in ["Anna One", "Ben Two", "Carla Three"].enumerated() {
            try desk.customerWithBooking(name, phone: "+41 79 500 00 0\(index + 1)", start: "March \(10 + index) 10:00")
        }
        let cut = try desk.expect(0, ["followups", "--limit", "2", "--json"])
        #expect((ProcessRunner.json(cut) as? [[String: Any]])?.count == 2)
        #expect(cut.stderr.contains("showing the first 2 follow-ups due"))
        let whole = try desk.expect(0, ["followups", "--json"])
        #expect((ProcessRunner.json(whole) as? [[String: Any]])?.count == 3)
        #expect(!whole.stderr.contains("showing the first"))
        try desk.expect(2, ["followups", "--limit", "0"])
    }
}
