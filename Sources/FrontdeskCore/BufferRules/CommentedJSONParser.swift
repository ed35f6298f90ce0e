import Foundation

/// A strict JSON reader that also skips `//` and `/* */` comments and tolerates trailing commas.
///
/// Written by hand rather than on top of JSONSerialization so that every error can name its line,
/// duplicate keys are refused, and numbers keep their kind: a whole number comes back as `Int`, a
/// fraction or exponent as `Double`, `true`/`false` as `Bool` (never confused with 1 and 0), `null`
/// as `NSNull`, objects as `[String: Any]` and arrays as `[Any]`.
struct CommentedJSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// Deeper nesting than any configuration needs; refusing it keeps a hostile file from
    /// exhausting the stack.
    static let maximumDepth = 100

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func parseDocument() throws(CommentedJSONError) -> Any {
        try skipSpaceAndComments()
        guard index < bytes.count else { throw .empty }
        let value = try parseValue()
        try skipSpaceAndComments()
        if index < bytes.count { throw .trailingContent(found: describeCurrent(), line: line) }
        return value
    }

    // MARK: Values

    private mutating func parseValue() throws(CommentedJSONError) -> Any {
        guard let byte = current else { throw .unexpectedEnd(expected: "a value", line: line) }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < CommentedJSONParser.maximumDepth else { throw .tooDeep(line: line) }
            depth += 1
            defer { depth -= 1 }
            return byte == UInt8(ascii: "{") ? try parseObject() : try parseArray()
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"):
            return try parseNumber()
        case UInt8(ascii: "t"): try expectWord("true"); return true
        case UInt8(ascii: "f"): try expectWord("false"); return false
        case UInt8(ascii: "n"): try expectWord("null"); return NSNull()
        default:
            throw unexpected(expected: "a value (a number, \"text\", true, false, null, { or [)")
        }
    }

    private mutating func parseObject() throws(CommentedJSONError) -> [String: Any] {
        advance() // {
        var result: [String: Any] = [:]
        try skipSpaceAndComments()
        if current == UInt8(ascii: "}") { advance(); return result }
        while true {
            try skipSpaceAndComments()
            // A trailing comma before } is tolerated: people editing by hand leave them behind.
            if current == UInt8(ascii: "}"), !result.isEmpty { advance(); return result }
            guard let byte = current else { throw .unexpectedEnd(expected: "a \"key\" or }", line: line) }
            guard byte == UInt8(ascii: "\"") else {
                throw unexpected(expected: "a key in double quotes")
            }
            let keyLine = line
            let key = try parseString()
            if result[key] != nil { throw .duplicateKey(key, line: keyLine) }
            try skipSpaceAndComments()
            guard current == UInt8(ascii: ":") else {
                if current == nil { throw .unexpectedEnd(expected: "a colon (:)", line: line) }
                throw unexpected(expected: "a colon (:) after \"\(key)\"")
            }
            advance()
            try skipSpaceAndComments()
            result[key] = try parseValue()
            try skipSpaceAndComments()
            guard let next = current else { throw .unexpectedEnd(expected: "a comma or }", line: line) }
            if next == UInt8(ascii: ",") { advance(); continue }
            if next == UInt8(ascii: "}") { advance(); return result }
            throw unexpected(expected: "a comma (,) or }")
        }
    }

    private mutating func parseArray() throws(CommentedJSONError) -> [Any] {
        advance() // [
        var result: [Any] = []
        try skipSpaceAndComments()
        if current == UInt8(ascii: "]") { advance(); return result }
        while true {
            try skipSpaceAndComments()
            if current == UInt8(ascii: "]"), !result.isEmpty { advance(); return result }
            result.append(try parseValue())
            try skipSpaceAndComments()
            guard let next = current else { throw .unexpectedEnd(expected: "a comma or ]", line: line) }
            if next == UInt8(ascii: ",") { advance(); continue }
            if next == UInt8(ascii: "]") { advance(); return result }
            throw unexpected(expected: "a comma (,) or ]")
        }
    }

    private mutating func parseString() throws(CommentedJSONError) -> String {
        let startLine = line
        advance() // opening quote
        var buffer: [UInt8] = []
        while true {
            guard let byte = current, byte != UInt8(ascii: "\n") else {
                throw .unterminatedString(line: startLine)
            }
            if byte == UInt8(ascii: "\"") { advance(); break }
            if byte < 0x20 { throw .controlCharacterInString(byte: byte, line: line) }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                advance()
                continue
            }
            advance()
            guard let escape = current else { throw .unterminatedString(line: startLine) }
            advance()
            switch escape {
            case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800...0xDBFF).contains(code), current == UInt8(ascii: "\\"),
                   peek(1) == UInt8(ascii: "u") {
                    advance(); advance()
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw .loneSurrogate("\\u" + String(code, radix: 16, uppercase: true), line: line)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw .loneSurrogate("\\u" + String(code, radix: 16, uppercase: true), line: line)
                }
                buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw .invalidEscape("\\" + String(decoding: [escape], as: UTF8.self), line: line)
            }
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    private mutating func parseHex4() throws(CommentedJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexValue(byte) else { throw .invalidEscape("\\u", line: line) }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(CommentedJSONError) -> Any {
        let start = index
        let startLine = line
        while let byte = current, isNumberByte(byte) { advance() }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        var chars = Array(text.utf8)[...]
        if chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        let intDigits = chars.prefix(while: isDigit)
        chars = chars.dropFirst(intDigits.count)
        var isInteger = true
        guard !intDigits.isEmpty, !(intDigits.count > 1 && intDigits.first == UInt8(ascii: "0")) else {
            throw .invalidNumber(text, line: startLine)
        }
        if chars.first == UInt8(ascii: ".") {
            isInteger = false
            chars = chars.dropFirst()
            let frac = chars.prefix(while: isDigit)
            guard !frac.isEmpty else { throw .invalidNumber(text, line: startLine) }
            chars = chars.dropFirst(frac.count)
        }
        if chars.first == UInt8(ascii: "e") || chars.first == UInt8(ascii: "E") {
            isInteger = false
            chars = chars.dropFirst()
            if chars.first == UInt8(ascii: "+") || chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
            let exp = chars.prefix(while: isDigit)
            guard !exp.isEmpty else { throw .invalidNumber(text, line: startLine) }
            chars = chars.dropFirst(exp.count)
        }
        guard chars.isEmpty else { throw .invalidNumber(text, line: startLine) }
        if isInteger, let int = Int(text) { return int }
        guard let double = Double(text), double.isFinite else { throw .invalidNumber(text, line: startLine) }
        return double
    }

    private mutating func expectWord(_ word: String) throws(CommentedJSONError) {
        let startLine = line
        let startColumn = column
        var found: [UInt8] = []
        while let byte = current, isWordByte(byte) { found.append(byte); advance() }
        let text = String(decoding: found, as: UTF8.self)
        guard text == word else {
            throw .unexpectedCharacter(found: "\(text)", expected: "a value (did you mean \(word)?)",
                                       line: startLine, column: startColumn)
        }
    }

    // MARK: Spaces and comments

    private mutating func skipSpaceAndComments() throws(CommentedJSONError) {
        while let byte = current {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                advance()
            case 0xEF where peek(1) == 0xBB && peek(2) == 0xBF: // a byte-order mark from an editor
                advance(); advance(); advance()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let b = current, b != UInt8(ascii: "\n") { _ = b; advance() }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                let startLine = line
                advance(); advance()
                while true {
                    guard current != nil else { throw .unterminatedComment(line: startLine) }
                    if current == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") { advance(); advance(); break }
                    advance()
                }
            default:
                return
            }
        }
    }

    // MARK: Cursor

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private func unexpected(expected: String) -> CommentedJSONError {
        .unexpectedCharacter(found: describeCurrent(), expected: expected, line: line, column: column)
    }

    /// The character at the cursor as staff would recognise it, quoted; a word if it is one.
    private func describeCurrent() -> String {
        guard index < bytes.count else { return "the end" }
        var end = index
        if bytes[index] == UInt8(ascii: "\"") {
            // Show a whole string ("b"), as staff see it in their editor.
            end += 1
            while end < bytes.count, end - index < 40, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n") {
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") { end += 1 }
            return String(decoding: bytes[index..<end], as: UTF8.self)
        } else if isWordByte(bytes[index]) {
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        } else {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        return text == "'" ? "'" : "\"\(text)\""
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isNumberByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || isDigit(byte) || byte == UInt8(ascii: "_")
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
