/// The Dashboard's figures (SPEC §5.5), each named and defined once here: the Dashboard, its `?`
/// help and `frontdesk kpi` all show these titles and definitions.
public enum KPI: String, Sendable, Equatable, Hashable, CaseIterable {
    case activeTreatments = "active_treatments"
    case completionRate = "completion_rate"
    case completionRateImmediate = "completion_rate_immediate"
    case completionRateSequential = "completion_rate_sequential"
    case completionRateFlexible = "completion_rate_flexible"
    case sessionsToday = "sessions_today"
    case sessionsThisWeek = "sessions_this_week"
    case overdueSequential = "overdue_sequential"
    case unscheduledFlexibleSessions = "unscheduled_flexible_sessions"
    case packagesExpiring30d = "packages_expiring_30d"
    case noShowRate = "no_show_rate"
    case popularityImmediate = "strategy_popularity_immediate"
    case popularitySequential = "strategy_popularity_sequential"
    case popularityFlexible = "strategy_popularity_flexible"
    case sessionsPerWeek = "sessions_per_week"

    /// The per-strategy completion rate.
    public static func completionRate(for strategy: Strategy) -> KPI {
        switch strategy {
        case .immediate: return .completionRateImmediate
        case .sequential: return .completionRateSequential
        case .flexible: return .completionRateFlexible
        }
    }

    /// The per-strategy share of the treatments started in the period.
    public static func popularity(of strategy: Strategy) -> KPI {
        switch strategy {
        case .immediate: return .popularityImmediate
        case .sequential: return .popularitySequential
        case .flexible: return .popularityFlexible
        }
    }

    /// The figures that stand for a list the desk can open (Enter on the tile).
    public var list: KPIList? {
        switch self {
        case .overdueSequential: return .overdue
        case .packagesExpiring30d: return .expiring
        case .unscheduledFlexibleSessions: return .unscheduled
        case .sessionsToday: return .today
        default: return nil
        }
    }

    /// Whether the period selector changes the figure (the others are about now).
    public var followsPeriod: Bool {
        switch self {
        case .completionRate, .completionRateImmediate, .completionRateSequential, .completionRateFlexible,
             .noShowRate, .popularityImmediate, .popularitySequential, .popularityFlexible:
            return true
        default:
            return false
        }
    }

    /// The short name shown on the Dashboard.
    public var title: String {
        switch self {
        case .activeTreatments: return "Active treatments"
        case .completionRate: return "Completion rate"
        case .completionRateImmediate: return "Completion rate, immediate"
        case .completionRateSequential: return "Completion rate, sequential"
        case .completionRateFlexible: return "Completion rate, flexible"
        case .sessionsToday: return "Sessions today"
        case .sessionsThisWeek: return "Sessions this week"
        case .overdueSequential: return "Overdue sequential treatments"
        case .unscheduledFlexibleSessions: return "Unscheduled package sessions"
        case .packagesExpiring30d: return "Packages expiring in 30 days"
        case .noShowRate: return "No-show rate"
        case .popularityImmediate: return "Share of immediate treatments"
        case .popularitySequential: return "Share of sequential treatments"
        case .popularityFlexible: return "Share of flexible packages"
        case .sessionsPerWeek: return "Sessions per week"
        }
    }

    /// What exactly is counted, in words the desk reads (the `?` help and `frontdesk kpi`).
    public var definition: String {
        switch self {
        case .activeTreatments:
            return "Treatments open now: not completed, cancelled, ended early or expired."
        case .completionRate:
            return "Completed ÷ closed treatments (completed + cancelled + ended early + expired) that closed in the period. "
                + "A treatment is completed only when every session number has a completed booking; a no-show is not a completion. "
                + Self.closingDay
        case .completionRateImmediate, .completionRateSequential, .completionRateFlexible:
            return "Completed ÷ closed treatments that closed in the period, counting only \(strategy!.rawValue) treatments."
        case .sessionsToday:
            return "Sessions starting today (clinic time): booked, completed and no-show; cancelled ones are not counted."
        case .sessionsThisWeek:
            return "Sessions starting this week, Monday to Sunday (clinic time): booked, completed and no-show."
        case .overdueSequential:
            return "Open sequential treatments with nothing booked whose last completed session is longer ago than the "
                + "maximum gap of the rules they were booked under (twice the recommended gap where none is set)."
        case .unscheduledFlexibleSessions:
            return "Sessions of open flexible packages (not expired) without a booked or completed session: "
                + "total − booked − completed."
        case .packagesExpiring30d:
            return "Open flexible packages with sessions still unscheduled that expire within the next 30 days."
        case .noShowRate:
            return "No-shows ÷ sessions that took place or were missed (completed + no-show), starting in the period."
        case .popularityImmediate, .popularitySequential, .popularityFlexible:
            return "Treatments started in the period that use \(strategy!.rawValue) booking ÷ all treatments started in the period."
        case .sessionsPerWeek:
            return "Sessions per week, Monday to Sunday: the \(DashboardQuery.weeksBack) weeks before this one, this week "
                + "and the \(DashboardQuery.weeksAhead) after it, as completed, booked and no-show."
        }
    }

    /// When a treatment counts as closed, for the rates measured over a period.
    static let closingDay = "It closes on the day it was completed or ended early, on the day the package expired, "
        + "or, when cancelled, on the day of its last session."

    /// The strategy a per-strategy figure is about.
    public var strategy: Strategy? {
        switch self {
        case .completionRateImmediate, .popularityImmediate: return .immediate
        case .completionRateSequential, .popularitySequential: return .sequential
        case .completionRateFlexible, .popularityFlexible: return .flexible
        default: return nil
        }
    }
}

/// The lists behind the Dashboard's tiles: Enter on the tile opens it.
public enum KPIList: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Sequential treatments waiting past their maximum gap.
    case overdue
    /// Flexible packages expiring within 30 days with sessions unscheduled.
    case expiring
    /// Open flexible packages with sessions left to book.
    case unscheduled
    /// Today's sessions.
    case today
}
