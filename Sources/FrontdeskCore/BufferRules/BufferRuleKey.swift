/// One key of `session_buffer_config`, recognised from its name.
enum BufferRuleKey: Equatable {
    case defaultGap(GapLength.Unit)
    case sessionPair(from: Int, to: Int, unit: GapLength.Unit)
    case minimumDays
    case recommendedDays
    case maximumDays
    case frequency

    static let frequencyKeys = ["suggested_frequency", "recommended_frequency"]

    /// Every fixed key name, for did-you-mean suggestions.
    static let fixedKeys = ["default_days", "default_weeks", "default_months", "minimum_days",
                            "recommended_days", "maximum_days"] + frequencyKeys

    /// Short forms people reach for that are too far from the real key for edit distance to find.
    private static let aliases: [String: String] = [
        "min_days": "minimum_days", "minimum": "minimum_days", "min": "minimum_days",
        "max_days": "maximum_days", "maximum": "maximum_days", "max": "maximum_days",
        "rec_days": "recommended_days", "recommended": "recommended_days",
        "default": "default_days", "days": "default_days", "frequency": "suggested_frequency",
        "buffer_days": "default_days", "gap_days": "default_days",
    ]

    /// The key's meaning; nil when the name is unknown.
    init?(_ name: String) {
        switch name {
        case "default_days": self = .defaultGap(.days)
        case "default_weeks": self = .defaultGap(.weeks)
        case "default_months": self = .defaultGap(.months)
        case "minimum_days": self = .minimumDays
        case "recommended_days": self = .recommendedDays
        case "maximum_days": self = .maximumDays
        case "suggested_frequency", "recommended_frequency": self = .frequency
        default:
            guard let pair = BufferRuleKey.sessionPair(in: name) else { return nil }
            self = .sessionPair(from: pair.from, to: pair.to, unit: pair.unit)
        }
    }

    /// Reads "session_N_to_M_days|weeks|months" (no leading zeros); nil for anything else.
    static func sessionPair(in name: String) -> (from: Int, to: Int, unit: GapLength.Unit)? {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "session", parts[2] == "to",
              let from = wholeNumber(parts[1]), let to = wholeNumber(parts[3]),
              let unit = GapLength.Unit(rawValue: String(parts[4]))
        else { return nil }
        return (from, to, unit)
    }

    /// The key name for a default gap in `unit`.
    static func defaultKey(_ unit: GapLength.Unit) -> String { "default_\(unit.rawValue)" }

    /// The key name for the gap between session `from` and the next one.
    static func pairKey(from: Int, unit: GapLength.Unit) -> String {
        "session_\(from)_to_\(from + 1)_\(unit.rawValue)"
    }

    /// The known key closest to a misspelt one, when it is close enough to be what was meant.
    static func suggestion(for name: String) -> String? {
        let lowered = name.lowercased().replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
        if let alias = aliases[lowered] { return alias }
        var candidates = fixedKeys
        // For session keys the numbers are taken from the misspelt key itself: "sesion_1_to_2_days"
        // should suggest the same pair, whatever else went wrong.
        let numbers = numbersIn(lowered)
        if numbers.count >= 2 {
            let from = numbers[0]
            for unit in GapLength.Unit.allCases {
                candidates.append("session_\(from)_to_\(numbers[1])_\(unit.rawValue)")
                candidates.append(pairKey(from: from, unit: unit))
            }
        } else if numbers.count == 1 {
            for unit in GapLength.Unit.allCases { candidates.append(pairKey(from: numbers[0], unit: unit)) }
        }
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let d = editDistance(lowered, candidate)
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        let tolerance = max(2, lowered.count / 4)
        return best.distance <= tolerance ? best.key : nil
    }

    private static func wholeNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
              !(text.count > 1 && text.first == "0")
        else { return nil }
        return Int(text)
    }

    private static func numbersIn(_ text: String) -> [Int] {
        text.split(whereSeparator: { !$0.isNumber || !$0.isASCII }).compactMap { Int($0) }
    }

    /// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
