import TOMLKit

/// Reads TOML text into a table, keeping where a syntax error is so messages can name the line.
enum TOMLText {
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var reason: String
    }

    static func table(_ text: String) throws(SyntaxError) -> (table: TOMLTable, locator: TOMLLineLocator) {
        // TOML allows no control character but tab and line breaks anywhere; the parser inside
        // TOMLKit (toml++) asserts on some of them instead of reporting an error (found by
        // fuzzing: "[[\u{1A}x]]" aborted the program), so they are refused before it sees the text.
        if let problem = controlCharacter(in: text) { throw problem }
        do {
            return (try TOMLTable(string: text), TOMLLineLocator(text))
        } catch let error as TOMLParseError {
            throw SyntaxError(line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        } catch {
            throw SyntaxError(line: 1, column: 1, reason: "\(error)")
        }
    }

    /// The first character TOML forbids (C0 controls but tab, CR and LF; DEL), with its position.
    static func controlCharacter(in text: String) -> SyntaxError? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\r") || scalar.value == 0x7F {
                let code = String(scalar.value, radix: 16, uppercase: true)
                return SyntaxError(line: line, column: column,
                                   reason: "the control character U+\(String(repeating: "0", count: 4 - code.count))\(code) is not allowed in TOML; remove it")
            }
            column += 1
        }
        return nil
    }
}
