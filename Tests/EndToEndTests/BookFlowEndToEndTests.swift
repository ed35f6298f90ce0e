import Foundation
import FrontdeskTestSupport
import Testing

/// The Book screen in the real binary, in a real terminal (tmux on a private socket): a dental
/// implant for a new customer on the demo clinic, checked afterwards through the command line.
@Suite struct BookFlowEndToEndTests {
    static let now = "2026-03-04T09:00:00+01:00"

    @Test func aReceptionistBooksADentalImplantForANewCustomer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-e2e-book-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite").path
        let demo = try ProcessRunner.run(["demo", "--db", db, "--timezone", "Europe/Zurich"], environment: ["FRONTDESK_NOW": Self.now])
        try #require(demo.status == 0, "demo failed: \(demo.stderr)")

        let pane = try TmuxSession(command: "LANG=C.UTF-8 TERM=xterm-256color FRONTDESK_NOW=\(Self.now) '\(ProcessRunner.binary)' --db '\(db)'")
        defer { pane.kill() }
        try pane.waitUntil("the application to draw its first screen") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try pane.type("b")
        try pane.waitFor("Who is the booking for?")
        try pane.type("Lena Huber")
        try pane.waitFor("New customer “Lena Huber”")
        try pane.send("Enter")
        try pane.waitFor("New customer: a name")
        try pane.send("Tab")
        try pane.type("+41 79 444 12 34")
        try pane.send("Enter")
        try pane.waitFor("Which service?")
        try pane.type("implant")
        try pane.waitFor("3 sessions, all booked now (immediate)")
        try pane.send("Enter")
        try pane.waitFor("Any available")
        try pane.send("Enter")
        try pane.waitFor("When should implant placement")
        try pane.type("March 10 at 2pm")
        try pane.waitFor("→ Tue 10 Mar 2026 14:00")
        try pane.send("Enter")
        try pane.waitFor("All 3 sessions from Tue 10 Mar 2026 14:00")
        try pane.send("Enter")
        try pane.waitFor("Book for Lena Huber")
        try pane.send("Enter")
        // The shell closes the flow, says what was booked and shows the new treatment on the Bookings screen.
        try pane.waitUntil("the flow to close on the booked treatment") { screen in
            !screen.contains("Book for Lena Huber") && screen.contains("Booked Session 1–3 of 3") && screen.contains("Lena Huber")
        }
        pane.kill()

        let groups = try ProcessRunner.run(["groups", "--db", db, "--json"], environment: ["FRONTDESK_NOW": Self.now])
        try #require(groups.status == 0, "\(groups.stderr)")
        let all = try #require(ProcessRunner.json(groups) as? [[String: Any]])
        let lena = all.filter { $0["customer"] as? String == "Lena Huber" }
        try #require(lena.count == 1, "expected one treatment for Lena Huber, found \(lena.count)")
        let sessions = try #require(lena[0]["sessions"] as? [[String: Any]])
        #expect(sessions.count == 3)
        #expect(sessions.compactMap { $0["session_number"] as? Int }.sorted() == [1, 2, 3])
        #expect(Set(sessions.compactMap { $0["session_group_id"] as? String }).count == 1)
        #expect(sessions.allSatisfy { $0["total_sessions"] as? Int == 3 })
        // 14:00 clinic time (Zurich) on March 10, March 24 and April 23, across the April clock change.
        let starts = sessions.sorted { ($0["session_number"] as? Int ?? 0) < ($1["session_number"] as? Int ?? 0) }
            .compactMap { $0["start"] as? String }
        #expect(starts == ["2026-03-10T14:00:00+01:00", "2026-03-24T14:00:00+01:00", "2026-04-23T14:00:00+02:00"], "\(sessions)")
    }
}
