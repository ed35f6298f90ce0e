import Foundation

/// Runs the binary as another, unprivileged account: tests run as root, which ignores file modes.
public enum OtherAccount {
    /// The account's name, created once (`useradd`) when missing.
    public static func name(_ user: String = "frontdesk-other") throws -> String {
        if try run(tool: "/usr/bin/id", [user]) != 0 {
            _ = try run(tool: "/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin", user])
        }
        return user
    }

    /// `frontdesk ARGUMENTS` as `user`, through `runuser`.
    public static func run(_ user: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        let env = environment.map { "\($0.key)=\($0.value)" }
        return try ProcessRunner.runProgram("/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "HOME=/tmp"] + env + [ProcessRunner.binary] + arguments)
    }

    private static func run(tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
