import Foundation
import FrontdeskTestSupport
import Testing

/// Issue 12 item 1 in the real binary in tmux: a missed session of an immediate treatment booked
/// again ten days later from the treatment pane (`m`), with the later session moved along by the
/// same amount after the preview and the confirmation.
@Suite(.serialized) struct RebookScreenEndToEndTests {
    static let missedNow = "2026-03-30T16:00:00+02:00"

    func frontdesk(_ arguments: [String], _ demo: ApplicationEndToEndTests.DemoDatabase, now: String) throws -> ProcessRunner.Result {
        let result = try ProcessRunner.run(arguments + ["--db", demo.path], environment: ["FRONTDESK_NOW": now])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    @Test func rebookingAMissedSessionTenDaysLaterMovesTheLaterOneByTheSameAmount() throws {
        let demo = try ApplicationEndToEndTests.DemoDatabase()
        let before = ApplicationEndToEndTests.now
        // Dr. Keller also works Saturday mornings here, so session 3 can move by exactly ten days.
        _ = try frontdesk(["provider", "edit", "Dr. Anna Keller", "--hours", "Mon-Fri 08:00-18:00; Sat 09:00-16:00"], demo, now: before)
        _ = try frontdesk(["customer", "add", "--name", "Rita Rebook"], demo, now: before)
        let booked = try frontdesk(["book", "--customer", "Rita Rebook", "--service", "implant", "--provider", "Dr. Anna Keller",
                                    "--start", "2026-03-16 14:00", "--json"], demo, now: before)
        let bookings = try #require((ProcessRunner.json(booked) as? [String: Any])?["bookings"] as? [[String: Any]], "\(booked.stdout)")
        let planned: [String] = bookings.compactMap { $0["start"] as? String }
        #expect(planned == ["2026-03-16T14:00:00+01:00", "2026-03-30T14:00:00+02:00", "2026-04-29T14:00:00+02:00"])
        let ids = bookings.compactMap { $0["id"] as? Int }
        let group = try #require(bookings.first?["session_group_id"] as? String)
        _ = try frontdesk(["complete", "\(ids[0])"], demo, now: Self.missedNow)
        _ = try frontdesk(["no-show", "\(ids[1])"], demo, now: Self.missedNow)

        let command = ApplicationEndToEndTests.paneCommand(database: demo.path)
            .replacingOccurrences(of: "FRONTDESK_NOW=\(before)", with: "FRONTDESK_NOW=\(Self.missedNow)")
        let tmux = try TmuxSession(command: command)
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        try tmux.type("Rita")
        try tmux.send("Enter")
        try tmux.waitFor("Search: Rita")
        try tmux.send("Enter")
        try tmux.waitFor("Session 2: Mon 30 Mar 2026 14:00 - No-show")
        try tmux.waitFor("press m to book it again")

        try tmux.send("m")
        try tmux.waitFor("Book more — continue a treatment")
        try tmux.type("2026-04-09 14:00")
        try tmux.send("Enter")
        let preview = try tmux.waitFor("breaks the gap to the later sessions")
        #expect(preview.contains("Session 2 of 3 on Thu 9 Apr 2026 14:00"), "\(preview)")
        #expect(preview.contains("Wed 29 Apr 14:00"), "\(preview)")
        #expect(preview.contains("Sat 9 May 14:00"), "\(preview)")
        #expect(preview.contains("+10 days, gap kept"), "\(preview)")
        #expect(preview.contains("Book and move later"), "\(preview)")

        try tmux.send("Enter")
        let confirmation = try tmux.waitFor("Session 3 of 3 moves from Wed 29 Apr 2026 14:00 to Sat 9 May 2026 14:00")
        #expect(confirmation.contains("Enter books session 2 of 3 and moves the later session in one go"), "\(confirmation)")
        try tmux.send("Enter")
        try tmux.waitFor("session 3 moved to Sat 9 May 14:00")
        try tmux.waitFor("Session 3: Sat 9 May 2026 14:00 - Confirmed")
        try tmux.send("q")
        try tmux.waitFor("exit=0")

        let groups = try frontdesk(["groups", "--customer", "Rita Rebook", "--json"], demo, now: Self.missedNow)
        let treatments = try #require(ProcessRunner.json(groups) as? [[String: Any]], "\(groups.stdout)")
        let treatment = try #require(treatments.first { $0["session_group_id"] as? String == group }, "\(groups.stdout)")
        #expect(treatment["state"] as? String == "active")
        let held = ((treatment["sessions"] as? [[String: Any]]) ?? []).filter { ["confirmed", "completed"].contains($0["status"] as? String) }
        let heldStarts: [String] = held.compactMap { $0["start"] as? String }.sorted()
        #expect(heldStarts == ["2026-03-16T14:00:00+01:00", "2026-04-09T14:00:00+02:00", "2026-05-09T14:00:00+02:00"], "\(held)")
        let agenda = try frontdesk(["agenda", "--from", "2026-04-01", "--days", "60", "--json"], demo, now: Self.missedNow)
        let rows = try #require(ProcessRunner.json(agenda) as? [Any], "\(agenda.stdout)")
        let rita = Self.bookings(in: rows).filter { $0["customer"] as? String == "Rita Rebook" }
        let ritaStarts: [String] = rita.compactMap { $0["start"] as? String }.sorted()
        #expect(ritaStarts == ["2026-04-09T14:00:00+02:00", "2026-05-09T14:00:00+02:00"],
                "\(rita)")
    }

    /// Every booking object in the agenda's JSON, however it groups them by day.
    static func bookings(in value: Any) -> [[String: Any]] {
        if let object = value as? [String: Any] {
            if object["session_number"] != nil { return [object] }
            return object.values.flatMap(bookings)
        }
        return (value as? [Any])?.flatMap(bookings) ?? []
    }
}
