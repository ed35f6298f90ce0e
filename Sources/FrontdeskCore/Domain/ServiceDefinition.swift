/// A bookable service as the scheduling core sees it: how many sessions, how they are spaced,
/// what each one is called and how long it takes.
public struct ServiceDefinition: Sendable, Equatable {
    public var name: String
    /// "Session", "Lesson", "Treatment": what one appointment is called to the customer.
    public var sessionNoun: String
    public var defaultDurationMinutes: Int
    public var requiresMultipleSessions: Bool
    public var totalSessions: Int
    public var strategy: Strategy
    public var plan: [SessionPlanStep]
    /// Flexible packages only: days from purchase until unbooked sessions lapse.
    public var expiryDays: Int?

    public init(name: String, sessionNoun: String = "Session", defaultDurationMinutes: Int = 60,
                requiresMultipleSessions: Bool = true, totalSessions: Int, strategy: Strategy,
                plan: [SessionPlanStep] = [], expiryDays: Int? = nil) {
        self.name = name
        self.sessionNoun = sessionNoun
        self.defaultDurationMinutes = defaultDurationMinutes
        self.requiresMultipleSessions = requiresMultipleSessions
        self.totalSessions = totalSessions
        self.strategy = strategy
        self.plan = plan
        self.expiryDays = expiryDays
    }

    /// The label of session `number` (1-based): the plan's label, else "Session 2 of 3".
    public func label(forSession number: Int) -> String {
        if number >= 1, number <= plan.count, !plan[number - 1].label.isEmpty { return plan[number - 1].label }
        return "\(sessionNoun) \(number) of \(totalSessions)"
    }

    /// The duration of session `number` (1-based): the plan's, else the service's default.
    public func durationMinutes(forSession number: Int) -> Int {
        if number >= 1, number <= plan.count, plan[number - 1].durationMinutes > 0 {
            return plan[number - 1].durationMinutes
        }
        return defaultDurationMinutes
    }
}
