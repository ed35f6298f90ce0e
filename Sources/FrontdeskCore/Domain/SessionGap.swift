/// A calendar distance between two sessions: days, weeks or calendar months.
///
/// Months are kept as months (not 30 days) so that "1 month after March 24" is April 24.
public struct GapLength: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Equatable, Hashable, CaseIterable {
        case days, weeks, months
    }

    public var value: Int
    public var unit: Unit

    public init(_ value: Int, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    public static func days(_ n: Int) -> GapLength { GapLength(n, .days) }
    public static func weeks(_ n: Int) -> GapLength { GapLength(n, .weeks) }
    public static func months(_ n: Int) -> GapLength { GapLength(n, .months) }
    public static let zero = GapLength(0, .days)

    /// An approximate length in days, for ordering and comparisons only (a month counts 30 days).
    public var approximateDays: Int {
        switch unit {
        case .days: return value
        case .weeks: return value * 7
        case .months: return value * 30
        }
    }

    public var description: String {
        let noun: String
        switch unit {
        case .days: noun = value == 1 ? "day" : "days"
        case .weeks: noun = value == 1 ? "week" : "weeks"
        case .months: noun = value == 1 ? "month" : "months"
        }
        return "\(value) \(noun)"
    }
}

/// The spacing rules between session k and session k+1 (SPEC §2).
public struct SessionGap: Sendable, Equatable, Hashable {
    /// The gap an immediate plan lays out.
    public var planned: GapLength
    /// Sessions may not be closer than this.
    public var minimum: GapLength
    /// The gap to suggest to staff and customers.
    public var recommended: GapLength
    /// Beyond this the next session is overdue; nil when no maximum is configured.
    public var maximum: GapLength?

    public init(planned: GapLength, minimum: GapLength, recommended: GapLength, maximum: GapLength? = nil) {
        self.planned = planned
        self.minimum = minimum
        self.recommended = recommended
        self.maximum = maximum
    }
}

/// One step of a service's per-session plan: "Session 2: Healing check, 30 min".
public struct SessionPlanStep: Sendable, Equatable, Hashable, Codable {
    public var label: String
    public var durationMinutes: Int

    public init(label: String, durationMinutes: Int) {
        self.label = label
        self.durationMinutes = durationMinutes
    }

    enum CodingKeys: String, CodingKey {
        case label
        case durationMinutes = "duration_minutes"
    }
}
