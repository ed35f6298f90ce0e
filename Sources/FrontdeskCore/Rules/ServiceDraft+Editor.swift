import Foundation

extension ServiceDraft {
    /// What the Services editor holds while the manager types: every field as entered, numbers
    /// possibly missing. `bufferDays` holds the buffer pane's keys (`session_1_to_2_days`,
    /// `minimum_days` …) with their values; `frequency` the suggested frequency text.
    public struct Fields: Sendable, Equatable {
        public var name: String
        public var sessionNoun: String
        public var durationMinutes: Int?
        public var price: Double?
        public var triggerWords: [String]
        public var requiresMultipleSessions: Bool
        public var totalSessions: Int?
        public var strategy: Strategy
        public var bufferDays: [String: Int]
        public var frequency: String?
        /// Which key the frequency is written under (`suggested_frequency` or `recommended_frequency`):
        /// a service imported with the guide's `recommended_frequency` keeps it when saved.
        public var frequencyKey: String
        public var plan: [SessionPlanStep]
        public var expiryDays: Int?
        public var providerNames: [String]

        public init(name: String = "", sessionNoun: String = "", durationMinutes: Int? = 60, price: Double? = nil,
                    triggerWords: [String] = [], requiresMultipleSessions: Bool = true, totalSessions: Int? = 1,
                    strategy: Strategy = .flexible, bufferDays: [String: Int] = [:], frequency: String? = nil,
                    plan: [SessionPlanStep] = [], expiryDays: Int? = nil, providerNames: [String] = [],
                    frequencyKey: String = "suggested_frequency") {
            self.name = name
            self.sessionNoun = sessionNoun
            self.durationMinutes = durationMinutes
            self.price = price
            self.triggerWords = triggerWords
            self.requiresMultipleSessions = requiresMultipleSessions
            self.totalSessions = totalSessions
            self.strategy = strategy
            self.bufferDays = bufferDays
            self.frequency = frequency
            self.frequencyKey = frequencyKey
            self.plan = plan
            self.expiryDays = expiryDays
            self.providerNames = providerNames
        }

        /// The fields as the import format's JSON object: one set of rules for both.
        var object: [String: Any] {
            var object: [String: Any] = [
                "name": name, "requires_multiple_sessions": requiresMultipleSessions,
                "multi_session_strategy": strategy.rawValue, "trigger_words": triggerWords, "providers": providerNames,
            ]
            if !sessionNoun.isEmpty { object["session_noun"] = sessionNoun }
            if let durationMinutes { object["duration_minutes"] = durationMinutes }
            if let totalSessions { object["total_sessions_required"] = totalSessions }
            if let price { object["price"] = price }
            if let expiryDays { object["expiry_days"] = expiryDays }
            var buffer: [String: Any] = bufferDays
            if let frequency, !frequency.isEmpty { buffer[frequencyKey] = frequency }
            object["session_buffer_config"] = buffer
            if !plan.isEmpty {
                object["session_plan"] = plan.map { ["label": $0.label, "duration_minutes": $0.durationMinutes] as [String: Any] }
            }
            return object
        }
    }

    /// Checks the editor's fields as the manager types: the draft when everything is valid, and
    /// otherwise every problem (not only the first), each naming its field or buffer key and the
    /// rule. Pure: the same rules `service import` and the store apply.
    public static func validate(_ fields: Fields) -> (draft: ServiceDraft?, problems: [Problem]) {
        var object = fields.object
        var problems: [Problem] = []
        // Each round finds the first problem, notes it, and sets that field aside to look further.
        for _ in 0..<16 {
            do {
                let draft = try ServiceDraft(json: object)
                return (problems.isEmpty ? draft : nil, problems)
            } catch {
                problems.append(error)
                guard setAside(error, in: &object) else { return (nil, problems) }
            }
        }
        return (nil, problems)
    }

    /// Replaces the field a problem names with a neutral value, so the next round checks the others.
    private static func setAside(_ problem: Problem, in object: inout [String: Any]) -> Bool {
        switch problem.field {
        case "name": object["name"] = "Unnamed"
        case "total_sessions_required":
            object["total_sessions_required"] = 1
            object["requires_multiple_sessions"] = false
            object["session_buffer_config"] = [String: Any]()
            object["session_plan"] = nil
        case "requires_multiple_sessions": object["requires_multiple_sessions"] = true
        case "session_buffer_config":
            guard case .buffer(let error) = problem.rule, let key = error.key,
                  var buffer = object["session_buffer_config"] as? [String: Any], buffer[key] != nil else {
                object["session_buffer_config"] = [String: Any]()
                return true
            }
            buffer[key] = nil
            object["session_buffer_config"] = buffer
        case "duration_minutes": object["duration_minutes"] = 60
        case "expiry_days": object["expiry_days"] = nil
        case "price": object["price"] = nil
        default:
            if problem.field.hasPrefix("session_plan") { object["session_plan"] = nil } else { object[problem.field] = nil }
        }
        return true
    }
}
