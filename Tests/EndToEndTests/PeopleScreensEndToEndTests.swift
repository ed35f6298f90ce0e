import Foundation
import FrontdeskTestSupport
import Testing

/// The real binary in tmux on a demo clinic: the Customers screen finds a customer by phone and by
/// a name typed without accents, edits the phone, shows a treatment's sessions and completes one;
/// the Follow-ups screen lists what is due and "mark called" takes one off the list.
@Suite(.serialized) struct PeopleScreensEndToEndTests {
    /// The demo clinic (Emma Keller is +41 79 963 78 17) with `default_country_code = "41"`.
    final class Clinic {
        let demo: ApplicationEndToEndTests.DemoDatabase
        let configHome: URL

        init() throws {
            demo = try ApplicationEndToEndTests.DemoDatabase()
            configHome = demo.folder.appendingPathComponent("config")
            try FileManager.default.createDirectory(at: configHome.appendingPathComponent("frontdesk"), withIntermediateDirectories: true)
            try "default_country_code = \"41\"\n".write(to: configHome.appendingPathComponent("frontdesk/config.toml"),
                                                         atomically: true, encoding: .utf8)
        }

        func open() throws -> TmuxSession {
            try TmuxSession(command: ApplicationEndToEndTests.paneCommand(
                database: demo.path, environment: "TERM=xterm-256color XDG_CONFIG_HOME='\(configHome.path)'"), width: 120, height: 40)
        }
    }

    @Test func findACustomerByPhoneAndByNameEditThePhoneAndCompleteASessionFromTheCard() throws {
        let clinic = try Clinic()
        let tmux = try clinic.open()
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("F6")
        try tmux.waitFor("Search: name, phone or e-mail")

        // A national number finds the international one; "zoe" finds Zoë.
        try tmux.send("/")
        try tmux.type("079 963")
        let byPhone = try tmux.waitFor("Emma Keller")
        #expect(byPhone.contains("+41 79 963 78 17"))
        try tmux.send("C-u")
        try tmux.type("zoe")
        _ = try tmux.waitUntil("only Zoë") { $0.contains("Zoë Müller") && !$0.contains("Emma Keller") }
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("Notes —")

        // The phone edited: letters are refused in the field, a number is saved.
        try tmux.send("d")
        try tmux.waitFor("Edit contact details")
        try tmux.send("Down")
        try tmux.send("C-u")
        try tmux.type("abc")
        try tmux.send("Enter")
        try tmux.waitFor("Some details need correcting")
        try tmux.send("C-u")
        try tmux.type("079 111 22 33")
        try tmux.send("Enter")
        try tmux.waitFor("Saved Zoë Müller's details.")
        try tmux.waitFor("Phone 079 111 22 33")

        // Emma Keller's implant treatment: its sessions on the card, and the first completed from there.
        try tmux.send("Escape")
        try tmux.send("/")
        try tmux.send("C-u")
        try tmux.type("emma")
        try tmux.send("Enter")
        try tmux.send("Enter")
        let card = try tmux.waitFor("Session 1:")
        #expect(card.contains("Progress:"))
        #expect(card.contains("Appointments:"))
        try tmux.send("c")
        try tmux.waitFor("Yes")
        try tmux.send("y")
        try tmux.waitUntil("session 1 completed") { screen in
            screen.split(separator: "\n").contains { $0.contains("Session 1:") && $0.contains("Completed") }
        }
        tmux.kill()
    }

    @Test func theFollowUpsScreenListsWhatIsDueAndMarkCalledTakesOneOff() throws {
        let clinic = try Clinic()
        let tmux = try clinic.open()
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("F9")
        let screen = try tmux.waitFor("due now or overdue")
        let due = try #require(Self.dueCount(screen))
        #expect(due > 0)
        #expect(screen.contains("Follow-ups \(due)"))
        try tmux.send("c")
        try tmux.waitFor("Note:")
        try tmux.type("agreed on the phone")
        try tmux.send("Enter")
        try tmux.waitFor("Marked called")
        try tmux.waitFor("\(due - 1) due now or overdue")
        try tmux.waitFor("Follow-ups \(due - 1)")
    }

    /// The figure in "N due now or overdue".
    static func dueCount(_ screen: String) -> Int? {
        guard let range = screen.range(of: " due now or overdue") else { return nil }
        let before = screen[..<range.lowerBound].split(whereSeparator: { !$0.isNumber }).last
        return before.flatMap { Int($0) }
    }
}
