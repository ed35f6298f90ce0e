import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the notify command once: argv as configured (never through a shell), the payload on its
/// standard input, standard output discarded, the first line of standard error kept. A command that
/// runs past the timeout is killed with its whole process group (a script's children too).
enum NotifyProcess {
    struct Result: Equatable {
        /// Nil when it was killed or could not start.
        var exitStatus: Int?
        var timedOut: Bool
        var started: Bool
        var stderrFirstLine: String
    }

    static func run(argv: [String], input: Data, timeout: TimeInterval) -> Result {
        guard let program = argv.first, !program.isEmpty else {
            return Result(exitStatus: nil, timedOut: false, started: false, stderrFirstLine: "no notify command is configured")
        }
        // A command that exits without reading its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var stdinPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stderrPipe) == 0 else {
            return Result(exitStatus: nil, timedOut: false, started: false, stderrFirstLine: "cannot create a pipe: errno \(errno)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdinPipe + stderrPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let status = posix_spawnp(&pid, program, &actions, &attributes, cArguments, environ)
        close(stdinPipe[0])
        close(stderrPipe[1])
        guard status == 0 else {
            close(stdinPipe[1])
            close(stderrPipe[0])
            return Result(exitStatus: nil, timedOut: false, started: false,
                          stderrFirstLine: "\(program) could not be started: \(String(cString: strerror(status)))")
        }
        input.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(stdinPipe[1], buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        close(stdinPipe[1])

        var errorOutput = Data()
        var exitStatus: Int32 = 0
        var exited = false
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        let flags = fcntl(stderrPipe[0], F_GETFL)
        _ = fcntl(stderrPipe[0], F_SETFL, flags | O_NONBLOCK)
        while !exited {
            drain(stderrPipe[0], into: &errorOutput)
            if waitpid(pid, &exitStatus, WNOHANG) == pid { exited = true; break }
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGTERM)
                let grace = Date().addingTimeInterval(1)
                while Date() < grace, waitpid(pid, &exitStatus, WNOHANG) != pid { wait(milliseconds: 20) }
                kill(-pid, SIGKILL)
                waitpid(pid, &exitStatus, 0)
                break
            }
            var poller = pollfd(fd: stderrPipe[0], events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, 20)
        }
        drain(stderrPipe[0], into: &errorOutput)
        close(stderrPipe[0])
        let firstLine = String(decoding: errorOutput, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).first
            .map(String.init) ?? ""
        let code: Int? = timedOut ? nil : ((exitStatus & 0x7f) == 0 ? Int((exitStatus >> 8) & 0xff) : 128 + Int(exitStatus & 0x7f))
        return Result(exitStatus: code, timedOut: timedOut, started: true, stderrFirstLine: firstLine)
    }

    private static func drain(_ fd: Int32, into data: inout Data) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 65_536 {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { return }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    private static func wait(milliseconds: Int32) {
        var none = pollfd(fd: -1, events: 0, revents: 0)
        _ = poll(&none, 1, milliseconds)
    }
}
