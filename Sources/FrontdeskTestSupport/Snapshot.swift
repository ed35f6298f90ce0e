import Foundation
import Testing
import TerminalUI

/// Compares a buffer's text with `Snapshots/<name>.txt` beside the calling test file.
/// Trailing spaces are trimmed per line. When the file is missing or `RECORD_SNAPSHOTS=1`, the
/// snapshot is written and the test fails, so a recording is never mistaken for a pass.
public func assertSnapshot(
    _ buffer: Buffer, named name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    assertSnapshot(lines: buffer.lines(), named: name, filePath: filePath, sourceLocation: sourceLocation)
}

/// Compares lines of text with a snapshot file; see `assertSnapshot(_:named:)`.
public func assertSnapshot(
    lines: [String], named name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = SnapshotFile.normalized(lines)
    let file = SnapshotFile.url(named: name, besideTestFile: filePath)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: file, encoding: .utf8)
    if recording || existing == nil {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(file.lastPathComponent); review it and run again without RECORD_SNAPSHOTS.", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot at \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = existing, expected != actual else { return }
    Issue.record(
        """
        Snapshot \(name) differs (run with RECORD_SNAPSHOTS=1 to re-record after checking).
        \(SnapshotFile.difference(expected: expected, actual: actual))
        """,
        sourceLocation: sourceLocation
    )
}

/// File naming and text normalisation for snapshots.
enum SnapshotFile {
    static func url(named name: String, besideTestFile filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent("\(name).txt")
    }

    /// One line per row, trailing spaces trimmed, ending with a newline.
    static func normalized(_ lines: [String]) -> String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n") + "\n"
    }

    /// The first differing lines, numbered, so a failure shows where a screen moved.
    static func difference(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? String(e[index]) : "<none>"
            let right = index < a.count ? String(a[index]) : "<none>"
            if left != right {
                report.append("line \(index + 1):\n  expected |\(left)|\n  actual   |\(right)|")
            }
            if report.count == 5 { break }
        }
        return report.joined(separator: "\n")
    }
}
