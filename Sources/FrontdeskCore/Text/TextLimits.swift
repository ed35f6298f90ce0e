/// The sizes the front desk accepts, checked in the core so the command line, the screens and the
/// importer refuse the same things: a 100,000-character name would otherwise be stored and then
/// slow every list that shows it.
public enum TextLimits {
    /// Customer, provider and service names, session labels and nouns.
    public static let name = 200
    /// A customer's or a session's notes.
    public static let notes = 10_000
    /// How many trigger words a service may have, and the length of each.
    public static let triggerWords = 50
    public static let triggerWord = 50
    /// A service file, in bytes.
    public static let serviceFileBytes = 1_048_576
    /// How much of a refused input an error message quotes.
    public static let quoted = 80

    /// Checks one text field: no NUL (SQLite and C would cut the text there), no control characters
    /// in a one-line field, and at most `limit` characters.
    public static func check(_ text: String, field: String, limit: Int, multiline: Bool = false) throws(TextInputError) {
        if text.unicodeScalars.contains("\0") { throw .containsNUL(field: field) }
        if !multiline, text.unicodeScalars.contains(where: { TerminalSafeText.isUnsafe($0) && $0 != "\t" }) {
            throw .controlCharacter(field: field, text: quote(text))
        }
        let count = text.count
        if count > limit { throw .tooLong(field: field, count: count, limit: limit) }
    }

    /// Decodes bytes that must be UTF-8, naming the field when they are not (instead of silently
    /// turning them into U+FFFD).
    public static func utf8(_ bytes: some Sequence<UInt8>, field: String) throws(TextInputError) -> String {
        guard let text = String(validating: Array(bytes), as: UTF8.self) else { throw .invalidUTF8(field: field) }
        return text
    }

    /// At most `quoted` characters of `text`, escaped for the terminal, with "…" when cut.
    public static func quote(_ text: String) -> String {
        let cut = text.count > quoted ? String(text.prefix(quoted)) + "…" : text
        return TerminalSafeText.escaped(cut, keepingNewlines: false)
    }
}

/// Why a text was refused; the description says what to do.
public enum TextInputError: Error, Equatable, Sendable, CustomStringConvertible {
    case containsNUL(field: String)
    case invalidUTF8(field: String)
    case controlCharacter(field: String, text: String)
    case tooLong(field: String, count: Int, limit: Int)

    public var field: String {
        switch self {
        case let .containsNUL(field), let .invalidUTF8(field), let .controlCharacter(field, _), let .tooLong(field, _, _): return field
        }
    }

    /// The reason without the field name.
    public var reason: String {
        switch self {
        case .containsNUL:
            return "contains a NUL character (\\0), which cannot be stored. Remove it."
        case .invalidUTF8:
            return "is not valid UTF-8 text. Save it as UTF-8 (or type it again)."
        case let .controlCharacter(_, text):
            return "“\(text)” contains a control character (escape, bell, a direction override …). Type the text without it."
        case let .tooLong(_, count, limit):
            return "is \(count) characters long; at most \(limit) are allowed. Shorten it."
        }
    }

    public var description: String { "\(field) \(reason)" }
}
