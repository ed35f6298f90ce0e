/// Checks the parts of TOML that the parser inside TOMLKit (toml++) asserts on instead of
/// reporting: it aborts the program (or, built without assertions, assumes the impossible). Found
/// by fuzzing; each refusal here is an ordinary syntax error with its line.
///
/// - control characters other than tab and line breaks, anywhere;
/// - a table header whose name does not start with a key: `[{x]`, `[[ =y]]`.
enum TOMLPreflight {
    static func problem(in text: String) -> TOMLText.SyntaxError? {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.run()
    }

    struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1
        /// Unclosed `[` and `{` of values: a `[` at the start of a line is a header only at depth 0.
        var depth = 0
        var atLineStart = true

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        mutating func advance() {
            if current == "\n" {
                line += 1
                column = 1
                atLineStart = true
            } else {
                column += 1
            }
            index += 1
        }

        func error(_ reason: String) -> TOMLText.SyntaxError { TOMLText.SyntaxError(line: line, column: column, reason: reason) }

        static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
            default: return false
            }
        }

        mutating func run() -> TOMLText.SyntaxError? {
            while let scalar = current {
                if (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0x7F {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    return error("the control character U+\(String(repeating: "0", count: 4 - code.count))\(code) is not allowed in TOML; remove it")
                }
                switch scalar {
                case " ", "\t", "\r", "\n":
                    advance()
                    continue
                case "#":
                    while let next = current, next != "\n" {
                        if next.value < 0x20 && next != "\t" && next != "\r" { break }
                        advance()
                    }
                    continue
                case "\"", "'":
                    if let problem = skipString(quote: scalar) { return problem }
                case "[" where atLineStart && depth == 0:
                    if let problem = checkHeader() { return problem }
                case "[", "{":
                    depth += 1
                    advance()
                case "]", "}":
                    depth = max(0, depth - 1)
                    advance()
                default:
                    advance()
                }
                atLineStart = false
            }
            return nil
        }

        /// After `[` or `[[` and spaces, a header must start with a key (or be the empty `[]`, which
        /// the parser itself refuses properly).
        mutating func checkHeader() -> TOMLText.SyntaxError? {
            advance()
            if current == "[" { advance() }
            while current == " " || current == "\t" { advance() }
            if let first = current, !(Self.isBareKey(first) || first == "\"" || first == "'" || first == "]") {
                return error("a table header must start with a name, such as [colors]; found “\(first)”")
            }
            // The rest of the header line holds no values: skip it, keeping quoted names whole.
            while let next = current, next != "\n" {
                if next == "\"" || next == "'" {
                    if let problem = skipString(quote: next) { return problem }
                } else {
                    if next == "#" { break }
                    advance()
                }
            }
            return nil
        }

        /// Skips a basic or literal string, single- or multi-line.
        mutating func skipString(quote: Unicode.Scalar) -> TOMLText.SyntaxError? {
            let multiline = peek(1) == quote && peek(2) == quote
            advance()
            if multiline { advance(); advance() }
            while let next = current {
                if (next.value < 0x20 && next != "\t" && !(multiline && (next == "\n" || next == "\r"))) || next.value == 0x7F {
                    // Left for the control-character check or the parser's own "string not closed".
                    return nil
                }
                if quote == "\"" && next == "\\" {
                    advance()
                    advance()
                    continue
                }
                if next == quote {
                    if !multiline {
                        advance()
                        return nil
                    }
                    if peek(1) == quote && peek(2) == quote {
                        advance(); advance(); advance()
                        // Up to two more quotes may belong to the string's end.
                        if current == quote { advance() }
                        if current == quote { advance() }
                        return nil
                    }
                }
                advance()
            }
            return nil
        }
    }
}
