import Foundation
import FrontdeskTestSupport
import Testing

/// Under `LC_ALL=C` (common over SSH) names were mangled ("Jrgen Wei") and CJK names blanked.
/// The application now switches to C.UTF-8, which this system has, and draws every letter.
@Suite(.serialized) struct LocaleEndToEndTests {
    @Test func aNonUTF8LocaleStillShowsEveryLetterOfANameWithAccentsOrInCJK() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-locale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("clinic.sqlite").path
        let now = "2026-03-10T09:00:00+01:00"
        for arguments in [["demo", "--timezone", "Europe/Zurich"], ["customer", "add", "--name", "Jürgen Weiß"],
                          ["customer", "add", "--name", "张伟"],
                          ["book", "--customer", "Jürgen Weiß", "--service", "Dental Check-up", "--start", "2026-03-10 15:00"],
                          ["book", "--customer", "张伟", "--service", "Dental Check-up", "--start", "2026-03-10 16:00"]] {
            let result = try ProcessRunner.run(arguments + ["--db", db], environment: ["FRONTDESK_NOW": now])
            try #require(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let command = "unset LANG LC_CTYPE; LC_ALL=C TERM=xterm-256color FRONTDESK_NOW=\(now) '\(ProcessRunner.binary)' --db '\(db)'; sleep 30"
        let tmux = try TmuxSession(command: command, width: 120, height: 40)
        defer { tmux.kill() }
        _ = try tmux.waitFor("Bookings")
        try tmux.send("v")
        let screen = try tmux.waitUntil("both names drawn whole") { $0.contains("Jürgen Weiß") && $0.contains("张伟") }
        #expect(!screen.contains("Jrgen Wei"))
    }
}
