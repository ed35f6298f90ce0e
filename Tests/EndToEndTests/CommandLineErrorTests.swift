import Foundation
import FrontdeskTestSupport
import Testing

/// Bad input and broken files: a clear message on standard error, the right exit code, no stack trace.
@Suite struct CommandLineErrorTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-err-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func expectClean(_ result: ProcessRunner.Result, code: Int32, mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == code, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentions), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump") && !result.stderr.contains("backtrace"),
                sourceLocation: sourceLocation)
    }

    @Test func aMissingDatabaseSaysHowToCreateOne() throws {
        let path = try folder().appendingPathComponent("none.sqlite").path
        expectClean(try ProcessRunner.run(["agenda", "--db", path]), code: 1, mentions: "frontdesk init")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aCorruptFileIsRefusedWithoutTouchingIt() throws {
        let path = try folder().appendingPathComponent("bad.sqlite").path
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: path))
        expectClean(try ProcessRunner.run(["groups", "--db", path]), code: 1, mentions: "damaged")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x42, count: 4096))
    }

    @Test func invalidInputExitsWithTwo() throws {
        let dir = try folder()
        let db = dir.appendingPathComponent("clinic.sqlite").path
        #expect(try ProcessRunner.run(["init", "--db", db, "--timezone", "Europe/Zurich"]).status == 0)
        expectClean(try ProcessRunner.run(["init", "--db", dir.appendingPathComponent("x.sqlite").path, "--timezone", "Mars/Olympus"]),
                    code: 2, mentions: "Unknown time zone")
        expectClean(try ProcessRunner.run(["agenda", "--db", db, "--from", "30.2.2026"]), code: 2, mentions: "does not exist")
        expectClean(try ProcessRunner.run(["agenda", "--db", db, "--bogus"]), code: 2, mentions: "--bogus")
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"name": "X", "requires_multiple_sessions": true, "total_sessions_required": 3, "multi_session_strategy": "immediate", "session_buffer_config": {"sesion_1_to_2_days": 14}}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        expectClean(try ProcessRunner.run(["service", "import", bad.path, "--db", db]), code: 2, mentions: "session_1_to_2_days")
        #expect(try ProcessRunner.run(["service", "list", "--db", db]).stdout.contains("No services"))
        expectClean(try ProcessRunner.run(["customer", "add", "--name", " ", "--db", db]), code: 2, mentions: "Customer name")
    }
}
