/// Why a session buffer configuration was refused; every message names the key to change.
public enum BufferRulesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not JSON at all (the inner error names the line).
    case malformedJSON(CommentedJSONError)
    /// Valid JSON, but not an object: `found` says what it is ("a list [...]", "7").
    case notAnObject(found: String)
    /// A key the rules do not know, with the closest known key when it is a near miss.
    case unknownKey(String, suggestion: String?)
    /// A gap or day count that is not a whole number: true, "7", 2.5, null.
    case notAWholeNumber(key: String, value: String)
    /// A gap or day count below zero.
    case negativeValue(key: String, value: Int)
    /// A gap so long it is surely a typing mistake (over ten years).
    case valueTooLarge(key: String, value: Int, limit: Int)
    /// `session_N_to_M_*` where M is not N + 1, such as `session_1_to_3_days`.
    case pairNotConsecutive(key: String)
    /// `session_N_to_M_*` naming a session the service does not have.
    case sessionOutOfRange(key: String, totalSessions: Int)
    /// The same pair of sessions twice, in different units.
    case pairGivenTwice(key: String, otherKey: String)
    /// More than one of `default_days`, `default_weeks`, `default_months`.
    case conflictingDefaults(keys: [String])
    /// Both `suggested_frequency` and `recommended_frequency`.
    case conflictingFrequencies(keys: [String])
    /// `minimum_days` larger than `recommended_days`.
    case minimumAboveRecommended(minimum: Int, recommended: Int)
    /// `recommended_days` larger than `maximum_days`.
    case recommendedAboveMaximum(recommended: Int, maximum: Int)
    /// `minimum_days` larger than `maximum_days`.
    case minimumAboveMaximum(minimum: Int, maximum: Int)
    /// A session-specific or default gap that is longer than `recommended_days` allows to suggest.
    case gapAboveRecommended(key: String, gap: GapLength, recommended: Int)
    /// A session-specific or default gap longer than `maximum_days`: the session would always be overdue.
    case gapAboveMaximum(key: String, gap: GapLength, maximum: Int)
    /// An immediate service with no gap for one pair; `key` is the key that would define it.
    case missingGapForImmediate(key: String, totalSessions: Int)
    /// An immediate service whose planned gap is 0: two sessions would be laid out at the same time.
    case zeroGapForImmediate(key: String)
    /// A frequency text the rules cannot read.
    case unreadableFrequency(key: String, text: String)
    /// The number of sessions is outside 1–50.
    case totalSessionsOutOfRange(Int)

    /// The configuration key the problem is about, for highlighting it in an editor.
    public var key: String? {
        switch self {
        case .malformedJSON, .notAnObject: return nil
        case .unknownKey(let key, _): return key
        case .notAWholeNumber(let key, _), .negativeValue(let key, _), .valueTooLarge(let key, _, _),
             .pairNotConsecutive(let key), .sessionOutOfRange(let key, _), .pairGivenTwice(let key, _),
             .gapAboveRecommended(let key, _, _), .gapAboveMaximum(let key, _, _),
             .missingGapForImmediate(let key, _), .zeroGapForImmediate(let key),
             .unreadableFrequency(let key, _):
            return key
        case .conflictingDefaults(let keys), .conflictingFrequencies(let keys): return keys.first
        case .minimumAboveRecommended, .minimumAboveMaximum: return "minimum_days"
        case .recommendedAboveMaximum: return "recommended_days"
        case .totalSessionsOutOfRange: return "total_sessions_required"
        }
    }

    public var description: String {
        switch self {
        case .malformedJSON(let inner):
            return "The buffer configuration is not valid JSON. \(inner.description)"
        case .notAnObject(let found):
            return "The buffer configuration must be a JSON object such as {\"default_days\": 7}, not \(found)."
        case let .unknownKey(key, suggestion):
            if let suggestion {
                return "Unknown key \"\(key)\": did you mean \"\(suggestion)\"?"
            }
            return "Unknown key \"\(key)\". Known keys: default_days (or _weeks, _months), "
                + "session_1_to_2_days (or _weeks, _months), minimum_days, recommended_days, maximum_days, "
                + "suggested_frequency."
        case let .notAWholeNumber(key, value):
            return "\"\(key)\" must be a whole number of days, weeks or months such as 7, not \(value)."
        case let .negativeValue(key, value):
            return "\"\(key)\" is \(value): a gap cannot be negative. Use a whole number of days from 0 up (immediate treatments need at least 1 day between sessions)."
        case let .valueTooLarge(key, value, limit):
            return "\"\(key)\" is \(value), which is over ten years; the largest allowed is \(limit)."
        case .pairNotConsecutive(let key):
            let hint = BufferRuleKey.sessionPair(in: key).map {
                " Write \"session_\($0.from)_to_\($0.from + 1)_\($0.unit.rawValue)\": each key sets the gap before the next session."
            } ?? ""
            return "\"\(key)\" does not join two consecutive sessions.\(hint)"
        case let .sessionOutOfRange(key, total):
            return "\"\(key)\" names a session this service does not have: it has \(total) "
                + (total == 1 ? "session" : "sessions") + ". Remove the key or raise the number of sessions."
        case let .pairGivenTwice(key, other):
            return "\"\(key)\" and \"\(other)\" both set the gap between the same two sessions; keep only one."
        case .conflictingDefaults(let keys):
            return "\(quotedList(keys)) \(keys.count == 2 ? "both" : "all") set the default gap; keep only one of them."
        case .conflictingFrequencies(let keys):
            return "\(quotedList(keys)) mean the same thing; keep only one of them."
        case let .minimumAboveRecommended(minimum, recommended):
            return "\"minimum_days\" (\(minimum)) is larger than \"recommended_days\" (\(recommended)): "
                + "the suggested gap would break the minimum. Lower minimum_days or raise recommended_days."
        case let .recommendedAboveMaximum(recommended, maximum):
            return "\"recommended_days\" (\(recommended)) is larger than \"maximum_days\" (\(maximum)): "
                + "every suggested session would be overdue. Lower recommended_days or raise maximum_days."
        case let .minimumAboveMaximum(minimum, maximum):
            return "\"minimum_days\" (\(minimum)) is larger than \"maximum_days\" (\(maximum)): "
                + "no date could satisfy both. Lower minimum_days or raise maximum_days."
        case let .gapAboveRecommended(key, gap, recommended):
            return "\"\(key)\" (\(gap)) is longer than \"recommended_days\" (\(recommended)): "
                + "staff would be told to book before the gap allows. Shorten \(key) or raise recommended_days."
        case let .gapAboveMaximum(key, gap, maximum):
            return "\"\(key)\" (\(gap)) can be longer than \"maximum_days\" (\(maximum)): "
                + "a session planned that far apart would be overdue. Shorten \(key) or raise maximum_days."
        case let .missingGapForImmediate(key, total):
            let pair = BufferRuleKey.sessionPair(in: key)
            let between = pair.map { "session \($0.from) and session \($0.from + 1)" } ?? "two sessions"
            return "Immediate booking lays out all \(total) sessions at once, but nothing sets the gap between "
                + "\(between). Add \"\(key)\" (or \"default_days\" for every pair)."
        case .zeroGapForImmediate(let key):
            return "\"\(key)\" gives a gap of 0 days: immediate booking would put two sessions at the same time. "
                + "Set at least 1 day."
        case let .unreadableFrequency(key, text):
            return "\"\(key)\" is \(text), which is not a frequency the desk can read. "
                + "Write it like \"2 per week\", \"2-3 per week\", \"twice a week\" or \"weekly\"."
        case .totalSessionsOutOfRange(let n):
            return "\"total_sessions_required\" is \(n); a service has between 1 and 50 sessions."
        }
    }

    private func quotedList(_ keys: [String]) -> String {
        let quoted = keys.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}
