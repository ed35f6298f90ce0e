/// Why a piece of JSON (with comments) could not be read, with the line to look at.
public enum CommentedJSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but spaces or comments.
    case empty
    /// A character that cannot appear here; `expected` says what could.
    case unexpectedCharacter(found: String, expected: String, line: Int, column: Int)
    /// The text stops in the middle of a value.
    case unexpectedEnd(expected: String, line: Int)
    /// A string opened on `line` is never closed on that line.
    case unterminatedString(line: Int)
    /// A `/*` comment opened on `line` is never closed.
    case unterminatedComment(line: Int)
    /// A backslash escape JSON does not know, such as `\x`.
    case invalidEscape(String, line: Int)
    /// A number JSON does not allow, such as `07`, `1.` or `.5`.
    case invalidNumber(String, line: Int)
    /// The same key twice in one object; JSON readers disagree on which one wins.
    case duplicateKey(String, line: Int)
    /// Objects or lists nested more than 100 levels deep.
    case tooDeep(line: Int)
    /// More text after the complete value.
    case trailingContent(found: String, line: Int)
    /// A raw control byte (such as NUL) inside a string; JSON needs it written as an escape.
    case controlCharacterInString(byte: UInt8, line: Int)
    /// A `\\uD800`-style escape with no partner: half of a character, not a character.
    case loneSurrogate(String, line: Int)

    /// The line the problem is on, when there is one.
    public var line: Int? {
        switch self {
        case .empty: return nil
        case .unexpectedCharacter(_, _, let line, _), .unexpectedEnd(_, let line),
             .unterminatedString(let line), .unterminatedComment(let line),
             .invalidEscape(_, let line), .invalidNumber(_, let line),
             .duplicateKey(_, let line), .trailingContent(_, let line), .tooDeep(let line),
             .controlCharacterInString(_, let line), .loneSurrogate(_, let line):
            return line
        }
    }

    public var description: String {
        switch self {
        case .empty:
            return "The JSON is empty: write an object such as {\"default_days\": 7}."
        case let .unexpectedCharacter(found, expected, line, column):
            var hint = ""
            if found == "'" { hint = " JSON needs double quotes (\"), not single quotes." }
            return "Line \(line), column \(column): found \(found) where \(expected) should be.\(hint)"
        case let .unexpectedEnd(expected, line):
            return "Line \(line): the JSON ends where \(expected) should be; check for a missing } or ]."
        case let .unterminatedString(line):
            return "Line \(line): a string is not closed; add the closing double quote (\")."
        case let .unterminatedComment(line):
            return "Line \(line): a /* comment is never closed; add */ after it."
        case let .invalidEscape(escape, line):
            return "Line \(line): \(escape) is not a JSON escape; write \\\\ for a backslash."
        case let .invalidNumber(text, line):
            return "Line \(line): \(text) is not a valid JSON number; write whole numbers such as 7 or 14."
        case let .duplicateKey(key, line):
            return "Line \(line): \"\(key)\" appears twice in the same object; keep only one."
        case .tooDeep(let line):
            return "Line \(line): objects and lists are nested more than 100 levels deep; simplify the JSON."
        case let .controlCharacterInString(byte, line):
            return "Line \(line): a string contains the control character 0x\(String(format: "%02X", byte)) (\(byte == 0 ? "NUL" : "unprintable")); remove it."
        case let .loneSurrogate(escape, line):
            return "Line \(line): \(escape) is half of a UTF-16 surrogate pair with no other half, not a character; remove it or write the whole character."
        case let .trailingContent(found, line):
            return "Line \(line): unexpected \(found) after the end of the JSON; remove it or wrap everything in one { }."
        }
    }
}
