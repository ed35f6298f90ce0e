import Foundation

/// Runs the real `frontdesk` binary as a separate process, as a user or a script would.
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built `frontdesk` executable next to the test bundle (or `$FRONTDESK_BINARY`).
    public static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["FRONTDESK_BINARY"] { return explicit }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("frontdesk").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/frontdesk").path
    }

    /// Starts `frontdesk` with the arguments; the caller waits or kills it.
    public static func start(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["FRONTDESK_DB"] = nil
        env["FRONTDESK_NOW"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return (process, out, err)
    }

    /// Runs `frontdesk` to the end and returns its exit status and output.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        finish(try start(arguments, environment: environment, stdin: stdin))
    }

    /// Waits for a started process and collects its output.
    public static func finish(_ started: (process: Process, stdout: Pipe, stderr: Pipe)) -> Result {
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = started.stdout.fileHandleForReading.readDataToEndOfFile()
        let stderr = started.stderr.fileHandleForReading.readDataToEndOfFile()
        started.process.waitUntilExit()
        return Result(status: started.process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs another program to the end (e.g. `runuser` around the binary).
    public static func runProgram(_ program: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return finish((process, out, err))
    }

    /// Runs `frontdesk` as another Unix account (`runuser`, so the caller must be root), with only
    /// the environment given plus a PATH: permission cases need a real second user.
    @discardableResult
    public static func run(asUser user: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        process.arguments = ["-u", user, "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/nonexistent"] + settings + [binary] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return finish((process, out, err))
    }

    /// Parses standard output as JSON.
    public static func json(_ result: Result) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}
