import Foundation
import FrontdeskTestSupport
import Glibc
import Testing

/// The real `frontdesk` binary in tmux on a demo clinic: what a receptionist does, and that the
/// terminal is given back however the program ends.
@Suite(.serialized) struct ApplicationEndToEndTests {
    static let now = "2026-03-10T09:00:00+01:00"

    /// A demo clinic in a fresh folder, made by the binary itself.
    final class DemoDatabase {
        let folder: URL
        let path: String

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("demo.sqlite").path
            let result = try ProcessRunner.run(["demo", "--db", path, "--timezone", "Europe/Zurich"],
                                               environment: ["FRONTDESK_NOW": ApplicationEndToEndTests.now])
            guard result.status == 0 else {
                throw TmuxSession.Failure(description: "frontdesk demo failed: \(result.stderr)")
            }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// The shell line for the pane: the app, then its exit status and the terminal's settings.
    static func paneCommand(database: String, environment: String = "TERM=xterm-256color", arguments: String = "") -> String {
        // The test runner may set NO_COLOR; these tests look at the colour theme's status marks.
        "unset NO_COLOR; LANG=C.UTF-8 \(environment) FRONTDESK_NOW=\(now) '\(ProcessRunner.binary)' --db '\(database)' \(arguments); "
            + "echo \"exit=$?\"; stty -a; sleep 60"
    }

    /// The frontdesk process inside the pane.
    static func applicationPID(in tmux: TmuxSession) throws -> Int32 {
        let shell = try tmux.panePID()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let pid = TmuxSession.children(of: shell).first(where: { pid in
                (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("frontdesk") == true
            }) { return pid }
            usleep(50_000)
        }
        throw TmuxSession.Failure(description: "frontdesk did not start in the pane")
    }

    /// After the app ended: its exit status line and a terminal back in cooked mode with echo.
    static func expectTerminalRestored(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.waitUntil("the exit status and stty -a") { $0.contains("exit=") && $0.contains("icanon") }
        let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(words.contains("icanon"), "the terminal is still in raw mode:\n\(screen)", sourceLocation: sourceLocation)
        #expect(words.contains("echo"), "echo is still off:\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test func findATreatmentCompleteItsSessionAndBookTheNext() throws {
        let demo = try DemoDatabase()
        let tmux = try TmuxSession(command: Self.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("Lukas Huber")
        try tmux.waitFor("F1 Help")

        try tmux.send("/")
        try tmux.waitFor("Search customers:")
        try tmux.type("Lukas")
        try tmux.send("Enter")
        try tmux.waitFor("Search: Lukas")
        try tmux.send("Enter")
        try tmux.waitFor("Session 4: Wed 11 Mar 2026 09:00 - Confirmed")

        // Session 4 is tomorrow: completing it early is asked for by date, and y says it is on purpose.
        try tmux.send("c")
        try tmux.waitFor("This session is on Wed 11 Mar 2026, tomorrow.")
        try tmux.send("y")
        try tmux.waitFor("Book Session 5 of 8 now?")
        try tmux.send("Enter")
        try tmux.waitFor("Booked Session 5 of 8 (Lukas Huber)")
        // The treatment is read again in the background after the booking: wait for it.
        let screen = try tmux.waitFor("● Session 5:")
        #expect(screen.contains("✔ Session 4: Wed 11 Mar 2026 09:00 - Completed"))

        try tmux.send("q")
        try Self.expectTerminalRestored(tmux)

        // The database agrees with the screen: session 5 is in the agenda of the days after.
        let agenda = try ProcessRunner.run(["agenda", "--db", demo.path, "--from", "2026-03-12", "--days", "10"],
                                           environment: ["FRONTDESK_NOW": Self.now])
        #expect(agenda.stdout.contains("Lukas Huber"), "agenda: \(agenda.stdout) \(agenda.stderr)")
    }

    @Test func resizingBelowTheMinimumShowsTheNoticeAndTheScreenComesBack() throws {
        let demo = try DemoDatabase()
        let tmux = try TmuxSession(command: Self.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("Lukas Huber")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("enlarge the window")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitUntil("the Bookings screen again") { $0.contains("Lukas Huber") && !$0.contains("enlarge the window") }
        try tmux.send("F10")
        try Self.expectTerminalRestored(tmux)
    }

    @Test func sigtermLeavesTheLoopAndRestoresTheTerminal() throws {
        let demo = try DemoDatabase()
        let tmux = try TmuxSession(command: Self.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("Lukas Huber")
        let pid = try Self.applicationPID(in: tmux)
        #expect(Glibc.kill(pid, SIGTERM) == 0)
        try Self.expectTerminalRestored(tmux)
        #expect(!TmuxSession.isRunning(pid))
        // As a program killed by SIGTERM: 128 + 15 (SIGINT and SIGHUP: TerminalInputEndToEndTests).
        #expect(try tmux.capture().contains("exit=143"))
    }

    @Test func aHangupEndsTheProcessWithinASecond() throws {
        let demo = try DemoDatabase()
        let tmux = try TmuxSession(command: Self.paneCommand(database: demo.path))
        defer { tmux.kill() }
        try tmux.waitFor("Lukas Huber")
        let pid = try Self.applicationPID(in: tmux)
        tmux.kill()
        let deadline = Date().addingTimeInterval(1)
        while TmuxSession.isRunning(pid) && Date() < deadline { usleep(20_000) }
        #expect(!TmuxSession.isRunning(pid), "frontdesk (pid \(pid)) still runs a second after the hangup")
    }

    @Test func anUnknownTerminalTypeGivesOneLineAndExitCode2() throws {
        let demo = try DemoDatabase()
        let tmux = try TmuxSession(command: Self.paneCommand(database: demo.path, environment: "TERM=no-such-terminal"))
        defer { tmux.kill() }
        let screen = try tmux.waitFor("exit=")
        #expect(screen.contains("exit=2"))
        #expect(screen.contains("no-such-terminal"))
    }

    @Test func aTerminalWithoutCursorAddressingIsRefusedSayingWhatIsNeeded() throws {
        let demo = try DemoDatabase()
        let tmux = try TmuxSession(command: Self.paneCommand(database: demo.path, environment: "TERM=dumb"))
        defer { tmux.kill() }
        let screen = try tmux.waitFor("exit=")
        #expect(screen.contains("exit=2"))
        #expect(screen.contains("cannot move the cursor"))
        #expect(screen.contains("xterm-256color"))
    }

    @Test func aDatabaseThisAccountCannotWriteOpensReadOnlyAndSaysSoInTheTitle() throws {
        let demo = try DemoDatabase()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: demo.folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: demo.path)
        let user = try OtherAccount.name()
        let command = "runuser -u \(user) -- env HOME=/tmp LANG=C.UTF-8 TERM=xterm-256color FRONTDESK_NOW=\(Self.now) "
            + "'\(ProcessRunner.binary)' --db '\(demo.path)'; echo \"exit=$?\"; sleep 60"
        let tmux = try TmuxSession(command: command)
        defer { tmux.kill() }
        // Reading works read-only, and the title says that nothing can be saved.
        let screen = try tmux.waitFor("Lukas Huber")
        #expect(screen.contains("Frontdesk [read-only]"), "\(screen)")
        try tmux.send("q")
        _ = try tmux.waitFor("exit=0")
    }

    @Test func firstFrameExitDrawsTheBookingsScreenAndExitsZero() throws {
        let demo = try DemoDatabase()
        let tmux = try TmuxSession(command: Self.paneCommand(database: demo.path, arguments: "--first-frame-exit"))
        defer { tmux.kill() }
        let screen = try tmux.waitFor("exit=")
        #expect(screen.contains("exit=0"))
        try Self.expectTerminalRestored(tmux)
    }
}
