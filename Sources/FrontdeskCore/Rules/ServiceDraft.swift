import Foundation

/// A service as typed by a manager or imported from JSON, validated before anything is saved.
///
/// The rules live here, in the core, so that `service import`, the store and the Services editor
/// (which checks the form as the manager types, with `validate(_:)`) refuse the same things.
public struct ServiceDraft: Sendable, Equatable {
    public var name: String
    public var sessionNoun: String
    public var durationMinutes: Int
    public var priceCents: Int?
    public var triggerWords: [String]
    public var requiresMultipleSessions: Bool
    public var totalSessions: Int
    public var strategy: Strategy
    public var rules: BufferRules
    public var plan: [SessionPlanStep]
    public var expiryDays: Int?
    public var providerNames: [String]

    /// A field (or buffer key) and the rule it breaks; `reason` is the rule in words.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var field: String
        public var reason: String
        public var rule: Rule
        public var description: String { "\(field): \(reason)" }

        public init(field: String, reason: String, rule: Rule = .format) {
            self.field = field
            self.reason = reason
            self.rule = rule
        }
    }

    /// Which rule a field breaks, with the numbers that broke it.
    public enum Rule: Equatable, Sendable {
        /// Nothing was given where something is needed (the name).
        case required
        /// A number outside its range: `found` against `allowed`.
        case outOfRange(found: Int, allowed: ClosedRange<Int>)
        /// Two fields that contradict each other (single-session service with 5 sessions; a plan longer
        /// than the service).
        case inconsistent
        /// The buffer configuration's own rule, naming its key.
        case buffer(BufferRulesError)
        /// The value has the wrong shape (text for a number, an unknown field).
        case format
    }

    static let knownKeys: Set<String> = [
        "name", "session_noun", "duration_minutes", "price", "trigger_words", "requires_multiple_sessions",
        "total_sessions_required", "multi_session_strategy", "session_buffer_config", "session_plan",
        "expiry_days", "providers", "description", "id",
    ]

    /// Reads one service object of the guide's JSON (plus `duration_minutes`, `price`, `session_plan`,
    /// `expiry_days`, `session_noun` and `providers`).
    public init(json object: [String: Any]) throws(Problem) {
        for key in object.keys where !Self.knownKeys.contains(key) {
            let hint = Self.knownKeys.min { Self.distance($0, key) < Self.distance($1, key) }
            let suggestion = hint.flatMap { Self.distance($0, key) <= 3 ? " Did you mean “\($0)”?" : nil } ?? ""
            throw Problem(field: key, reason: "is not a service field.\(suggestion)")
        }
        if let value = object["name"], !(value is String), !(value is NSNull) {
            throw Problem(field: "name", reason: "must be a text in quotes (found \(JSONValueKind(value).shown)), e.g. \"name\": \"Dental Implant\".")
        }
        guard let name = (object["name"] as? String)?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw Problem(field: "name", reason: "is missing. Every service needs a name, e.g. \"name\": \"Dental Implant\".", rule: .required)
        }
        try Self.checkText(name, field: "name", limit: TextLimits.name)
        let multi = try Self.bool(object, "requires_multiple_sessions") ?? false
        let total = try Self.integer(object, "total_sessions_required") ?? 1
        guard (1...50).contains(total) else {
            throw Problem(field: "total_sessions_required", reason: "must be between 1 and 50 (found \(total)).",
                          rule: .outOfRange(found: total, allowed: 1...50))
        }
        if !multi && total > 1 {
            throw Problem(field: "requires_multiple_sessions", reason: "is false but total_sessions_required is \(total). Set it to true for a multi-session service.",
                          rule: .inconsistent)
        }
        let strategyText = object["multi_session_strategy"] as? String ?? "flexible"
        guard let strategy = Strategy(rawValue: strategyText) else {
            throw Problem(field: "multi_session_strategy", reason: "must be immediate, sequential or flexible (found “\(strategyText)”).")
        }
        let configObject: [String: Any]
        switch object["session_buffer_config"] {
        case nil, is NSNull: configObject = [:]
        case let config as [String: Any]: configObject = config
        default: throw Problem(field: "session_buffer_config", reason: "must be a JSON object such as {\"default_days\": 7}.")
        }
        let rules: BufferRules
        do {
            rules = try BufferRules(object: configObject, totalSessions: total, strategy: multi ? strategy : .flexible)
        } catch {
            throw Problem(field: "session_buffer_config", reason: "\(error)", rule: .buffer(error))
        }
        let duration = try Self.integer(object, "duration_minutes") ?? 60
        guard (5...720).contains(duration) else {
            throw Problem(field: "duration_minutes", reason: "must be between 5 and 720 minutes (found \(duration)).",
                          rule: .outOfRange(found: duration, allowed: 5...720))
        }
        var priceCents: Int?
        if let price = try Self.number(object, "price") {
            guard price >= 0, price < 10_000_000 else {
                throw Problem(field: "price", reason: "must be a number from 0 to 10,000,000, such as 3500 or 120.50.")
            }
            priceCents = Int((price * 100).rounded())
        }
        let triggers = try Self.strings(object, "trigger_words")
        if triggers.count > TextLimits.triggerWords {
            throw Problem(field: "trigger_words", reason: "has \(triggers.count) words; at most \(TextLimits.triggerWords) are allowed.")
        }
        for word in triggers { try Self.checkText(word, field: "trigger_words", limit: TextLimits.triggerWord) }
        let providers = try Self.strings(object, "providers")
        for provider in providers { try Self.checkText(provider, field: "providers", limit: TextLimits.name) }
        var plan: [SessionPlanStep] = []
        if let rawPlan = object["session_plan"], !(rawPlan is NSNull) {
            guard let steps = rawPlan as? [Any] else {
                throw Problem(field: "session_plan", reason: "must be an array like [{\"label\": \"Implant placement\", \"duration_minutes\": 90}].")
            }
            guard steps.count <= total else {
                throw Problem(field: "session_plan", reason: "has \(steps.count) steps but the service has \(total) sessions.", rule: .inconsistent)
            }
            for (index, step) in steps.enumerated() {
                guard let stepObject = step as? [String: Any], let label = stepObject["label"] as? String else {
                    throw Problem(field: "session_plan[\(index + 1)]", reason: "needs a \"label\" text.")
                }
                let minutes = try Self.integer(stepObject, "duration_minutes", field: "session_plan[\(index + 1)].duration_minutes") ?? duration
                guard (5...720).contains(minutes) else {
                    throw Problem(field: "session_plan[\(index + 1)].duration_minutes", reason: "must be between 5 and 720 minutes.",
                                  rule: .outOfRange(found: minutes, allowed: 5...720))
                }
                try Self.checkText(label, field: "session_plan[\(index + 1)].label", limit: TextLimits.name)
                plan.append(SessionPlanStep(label: label, durationMinutes: minutes))
            }
        }
        let expiry = try Self.integer(object, "expiry_days")
        // Bounded above too: the expiry date is computed from it (no arithmetic overflow from the file).
        if let expiry, !(1...36_600).contains(expiry) {
            throw Problem(field: "expiry_days", reason: "must be a number of days from 1 to 36600 (found \(expiry)).", rule: .outOfRange(found: expiry, allowed: 1...36_600))
        }
        let noun = (object["session_noun"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            ?? (name.lowercased().contains("lesson") ? "Lesson" : "Session")
        try Self.checkText(noun, field: "session_noun", limit: TextLimits.name)
        self.init(name: name, sessionNoun: noun, durationMinutes: duration, priceCents: priceCents, triggerWords: triggers,
                  requiresMultipleSessions: multi, totalSessions: total, strategy: strategy, rules: rules, plan: plan,
                  expiryDays: expiry, providerNames: providers)
    }

    public init(name: String, sessionNoun: String, durationMinutes: Int, priceCents: Int?, triggerWords: [String],
                requiresMultipleSessions: Bool, totalSessions: Int, strategy: Strategy, rules: BufferRules,
                plan: [SessionPlanStep], expiryDays: Int?, providerNames: [String]) {
        self.name = name
        self.sessionNoun = sessionNoun
        self.durationMinutes = durationMinutes
        self.priceCents = priceCents
        self.triggerWords = triggerWords
        self.requiresMultipleSessions = requiresMultipleSessions
        self.totalSessions = totalSessions
        self.strategy = strategy
        self.rules = rules
        self.plan = plan
        self.expiryDays = expiryDays
        self.providerNames = providerNames
    }

    private static func bool(_ object: [String: Any], _ key: String) throws(Problem) -> Bool? {
        guard let value = object[key] else { return nil }
        switch JSONValueKind(value) {
        case .null: return nil
        case let .bool(flag): return flag
        default: throw Problem(field: key, reason: "must be true or false.")
        }
    }

    private static func integer(_ object: [String: Any], _ key: String, field: String? = nil) throws(Problem) -> Int? {
        guard let value = object[key] else { return nil }
        switch JSONValueKind(value) {
        case .null: return nil
        // The caller's range check words a number that is whole but out of range; only a whole
        // number too large to hold is refused here (converting it would trap).
        case let .integer(number): return number
        case let .fraction(number) where number == number.rounded():
            guard number.magnitude < 1e15 else {
                throw Problem(field: field ?? key, reason: "is far out of range (found \(number)).")
            }
            return Int(number)
        default: throw Problem(field: field ?? key, reason: "must be a whole number.")
        }
    }

    private static func number(_ object: [String: Any], _ key: String) throws(Problem) -> Double? {
        guard let value = object[key] else { return nil }
        switch JSONValueKind(value) {
        case .null: return nil
        case let .integer(number): return Double(number)
        case let .fraction(number): return number
        default: throw Problem(field: key, reason: "must be a number such as 3500 or 120.50.")
        }
    }

    private static func checkText(_ text: String, field: String, limit: Int) throws(Problem) {
        do { try TextLimits.check(text, field: field, limit: limit) } catch {
            throw Problem(field: field, reason: error.reason)
        }
    }

    private static func strings(_ object: [String: Any], _ key: String) throws(Problem) -> [String] {
        guard let value = object[key], !(value is NSNull) else { return [] }
        guard let list = value as? [Any], let strings = list as? [String] else {
            throw Problem(field: key, reason: "must be a list of texts such as [\"implant\", \"tooth implant\"].")
        }
        return strings
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
