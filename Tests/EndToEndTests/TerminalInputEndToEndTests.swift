import Foundation
import FrontdeskTestSupport
import Glibc
import Testing

/// Input as a real terminal sends it, through tmux: pastes (bracketed), Home and End in tmux's own
/// encoding, and the terminal given back after a crash or a quit signal.
@Suite(.serialized) struct TerminalInputEndToEndTests {
    typealias App = ApplicationEndToEndTests

    /// Opens Lukas Huber's physiotherapy plan, whose Session 4 (Wed 11 Mar 09:00) is confirmed.
    static func openLukasTreatment(_ tmux: TmuxSession) throws {
        try tmux.waitFor("F1 Help")
        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        try tmux.type("Lukas")
        try tmux.send("Enter")
        try tmux.waitFor("Search: Lukas")
        try tmux.send("Enter")
        try tmux.waitFor("Session 4: Wed 11 Mar 2026 09:00 - Confirmed")
    }

    /// The agenda row of Lukas Huber's Session 4, as the command line reports it.
    static func lukasSessionFour(database: String) throws -> [String: Any] {
        let agenda = try ProcessRunner.run(["agenda", "--db", database, "--from", "2026-03-11", "--days", "1", "--json"],
                                           environment: ["FRONTDESK_NOW": App.now])
        let rows = try JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [[String: Any]] ?? []
        guard let row = rows.first(where: { $0["customer"] as? String == "Lukas Huber" && $0["session_number"] as? Int == 4 }) else {
            throw TmuxSession.Failure(description: "no Session 4 of Lukas Huber in the agenda: \(agenda.stdout) \(agenda.stderr)")
        }
        return row
    }

    @Test func aPasteWithLineBreaksIntoSessionNotesIsTextAndNeverRunsAsKeys() throws {
        let demo = try App.DemoDatabase()
        let tmux = try TmuxSession(command: App.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try Self.openLukasTreatment(tmux)
        try tmux.send("e")
        try tmux.waitFor("┌ Notes")

        // Once this pasted "Bring the X-ray", then ran c and Enter: the session was completed.
        try tmux.paste("Bring the X-ray\nc\n", folder: demo.folder)
        var screen = try tmux.waitFor("Bring the X-ray c")
        #expect(screen.contains("┌ Notes"), "the notes dialog closed during the paste:\n\(screen)")
        #expect(!screen.contains("Mark this session as completed?"))

        try tmux.send("Enter")
        screen = try tmux.waitFor("Notes saved for Session 4 of 8")
        #expect(screen.contains("Session 4: Wed 11 Mar 2026 09:00 - Confirmed"), "\(screen)")
        try tmux.send("q")
        try App.expectTerminalRestored(tmux)

        let row = try Self.lukasSessionFour(database: demo.path)
        #expect(row["notes"] as? String == "Bring the X-ray c")
        #expect(row["status"] as? String == "confirmed")
    }

    @Test func aTenThousandCharacterPasteIntoTheSearchLandsAndKeysStillWork() throws {
        let demo = try App.DemoDatabase()
        let tmux = try TmuxSession(command: App.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        let text = String(repeating: "abcdefghi ", count: 999) + "END-OF-IT"
        #expect(text.count >= 10_000 - 1)
        try tmux.paste(text, folder: demo.folder)
        // The field scrolls to its cursor, after the end of the paste.
        try tmux.waitFor("END-OF-IT")

        // Still answering: clear the field, search for someone, find them.
        try tmux.send("C-u")
        try tmux.waitUntil("the search field emptied") { !$0.contains("END-OF-IT") && $0.contains("Search customers:") }
        try tmux.type("Lukas")
        try tmux.send("Enter")
        try tmux.waitFor("Search: Lukas")
        try tmux.send("F10")
        try App.expectTerminalRestored(tmux)
    }

    @Test func homeAndEndInTmuxMoveInTheFieldInsteadOfClosingIt() throws {
        let demo = try App.DemoDatabase()
        let tmux = try TmuxSession(command: App.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        try tmux.type("uka")
        try tmux.send("Home")
        try tmux.type("L")
        try tmux.send("End")
        try tmux.type("s")
        let screen = try tmux.waitFor("Search customers: Lukas")
        #expect(screen.contains("Search customers: Lukas"))
        try tmux.send("Enter")
        try tmux.waitFor("Search: Lukas")
        try tmux.send("F10")
        try App.expectTerminalRestored(tmux)
    }

    @Test func aCrashLeavesTheTerminalUsable() throws {
        let demo = try App.DemoDatabase()
        // After the crash, cat echoes a paste: with bracketed paste still on it would arrive wrapped.
        let command = "unset NO_COLOR; LANG=C.UTF-8 TERM=xterm-256color FRONTDESK_NOW=\(App.now) '\(ProcessRunner.binary)' --db '\(demo.path)'; "
            + "echo \"exit=$?\"; stty -a; cat -v"
        let tmux = try TmuxSession(command: command)
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        let pid = try App.applicationPID(in: tmux)
        #expect(Glibc.kill(pid, SIGSEGV) == 0)
        try App.expectTerminalRestored(tmux)
        let screen = try tmux.capture()
        #expect(screen.contains("exit=139"), "not killed by SIGSEGV:\n\(screen)")
        // Curses left: the normal screen is back, the cursor shows, the keypad is in normal mode.
        let modes = try tmux.run(["display-message", "-p", "-t", tmux.target, "#{alternate_on} #{cursor_flag} #{keypad_cursor_flag}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1 0")

        try tmux.paste("pasted-after-crash", folder: demo.folder)
        try tmux.send("Enter")
        let echoed = try tmux.waitUntil("cat to echo the paste") { $0.components(separatedBy: "pasted-after-crash").count > 2 }
        #expect(!echoed.contains("[200~"), "bracketed paste is still on:\n\(echoed)")
    }

    /// Ctrl-Z hands the terminal to the shell as it was (a paste there arrives plain, not wrapped in
    /// bracketed-paste markers the shell would run as a command), and `fg` brings the screen back.
    @Test func ctrlZGivesTheShellAPlainTerminalAndFgBringsTheScreenBack() throws {
        let demo = try App.DemoDatabase()
        let tmux = try TmuxSession(command: "sh -i")
        defer { tmux.kill() }
        try tmux.type("unset NO_COLOR; LANG=C.UTF-8 TERM=xterm-256color FRONTDESK_NOW=\(App.now) '\(ProcessRunner.binary)' --db '\(demo.path)'")
        try tmux.send("Enter")
        try tmux.waitFor("F1 Help")
        try tmux.send("C-z")
        // Under a loaded machine the shell can take a while to report the stopped job.
        try tmux.waitFor("Stopped", timeout: 30)
        try tmux.paste("echo pasted-$((20+22))", folder: demo.folder)
        try tmux.send("Enter")
        let shell = try tmux.waitFor("pasted-42")
        #expect(!shell.contains("[200~"), "bracketed paste is still on in the shell:\n\(shell)")
        try tmux.type("fg")
        try tmux.send("Enter")
        try tmux.waitFor("F1 Help")
        let modes = try tmux.run(["display-message", "-p", "-t", tmux.target, "#{alternate_on}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        try tmux.send("q")
        _ = try tmux.waitUntil("the shell prompt after quitting") { $0.components(separatedBy: "pasted-42").count >= 2 && !$0.contains("F1 Help") }
    }

    @Test(arguments: [(SIGINT, 130), (SIGHUP, 129)])
    func aQuitSignalRestoresTheTerminalAndExitsWithItsCode(signal: Int32, code: Int) throws {
        let demo = try App.DemoDatabase()
        let tmux = try TmuxSession(command: App.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("F1 Help")
        let pid = try App.applicationPID(in: tmux)
        #expect(Glibc.kill(pid, signal) == 0)
        try App.expectTerminalRestored(tmux)
        let screen = try tmux.capture()
        #expect(screen.contains("exit=\(code)"), "\(screen)")
        #expect(!TmuxSession.isRunning(pid))
        let modes = try tmux.run(["display-message", "-p", "-t", tmux.target, "#{alternate_on} #{cursor_flag}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1")
    }
}

extension TmuxSession {
    /// Pastes text as a terminal does when the user pastes: through a tmux buffer with `-p`, which
    /// wraps it in bracketed-paste markers when the program asked for them (and turns line feeds
    /// into carriage returns, as a terminal's paste does).
    func paste(_ text: String, folder: URL) throws {
        let file = folder.appendingPathComponent("paste-\(UUID().uuidString).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try run(["load-buffer", "-b", "frontdesk-paste", file.path])
        try run(["paste-buffer", "-p", "-d", "-b", "frontdesk-paste", "-t", target])
    }
}
