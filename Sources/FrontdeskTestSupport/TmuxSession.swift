import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives a command in a detached tmux session on a private socket, as a user at a real terminal
/// would: send keys, read the screen, resize, and kill the server (a hangup). Every wait polls the
/// screen until a deadline, so tests never sleep for a guessed time.
public final class TmuxSession: @unchecked Sendable {
    /// Why the session could not be used.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let socket: String
    public let target = "frontdesk-e2e"
    let tmux: String
    private var killed = false

    /// Starts `command` (run by `sh -c`) in a new session of the given size.
    public init(command: String, width: Int = 100, height: Int = 30) throws {
        guard let tmux = TmuxSession.findTmux() else {
            throw Failure(description: "tmux is not installed, and the end-to-end tests run the real binary inside it. "
                          + "Install it (apt-get install tmux) and run the tests again.")
        }
        self.tmux = tmux
        socket = "frontdesk-test-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command],
                startsServer: true)
    }

    deinit { kill() }

    /// The tmux executable on PATH (or the usual places).
    static func findTmux() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tmux command on this session's server and returns its standard output.
    ///
    /// Spawned and reaped directly rather than with `Process`: its exit can go unnoticed when the
    /// tmux client forks the server, which would hang the test.
    @discardableResult
    public func run(_ arguments: [String], startsServer: Bool = false) throws -> String {
        let argv = [tmux, "-L", socket] + arguments
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw Failure(description: "no pipe for tmux: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if startsServer {
            // The server tmux forks keeps its output open for as long as it lives: give it none.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        // Test runners block signals in their threads and a child inherits that mask; the server and
        // the program in its pane must get SIGTERM and SIGHUP as at a real terminal.
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
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            throw Failure(description: "tmux could not be started: error \(spawned)")
        }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe[0], &chunk, chunk.count)
            if count > 0 { output.append(contentsOf: chunk[0..<count]); continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (status \(status))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Sends keys by tmux name ("Enter", "Escape", "Down", "F5", "C-u") or as literal text.
    public func send(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally, character by character.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    /// The visible screen as text.
    public func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", target])
    }

    /// Waits until the screen satisfies `condition`; fails with the last screen after `timeout` seconds.
    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = (try? capture()) ?? screen
            if condition(screen) { return screen }
            usleep(50_000)
        } while Date() < deadline
        throw Failure(description: "Waited \(Int(timeout)) s for \(what); the screen shows:\n\(screen)")
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// Changes the window size, as dragging a terminal window does.
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the shell running in the pane.
    public func panePID() throws -> Int32 {
        guard let pid = Int32(try run(["display-message", "-p", "-t", target, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "tmux did not report the pane's process id")
        }
        return pid
    }

    /// Kills the tmux server: every process in the pane gets a hangup, as when an SSH connection drops.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
    }

    /// The running children of a process (from /proc), for finding the program a shell started.
    public static func children(of parent: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            // After "pid (comm)" come the state and the parent's id.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    /// True while a process exists and is not a zombie.
    public static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }
}
