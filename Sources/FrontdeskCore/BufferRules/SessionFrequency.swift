import Foundation

/// How often a customer is expected to come, as written in `suggested_frequency`:
/// "2 per week", "2-3 per week", "twice a week", "weekly".
public struct SessionFrequency: Sendable, Equatable, Hashable {
    public var minPerWeek: Int
    public var maxPerWeek: Int
    /// The text as the manager wrote it, shown to staff unchanged.
    public var text: String

    public init(minPerWeek: Int, maxPerWeek: Int, text: String) {
        self.minPerWeek = minPerWeek
        self.maxPerWeek = maxPerWeek
        self.text = text
    }

    /// More than this many sessions a week is almost certainly a typing mistake.
    public static let largestPerWeek = 14

    /// Reads "2 per week", "2-3 per week", "2 to 3 times a week", "2x per week", "twice a week",
    /// "once a week", "3 times per week", "3/week", "weekly"; nil for anything else.
    public static func parse(_ text: String) -> SessionFrequency? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var words = normalizedWords(trimmed)
        guard !words.isEmpty else { return nil }

        if words == ["weekly"] || words == ["every", "week"] || words == ["once", "weekly"] {
            return SessionFrequency(minPerWeek: 1, maxPerWeek: 1, text: trimmed)
        }
        if words == ["daily"] || words == ["every", "day"] {
            return SessionFrequency(minPerWeek: 7, maxPerWeek: 7, text: trimmed)
        }

        // "twice weekly" reads as "twice per week".
        if words.count > 1, words.last == "weekly" { words.removeLast(); words += ["per", "week"] }
        // The period: "... per week", "... a week", "... each week", "... every week", "... /week".
        guard let last = words.last, ["week", "weeks", "wk"].contains(last) else { return nil }
        words.removeLast()
        if let connector = words.last, ["per", "a", "an", "each", "every", "/"].contains(connector) {
            words.removeLast()
        } else {
            return nil
        }
        // The count noun is optional: "2 per week", "2 times per week", "2 sessions a week".
        if let noun = words.last, ["times", "time", "x", "sessions", "session", "lessons", "lesson",
                                   "visits", "visit", "appointments", "appointment"].contains(noun) {
            words.removeLast()
        }

        let counts: (Int, Int)
        switch words.count {
        case 1:
            guard let n = count(words[0]) else { return nil }
            counts = (n, n)
        case 3 where ["-", "to", "or"].contains(words[1]):
            guard let a = count(words[0]), let b = count(words[2]) else { return nil }
            counts = (a, b)
        default:
            return nil
        }
        guard counts.0 >= 1, counts.0 <= counts.1, counts.1 <= largestPerWeek else { return nil }
        return SessionFrequency(minPerWeek: counts.0, maxPerWeek: counts.1, text: trimmed)
    }

    /// Lower-cased words with "-", "/" and a trailing "x" ("2x") split off as their own words.
    private static func normalizedWords(_ text: String) -> [String] {
        var spaced = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "-", "\u{2013}", "\u{2014}": spaced += " - "
            case "/": spaced += " / "
            default: spaced.unicodeScalars.append(scalar)
            }
        }
        var words: [String] = []
        for word in spaced.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
            if word.count > 1, word.hasSuffix("x"), Int(word.dropLast()) != nil {
                words.append(String(word.dropLast()))
                words.append("x")
            } else {
                words.append(word)
            }
        }
        return words
    }

    private static let countWords: [String: Int] = [
        "once": 1, "one": 1, "twice": 2, "two": 2, "thrice": 3, "three": 3, "four": 4, "five": 5,
        "six": 6, "seven": 7,
    ]

    private static func count(_ word: String) -> Int? {
        if let n = Int(word) { return n }
        return countWords[word]
    }
}
