import Foundation

/// Keeps the README's "## Benchmarks" section showing the latest full run; the rest of the README
/// is left exactly as it is.
enum ReadmeSection {
    static let heading = "## Benchmarks"
    static let tableStart = "<!-- benchmarks:start (written by Benchmarks/run) -->"
    static let tableEnd = "<!-- benchmarks:end -->"

    static let introduction = """
        Speed is part of the product, so it is measured, never asserted in unit tests. `Benchmarks/run`
        generates clinic-chain data with `frontdesk demo --bookings N` (N = 10k, 100k, 1M), writes the same
        bookings as a calcurse data folder, and compares Frontdesk in-process and as a whole process with
        `calcurse` and the `sqlite3` command line (hyperfine A/B runs). `Benchmarks/run --small` is the CI
        run. See [Benchmarks/README.md](Benchmarks/README.md) for what each row measures.
        """

    static func replace(in path: String, table: String) throws {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let block = tableStart + "\n" + table.trimmingCharacters(in: .whitespacesAndNewlines) + "\n" + tableEnd
        var text: String
        if let start = existing.range(of: tableStart), let end = existing.range(of: tableEnd, range: start.upperBound..<existing.endIndex) {
            text = existing.replacingCharacters(in: start.lowerBound..<end.upperBound, with: block)
        } else if let section = existing.range(of: "\n" + heading + "\n") ?? (existing.hasPrefix(heading + "\n") ? existing.range(of: heading + "\n") : nil) {
            // The section exists without a table: append the table at the section's end.
            let rest = existing[section.upperBound...]
            let next = rest.range(of: "\n## ")?.lowerBound ?? existing.endIndex
            text = existing
            text.replaceSubrange(next..<next, with: "\n" + block + "\n")
        } else {
            text = existing + (existing.isEmpty || existing.hasSuffix("\n\n") ? "" : existing.hasSuffix("\n") ? "\n" : "\n\n")
                + heading + "\n\n" + introduction + "\n\n" + block + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
