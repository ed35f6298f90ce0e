/// The dashboard's key figures (SPEC §5.5), each named and defined once here: the dashboard, the
/// `kpi` command and the help screen all show these titles and definitions.
public enum KPI: String, Sendable, Equatable, Hashable, CaseIterable {
    case activeTreatments = "active_treatments"
    case completionRate = "completion_rate"
    case completedGroups = "completed_groups"
    case closedGroups = "closed_groups"
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

    /// The per-strategy completion rate.
    public static func completionRate(for strategy: Strategy) -> KPI {
        switch strategy {
        case .immediate: return .completionRateImmediate
        case .sequential: return .completionRateSequential
        case .flexible: return .completionRateFlexible
        }
    }

    /// The per-strategy share of all treatments.
    public static func popularity(of strategy: Strategy) -> KPI {
        switch strategy {
        case .immediate: return .popularityImmediate
        case .sequential: return .popularitySequential
        case .flexible: return .popularityFlexible
        }
    }

    /// Whether the figure is a ratio (shown as a percentage with its counts) rather than a count.
    public var isRate: Bool {
        switch self {
        case .completionRate, .completionRateImmediate, .completionRateSequential, .completionRateFlexible,
             .noShowRate, .popularityImmediate, .popularitySequential, .popularityFlexible:
            return true
        default:
            return false
        }
    }

    /// The short name shown on the dashboard.
    public var title: String {
        switch self {
        case .activeTreatments: return "Active treatments"
        case .completionRate: return "Completion rate"
        case .completedGroups: return "Completed treatments"
        case .closedGroups: return "Closed treatments"
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
        }
    }

    /// One line saying exactly what is counted.
    public var definition: String {
        switch self {
        case .activeTreatments:
            return "Session groups still running (active or to book): not completed, cancelled, ended early or expired."
        case .completionRate:
            return "Completed groups ÷ closed groups (completed + cancelled + ended early + expired); none when no group is closed."
        case .completedGroups:
            return "Session groups in which every session number has a completed booking (a no-show is not a completion)."
        case .closedGroups:
            return "Session groups completed, cancelled, ended early or expired."
        case .completionRateImmediate, .completionRateSequential, .completionRateFlexible:
            return "Completed ÷ closed groups, counting only \(strategy!.rawValue) treatments."
        case .sessionsToday:
            return "Bookings not cancelled that start today (clinic time)."
        case .sessionsThisWeek:
            return "Bookings not cancelled that start this week, Monday to Sunday (clinic time)."
        case .overdueSequential:
            return "Active sequential groups with nothing booked and the maximum gap (else twice the recommended) passed."
        case .unscheduledFlexibleSessions:
            return "Sessions of open flexible packages without a booking: total − confirmed and completed (cancelled and missed ones count again)."
        case .packagesExpiring30d:
            return "Active flexible packages with unbooked sessions that expire within 30 days."
        case .noShowRate:
            return "No-show sessions ÷ (completed + no-show sessions); none before any session took place."
        case .popularityImmediate, .popularitySequential, .popularityFlexible:
            return "Session groups using \(strategy!.rawValue) booking ÷ all session groups."
        }
    }

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
