import Foundation

/// A phone number as the desk types it, and the digits it is searched and compared by.
///
/// "079 963 78 17", "+41 79 963 78 17", "0041 79 963 78 17" and "0799637817" are one number once a
/// default country code (41) says what a national number means: all normalise to "41799637817".
public enum PhoneNumber {
    /// Characters a phone number may contain besides digits.
    public static let allowedPunctuation: Set<Character> = ["+", "(", ")", "-", " "]

    /// Why a typed phone number is refused.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case forbiddenCharacter(Character)
        case tooFewDigits(Int)
        case misplacedPlus

        public var description: String {
            switch self {
            case let .forbiddenCharacter(character):
                return "“\(character)” is not allowed in a phone number. Use digits and + ( ) - or spaces only, e.g. +41 79 963 78 17."
            case let .tooFewDigits(count):
                return "has \(count) digit\(count == 1 ? "" : "s"); a phone number needs at least \(PhoneNumber.minimumDigits). Type the whole number."
            case .misplacedPlus:
                return "a + may only start the number (the country code), e.g. +41 79 963 78 17."
            }
        }
    }

    public static let minimumDigits = 3

    /// Checks what staff typed: digits and `+ ( ) - space` only, a + only first, at least three digits.
    public static func validate(_ text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = 0
        for (index, character) in trimmed.enumerated() {
            if character.isASCII, character.isNumber { digits += 1; continue }
            guard allowedPunctuation.contains(character) else { throw .forbiddenCharacter(character) }
            if character == "+", index != 0 { throw .misplacedPlus }
        }
        guard digits >= minimumDigits else { throw .tooFewDigits(digits) }
    }

    /// The digits a number is stored, searched and compared by: international without the +, when
    /// the number says its country (+41, 0041) or `defaultCountryCode` turns a national one
    /// (leading 0) into it; otherwise the digits as typed. Nil when there are no digits.
    public static func normalised(_ text: String, defaultCountryCode: String? = nil) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = String(trimmed.filter { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty else { return nil }
        if trimmed.hasPrefix("+") { return digits }
        if digits.hasPrefix("00") { return String(digits.dropFirst(2)) }
        if digits.hasPrefix("0"), let code = countryCodeDigits(defaultCountryCode) {
            digits = code + digits.dropFirst()
        }
        return digits
    }

    /// The stored forms a search for `query` should find, as prefixes of the normalised column: the
    /// normalised query, and for digits typed without a country or trunk prefix ("79 963") also the
    /// same digits after the default country code. Empty when the query has too few digits.
    public static func searchPrefixes(_ query: String, defaultCountryCode: String? = nil) -> [String] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard trimmed.filter({ $0.isASCII && $0.isNumber }).count >= minimumDigits,
              trimmed.allSatisfy({ ($0.isASCII && $0.isNumber) || allowedPunctuation.contains($0) }),
              let normalised = normalised(trimmed, defaultCountryCode: defaultCountryCode) else { return [] }
        var prefixes = [normalised]
        if !trimmed.hasPrefix("+"), !normalised.hasPrefix("0"), let code = countryCodeDigits(defaultCountryCode),
           !(trimmed.filter(\.isNumber).hasPrefix("0")) {
            prefixes.append(code + normalised)
        }
        return prefixes
    }

    /// "41", "+41" or "0041" → "41"; nil for anything that is not 1–3 digits.
    public static func countryCodeDigits(_ code: String?) -> String? {
        guard let code else { return nil }
        var digits = code.trimmingCharacters(in: .whitespaces)
        if digits.hasPrefix("+") { digits.removeFirst() } else if digits.hasPrefix("00") { digits.removeFirst(2) }
        guard (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }
}

/// An e-mail address as typed: one @ with something on both sides, no spaces.
public enum EmailAddress {
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case atSigns(Int)
        case emptyPart
        case whitespace

        public var description: String {
            switch self {
            case let .atSigns(count):
                return count == 0 ? "has no @. Type the whole address, e.g. zoe@example.com, or leave it empty."
                    : "has \(count) @ signs; an address has exactly one, e.g. zoe@example.com."
            case .emptyPart: return "needs a name before the @ and a domain after it, e.g. zoe@example.com."
            case .whitespace: return "contains a space. An e-mail address has none."
            }
        }
    }

    public static func validate(_ text: String) throws(Problem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(where: \.isWhitespace) { throw .whitespace }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .atSigns(parts.count - 1) }
        guard !parts[0].isEmpty, !parts[1].isEmpty else { throw .emptyPart }
    }

    /// Lower-cased, for search and duplicate checks.
    public static func normalised(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
