import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
        let demo = try ProcessRunner.run(["demo", "--db", db], environment: ["FRONTDESK_NOW": Self.now])
        try #require(demo.status == 0, "demo failed: \(demo.stderr)")

        let pane = try TerminalPane(command: "LANG=C.UTF-8 TERM=xterm-256color FRONTDESK_NOW=\(Self.now) '\(ProcessRunner.binary)' --db '\(db)'")
        defer { pane.close() }
        try pane.waitUntil("the application to draw its first screen") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        pane.send(literal: "b")
        try pane.waitFor("Who is the booking for?", why: "b to open the Book screen")
        pane.send(literal: "Lena Huber")
        try pane.waitFor("New customer “Lena Huber”", why: "the search to offer a new customer")
        pane.send(key: "Enter")
        try pane.waitFor("New customer: a name", why: "the inline customer form")
        pane.send(key: "Tab")
        pane.send(literal: "+41 79 444 12 34")
        pane.send(key: "Enter")
        try pane.waitFor("Which service?", why: "the new customer to be saved")
        pane.send(literal: "implant")
        try pane.waitFor("3 sessions, all booked now (immediate)", why: "the implant to be found by its trigger word")
        pane.send(key: "Enter")
        try pane.waitFor("Any available", why: "the provider step")
        pane.send(key: "Enter")
        try pane.waitFor("When should implant placement", why: "the start date step")
        pane.send(literal: "March 10 at 2pm")
        try pane.waitFor("→ Tue 10 Mar 2026 14:00", why: "the date to be read live")
        pane.send(key: "Enter")
        try pane.waitFor("All 3 sessions from Tue 10 Mar 2026 14:00", why: "the preview")
        pane.send(key: "Enter")
        try pane.waitFor("Book for Lena Huber", why: "the confirmation")
        pane.send(key: "Enter")
        // The shell closes the flow and shows the new treatment on the Bookings screen.
        try pane.waitUntil("the flow to close on the booked treatment") { !$0.contains("Book for Lena Huber") && $0.contains("Lena Huber") }
        pane.close()

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
        #expect(sessions.contains { $0["session_number"] as? Int == 1 && $0["start"] as? String == "2026-03-10T13:00:00+00:00" })
    }
}

/// A tmux session on a private socket, driven with send-keys and read with capture-pane.
///
/// tmux is spawned and reaped directly, not with `Process`: when the client forks the server, the
/// server keeps the client's output open and `Process` may never see the client end.
private final class TerminalPane {
    let socket = "frontdesk-book-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    let target = "book"
    private var closed = false

    init(command: String, width: Int = 100, height: Int = 30) throws {
        // The pane stays after the program exits, so a crash leaves its last screen to read.
        try run(["start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                 "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command], startsServer: true)
    }

    deinit { close() }

    /// Types text exactly as given (no key-name lookup).
    func send(literal text: String) { _ = try? run(["send-keys", "-t", target, "-l", text]) }

    /// Presses a named key: Enter, Tab, Escape, F2, Up …
    func send(key: String) { _ = try? run(["send-keys", "-t", target, key]) }

    /// The visible screen.
    func capture() -> String { (try? run(["capture-pane", "-p", "-t", target])) ?? "" }

    /// Polls the screen until `text` shows, or fails at the deadline with the last screen.
    func waitFor(_ text: String, why: String, seconds: Double = 15) throws {
        try waitUntil("“\(text)” (\(why))", seconds: seconds) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds, or fails at the deadline with the last screen.
    func waitUntil(_ what: String, seconds: Double = 15, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        repeat {
            screen = capture()
            if condition(screen) { return }
            usleep(50_000)
        } while Date() < deadline
        throw PaneError("waited \(Int(seconds)) s for \(what); the screen was:\n\(screen)")
    }

    /// Kills the server and with it the program in the pane.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
    }

    @discardableResult
    private func run(_ arguments: [String], startsServer: Bool = false) throws -> String {
        let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"
        let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw PaneError("no pipe for tmux: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if startsServer {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        // The test runner blocks signals in its threads; the program in the pane must get them as usual.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, &cArguments, environ)
        Glibc.close(pipe[1])
        guard spawned == 0 else {
            Glibc.close(pipe[0])
            throw PaneError("tmux could not be started: error \(spawned)")
        }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe[0], &chunk, chunk.count)
            if count > 0 { output.append(contentsOf: chunk[0..<count]); continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        Glibc.close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw PaneError("tmux \(arguments.joined(separator: " ")) failed (status \(status))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

private struct PaneError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
