/// Checks the parts of TOML that the parser inside TOMLKit (toml++) asserts on instead of
/// reporting: it aborts the program (or, built without assertions, assumes the impossible). Found
/// by fuzzing; each refusal here is an ordinary syntax error with its line.
///
/// - control characters other than tab and line breaks, anywhere;
/// - a table header whose name does not start with a key: `[{x]`, `[[ =y]]`;
/// - a missing value: `a = }`, `a = [}]`, `a = [,]`;
/// - dates and times (`1979-05-27T07:32:00Z`), which Frontdesk's files never use and whose parser
///   asserted on `1979-05-27T:00Z`.
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
        var openers: [Unicode.Scalar] = []
        var depth: Int { openers.count }
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

        /// Four digits and a dash, then a digit: the start of a TOML date.
        var looksLikeDate: Bool {
            guard index == 0 || !Self.isBareKey(scalars[index - 1]) else { return false }
            for offset in 0..<4 {
                guard let digit = peek(offset), ("0"..."9").contains(digit) else { return false }
            }
            guard peek(4) == "-", let next = peek(5) else { return false }
            return ("0"..."9").contains(next)
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
                case "=":
                    advance()
                    while current == " " || current == "\t" { advance() }
                    if let next = current, next == "]" || next == "}" || next == "," || next == "#" {
                        return error("a value is missing after =; write one, such as \"text\", true or [\"a\", \"b\"]")
                    }
                    continue
                case "[", "{":
                    openers.append(scalar)
                    advance()
                    if scalar == "[", let problem = checkArrayElement() { return problem }
                    continue
                case "," where openers.last == "[":
                    advance()
                    if let problem = checkArrayElement() { return problem }
                    continue
                case "]", "}":
                    if !openers.isEmpty { openers.removeLast() }
                    advance()
                case ":":
                    return error("dates and times are not used in Frontdesk's configuration or themes; remove this value (or put it in quotes)")
                case "0"..."9" where looksLikeDate:
                    return error("dates and times are not used in Frontdesk's configuration or themes; remove this value (or put it in quotes)")
                default:
                    advance()
                }
                atLineStart = false
            }
            return nil
        }

        /// After `[` or `,` in an array: the next element (or the closing `]`), past spaces, line
        /// breaks and comments; `}` and `,` are not values.
        mutating func checkArrayElement() -> TOMLText.SyntaxError? {
            while let next = current {
                if next == " " || next == "\t" || next == "\r" || next == "\n" {
                    advance()
                } else if next == "#" {
                    while let inComment = current, inComment != "\n", inComment.value >= 0x20 || inComment == "\t" { advance() }
                    if let stop = current, stop != "\n" { return nil }
                } else {
                    break
                }
            }
            if let next = current, next == "}" || next == "," {
                return error("a list element is missing before “\(next)”; remove the extra comma or bracket")
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
