import Foundation

/// A service's `session_buffer_config`, validated: how far apart its sessions are (SPEC §2).
///
/// Built only through `parse`, `init(object:…)` or the validating memberwise initialiser, so a value
/// of this type is always a configuration the desk can use.
public struct BufferRules: Sendable, Equatable {
    /// The number of sessions the rules were checked against.
    public private(set) var totalSessions: Int
    /// The strategy the rules were checked against (immediate needs a gap for every pair).
    public private(set) var strategy: Strategy
    /// `default_days|weeks|months`: the gap between any two consecutive sessions.
    public private(set) var defaultGap: GapLength?
    /// `session_N_to_M_*`, keyed by N: the gap between session N and N+1, overriding the default.
    public private(set) var sessionGaps: [Int: GapLength]
    /// `minimum_days`: sessions may not be closer than this.
    public private(set) var minimumDays: Int?
    /// `recommended_days`: the gap to suggest.
    public private(set) var recommendedDays: Int?
    /// `maximum_days`: beyond this the next session is overdue.
    public private(set) var maximumDays: Int?
    /// `suggested_frequency` or `recommended_frequency`.
    public private(set) var frequency: SessionFrequency?
    /// Which of the two frequency keys the configuration used, kept so storage round-trips.
    public private(set) var frequencyKey: String

    /// Gaps are limited to about ten years: anything longer is a typing mistake, and would push
    /// date arithmetic far beyond any calendar the desk shows.
    public static let largestValue: [GapLength.Unit: Int] = [.days: 3660, .weeks: 520, .months: 120]

    /// Validates rules built field by field, as the service editor does; throws what `parse` would.
    public init(totalSessions: Int, strategy: Strategy, defaultGap: GapLength? = nil,
                sessionGaps: [Int: GapLength] = [:], minimumDays: Int? = nil, recommendedDays: Int? = nil,
                maximumDays: Int? = nil, frequency: SessionFrequency? = nil,
                frequencyKey: String = "suggested_frequency") throws(BufferRulesError) {
        self.totalSessions = totalSessions
        self.strategy = strategy
        self.defaultGap = defaultGap
        self.sessionGaps = sessionGaps
        self.minimumDays = minimumDays
        self.recommendedDays = recommendedDays
        self.maximumDays = maximumDays
        self.frequency = frequency
        self.frequencyKey = BufferRuleKey.frequencyKeys.contains(frequencyKey) ? frequencyKey : "suggested_frequency"
        try validate()
    }

    /// Parses and validates the JSON text of `session_buffer_config`; comments are allowed and an
    /// empty text means no rules (which only an immediate service with several sessions refuses).
    public static func parse(_ json: String, totalSessions: Int, strategy: Strategy) throws(BufferRulesError) -> BufferRules {
        let stripped = CommentedJSON.stripComments(json).trimmingCharacters(in: .whitespacesAndNewlines)
        if stripped.isEmpty {
            return try BufferRules(object: [:], totalSessions: totalSessions, strategy: strategy)
        }
        let value: Any
        do {
            value = try CommentedJSON.parse(json)
        } catch {
            throw .malformedJSON(error)
        }
        guard let object = value as? [String: Any] else {
            throw .notAnObject(found: JSONValueKind(value).shown)
        }
        return try BufferRules(object: object, totalSessions: totalSessions, strategy: strategy)
    }

    /// Validates a configuration already parsed as part of a larger document (a service import).
    public init(object: [String: Any], totalSessions: Int, strategy: Strategy) throws(BufferRulesError) {
        var defaults: [(key: String, gap: GapLength)] = []
        var pairs: [Int: (key: String, gap: GapLength)] = [:]
        var minimum: Int?, recommended: Int?, maximum: Int?
        var frequencies: [(key: String, value: SessionFrequency)] = []

        // Sorted, so that the same configuration always reports the same first problem.
        for key in object.keys.sorted() {
            let value = object[key]!
            guard let kind = BufferRuleKey(key) else {
                throw .unknownKey(key, suggestion: BufferRuleKey.suggestion(for: key))
            }
            switch kind {
            case .defaultGap(let unit):
                defaults.append((key, GapLength(try BufferRules.count(value, key: key), unit)))
            case let .sessionPair(from, to, unit):
                guard to == from + 1 else { throw .pairNotConsecutive(key: key) }
                guard from >= 1, to <= totalSessions else {
                    throw .sessionOutOfRange(key: key, totalSessions: totalSessions)
                }
                let gap = GapLength(try BufferRules.count(value, key: key), unit)
                if let earlier = pairs[from] { throw .pairGivenTwice(key: earlier.key, otherKey: key) }
                pairs[from] = (key, gap)
            case .minimumDays: minimum = try BufferRules.count(value, key: key)
            case .recommendedDays: recommended = try BufferRules.count(value, key: key)
            case .maximumDays: maximum = try BufferRules.count(value, key: key)
            case .frequency:
                guard case .string(let text) = JSONValueKind(value) else {
                    throw .unreadableFrequency(key: key, text: JSONValueKind(value).shown)
                }
                guard let parsed = SessionFrequency.parse(text) else {
                    throw .unreadableFrequency(key: key, text: "\"\(text)\"")
                }
                frequencies.append((key, parsed))
            }
        }
        if defaults.count > 1 { throw .conflictingDefaults(keys: defaults.map(\.key)) }
        if frequencies.count > 1 { throw .conflictingFrequencies(keys: frequencies.map(\.key)) }
        try self.init(totalSessions: totalSessions, strategy: strategy, defaultGap: defaults.first?.gap,
                      sessionGaps: pairs.mapValues(\.gap), minimumDays: minimum, recommendedDays: recommended,
                      maximumDays: maximum, frequency: frequencies.first?.value,
                      frequencyKey: frequencies.first?.key ?? "suggested_frequency")
    }

    /// The spacing between session `k` and session `k + 1` (1-based).
    public func gap(afterSession k: Int) -> SessionGap {
        let specific = sessionGaps[k]
        let planned = plannedGap(afterSession: k) ?? .zero
        let minimum = specific ?? defaultGap ?? minimumDays.map(GapLength.days) ?? .zero
        let recommended = recommendedDays.map(GapLength.days) ?? planned
        return SessionGap(planned: planned, minimum: minimum, recommended: recommended,
                          maximum: maximumDays.map(GapLength.days))
    }

    /// The planned gap from the configuration alone; nil when no key defines one.
    public func plannedGap(afterSession k: Int) -> GapLength? {
        sessionGaps[k] ?? defaultGap ?? recommendedDays.map(GapLength.days) ?? minimumDays.map(GapLength.days)
    }

    /// The configuration as a JSON object with the original key names.
    public var jsonObject: [String: Any] {
        var object: [String: Any] = [:]
        if let defaultGap { object[BufferRuleKey.defaultKey(defaultGap.unit)] = defaultGap.value }
        for (from, gap) in sessionGaps { object[BufferRuleKey.pairKey(from: from, unit: gap.unit)] = gap.value }
        if let minimumDays { object["minimum_days"] = minimumDays }
        if let recommendedDays { object["recommended_days"] = recommendedDays }
        if let maximumDays { object["maximum_days"] = maximumDays }
        if let frequency { object[frequencyKey] = frequency.text }
        return object
    }

    /// Compact JSON with sorted keys and no comments, for storage; parsing it gives an equal value.
    public var canonicalJSON: String { CommentedJSON.canonicalString(jsonObject) }

    /// A whole, non-negative number from a JSON value; `true`, `"7"`, `2.5` and null are refused.
    /// A fraction with nothing after the point (2.0) is read as the whole number it is: tools that
    /// write every number as a double should not make a valid configuration fail.
    private static func count(_ value: Any, key: String) throws(BufferRulesError) -> Int {
        let kind = JSONValueKind(value)
        switch kind {
        case .integer(let n):
            return n
        case .fraction(let d) where d == d.rounded() && abs(d) <= 1e9:
            return Int(d)
        default:
            throw .notAWholeNumber(key: key, value: kind.shown)
        }
    }
}
