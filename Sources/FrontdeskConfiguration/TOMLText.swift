import TOMLKit

/// Reads TOML text into a table, keeping where a syntax error is so messages can name the line.
enum TOMLText {
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var reason: String
    }

    static func table(_ text: String) throws(SyntaxError) -> (table: TOMLTable, locator: TOMLLineLocator) {
        // The parser inside TOMLKit aborts on some malformed text instead of reporting it: those
        // cases are refused before it sees the text (see TOMLPreflight).
        if let problem = TOMLPreflight.problem(in: text) { throw problem }
        do {
            return (try TOMLTable(string: text), TOMLLineLocator(text))
        } catch let error as TOMLParseError {
            throw SyntaxError(line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
        } catch {
            throw SyntaxError(line: 1, column: 1, reason: "\(error)")
        }
    }
}
