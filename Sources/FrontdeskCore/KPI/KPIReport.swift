/// A figure's value: a count, a ratio kept with its counts ("84 % (42 of 50)"), sessions by status,
/// or the weekly series.
public enum KPIValue: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case ratio(numerator: Int, denominator: Int)
    case sessions(SessionCounts)
    case weeks([WeekSessions])

    /// The ratio as 0…1; nil for anything else or when the denominator is 0.
    public var rate: Double? {
        guard case .ratio(let n, let d) = self, d > 0 else { return nil }
        return Double(n) / Double(d)
    }

    /// "12", "84 % (42 of 50)", "– (0 of 0)" when nothing is measured yet, "5 booked · 3 completed · 1 no-show".
    public var description: String {
        switch self {
        case .count(let n):
            return "\(n)"
        case .ratio(let n, let d):
            guard let rate else { return "– (\(n) of \(d))" }
            return "\(Int((rate * 100).rounded())) % (\(n) of \(d))"
        case .sessions(let counts):
            return "\(counts.booked) booked · \(counts.completed) completed · \(counts.noShow) no-show"
        case .weeks(let weeks):
            return "\(weeks.count) weeks"
        }
    }
}

/// Every Dashboard figure computed from one set of counts: the one place the formulas live.
public struct KPIReport: Sendable, Equatable {
    public let counts: DashboardCounts

    public init(_ counts: DashboardCounts) {
        self.counts = counts
    }

    public func value(of kpi: KPI) -> KPIValue {
        switch kpi {
        case .activeTreatments:
            return .count(Strategy.allCases.reduce(0) { $0 + (counts.active[$1] ?? 0) })
        case .completionRate:
            let all = counts.allClosed
            return .ratio(numerator: all.completed, denominator: all.closed)
        case .completionRateImmediate, .completionRateSequential, .completionRateFlexible:
            let closed = counts.closed[kpi.strategy!] ?? ClosedTreatments()
            return .ratio(numerator: closed.completed, denominator: closed.closed)
        case .sessionsToday: return .sessions(counts.today)
        case .sessionsThisWeek: return .sessions(counts.thisWeek)
        case .overdueSequential: return .count(counts.overdueSequential)
        case .unscheduledFlexibleSessions: return .count(counts.unscheduledFlexibleSessions)
        case .packagesExpiring30d: return .count(counts.packagesExpiringSoon)
        case .noShowRate:
            let sessions = counts.periodSessions
            return .ratio(numerator: sessions.noShow, denominator: sessions.completed + sessions.noShow)
        case .popularityImmediate, .popularitySequential, .popularityFlexible:
            let all = Strategy.allCases.reduce(0) { $0 + (counts.started[$1] ?? 0) }
            return .ratio(numerator: counts.started[kpi.strategy!] ?? 0, denominator: all)
        case .sessionsPerWeek: return .weeks(counts.weeks)
        }
    }

    /// Completed ÷ closed treatments; nil when none closed in the period.
    public var completionRate: Double? { value(of: .completionRate).rate }

    /// The completion rate of one strategy; nil when none of its treatments closed in the period.
    public func completionRate(for strategy: Strategy) -> Double? { value(of: .completionRate(for: strategy)).rate }

    /// No-shows ÷ (completed + no-show) sessions; nil when no session took place in the period.
    public var noShowRate: Double? { value(of: .noShowRate).rate }

    /// The share of treatments started in the period using a strategy; nil when none started.
    public func popularity(of strategy: Strategy) -> Double? { value(of: .popularity(of: strategy)).rate }

    /// Every figure in display order with its value, for the Dashboard and `kpi`.
    public var rows: [(kpi: KPI, value: KPIValue)] { KPI.allCases.map { ($0, value(of: $0)) } }
}
