/// How many session groups of one strategy are in each state (`GroupState`).
public struct GroupStateCounts: Sendable, Equatable {
    public var active: Int
    /// Open treatments waiting for a booking (`GroupState.toBook`).
    public var toBook: Int
    public var completed: Int
    public var cancelled: Int
    /// Ended early by the desk: closed, not completed.
    public var ended: Int
    public var expired: Int

    public init(active: Int = 0, toBook: Int = 0, completed: Int = 0, cancelled: Int = 0, ended: Int = 0, expired: Int = 0) {
        self.active = active
        self.toBook = toBook
        self.completed = completed
        self.cancelled = cancelled
        self.ended = ended
        self.expired = expired
    }

    /// The count for one state.
    public subscript(state: GroupState) -> Int {
        get {
            switch state {
            case .active: return active
            case .toBook: return toBook
            case .completed: return completed
            case .cancelled: return cancelled
            case .ended: return ended
            case .expired: return expired
            }
        }
        set {
            switch state {
            case .active: active = newValue
            case .toBook: toBook = newValue
            case .completed: completed = newValue
            case .cancelled: cancelled = newValue
            case .ended: ended = newValue
            case .expired: expired = newValue
            }
        }
    }

    /// Treatments still running: active or waiting for a booking.
    public var open: Int { active + toBook }
    /// Completed, cancelled, ended early or expired: the groups a completion rate is measured on.
    public var closed: Int { completed + cancelled + ended + expired }
    public var total: Int { open + closed }

    public static func + (a: GroupStateCounts, b: GroupStateCounts) -> GroupStateCounts {
        var sum = GroupStateCounts()
        for state in GroupState.allCases { sum[state] = a[state] + b[state] }
        return sum
    }
}

/// The plain counts the store gathers; every formula lives in `KPIReport`.
public struct KPIInputs: Sendable, Equatable {
    public var groups: [Strategy: GroupStateCounts]
    public var sessionsToday: Int
    public var sessionsThisWeek: Int
    public var overdueSequentialGroups: Int
    public var unscheduledFlexibleSessions: Int
    public var packagesExpiringWithin30Days: Int
    public var completedSessions: Int
    public var noShowSessions: Int

    public init(groups: [Strategy: GroupStateCounts] = [:], sessionsToday: Int = 0, sessionsThisWeek: Int = 0,
                overdueSequentialGroups: Int = 0, unscheduledFlexibleSessions: Int = 0,
                packagesExpiringWithin30Days: Int = 0, completedSessions: Int = 0, noShowSessions: Int = 0) {
        self.groups = groups
        self.sessionsToday = sessionsToday
        self.sessionsThisWeek = sessionsThisWeek
        self.overdueSequentialGroups = overdueSequentialGroups
        self.unscheduledFlexibleSessions = unscheduledFlexibleSessions
        self.packagesExpiringWithin30Days = packagesExpiringWithin30Days
        self.completedSessions = completedSessions
        self.noShowSessions = noShowSessions
    }
}

/// A KPI's value: a count, or a ratio kept with its counts so screens can show "67% (2 of 3)".
public enum KPIValue: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case ratio(numerator: Int, denominator: Int)

    /// The ratio as 0…1; nil for a count or when the denominator is 0.
    public var rate: Double? {
        guard case .ratio(let n, let d) = self, d > 0 else { return nil }
        return Double(n) / Double(d)
    }

    /// "12", "67% (2 of 3)", or "– (0 of 0)" when there is nothing to measure yet.
    public var description: String {
        switch self {
        case .count(let n):
            return "\(n)"
        case .ratio(let n, let d):
            guard let rate else { return "– (\(n) of \(d))" }
            return "\(Int((rate * 100).rounded()))% (\(n) of \(d))"
        }
    }
}

/// All dashboard figures computed from one set of counts.
public struct KPIReport: Sendable, Equatable {
    public let inputs: KPIInputs

    public init(_ inputs: KPIInputs) {
        self.inputs = inputs
    }

    /// Group counts over every strategy.
    public var allGroups: GroupStateCounts {
        Strategy.allCases.reduce(GroupStateCounts()) { $0 + (inputs.groups[$1] ?? GroupStateCounts()) }
    }

    public func value(of kpi: KPI) -> KPIValue {
        let all = allGroups
        switch kpi {
        case .activeTreatments: return .count(all.open)
        case .completionRate: return .ratio(numerator: all.completed, denominator: all.closed)
        case .completedGroups: return .count(all.completed)
        case .closedGroups: return .count(all.closed)
        case .completionRateImmediate, .completionRateSequential, .completionRateFlexible:
            let counts = inputs.groups[kpi.strategy!] ?? GroupStateCounts()
            return .ratio(numerator: counts.completed, denominator: counts.closed)
        case .sessionsToday: return .count(inputs.sessionsToday)
        case .sessionsThisWeek: return .count(inputs.sessionsThisWeek)
        case .overdueSequential: return .count(inputs.overdueSequentialGroups)
        case .unscheduledFlexibleSessions: return .count(inputs.unscheduledFlexibleSessions)
        case .packagesExpiring30d: return .count(inputs.packagesExpiringWithin30Days)
        case .noShowRate:
            return .ratio(numerator: inputs.noShowSessions,
                          denominator: inputs.completedSessions + inputs.noShowSessions)
        case .popularityImmediate, .popularitySequential, .popularityFlexible:
            return .ratio(numerator: (inputs.groups[kpi.strategy!] ?? GroupStateCounts()).total, denominator: all.total)
        }
    }

    /// Completed ÷ (completed + cancelled + ended + expired) groups; nil when no group is closed.
    public var completionRate: Double? { value(of: .completionRate).rate }

    /// The completion rate of one strategy; nil when none of its groups is closed.
    public func completionRate(for strategy: Strategy) -> Double? { value(of: .completionRate(for: strategy)).rate }

    /// No-shows ÷ (completed + no-show) sessions; nil before any session took place.
    public var noShowRate: Double? { value(of: .noShowRate).rate }

    /// The share of all groups using a strategy; nil when there are no groups.
    public func popularity(of strategy: Strategy) -> Double? { value(of: .popularity(of: strategy)).rate }

    /// Every KPI in display order with its value, for the dashboard and `kpi` output.
    public var rows: [(kpi: KPI, value: KPIValue)] { KPI.allCases.map { ($0, value(of: $0)) } }
}
