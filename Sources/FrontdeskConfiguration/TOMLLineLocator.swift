/// Finds the line of a key in TOML text, so semantic errors (which TOMLKit cannot place) can
/// still tell the user where to look. Handles `[table]` headers and `key = value` lines.
struct TOMLLineLocator {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// 1-based line of `key` inside `[table]` (or at the top level when `table` is nil).
    func line(ofKey key: String, inTable table: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingSpaces
            if line.hasPrefix("[") {
                current = Self.tableName(line)
                continue
            }
            guard current == table, let equals = line.firstIndex(of: "=") else { continue }
            let name = Self.unquoted(line[..<equals].trimmingSpaces)
            if name == key { return index + 1 }
        }
        return nil
    }

    /// 1-based line of the `[table]` header.
    func line(ofTable table: String) -> Int? {
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingSpaces
            if line.hasPrefix("["), Self.tableName(line) == table { return index + 1 }
        }
        return nil
    }

    private static func tableName(_ header: Substring) -> String {
        let inner = header.drop { $0 == "[" }.prefix { $0 != "]" }
        return unquoted(inner.trimmingSpaces)
    }

    private static func unquoted(_ text: Substring) -> String {
        var result = text
        if result.count >= 2, let first = result.first, first == "\"" || first == "'", result.last == first {
            result = result.dropFirst().dropLast()
        }
        return String(result)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
