import Foundation
import FrontdeskCore

/// The Dashboard's tiles in the order they are laid out (what the desk looks at most comes first,
/// so a small window shows it without scrolling). Each stands for one or more of the core's
/// figures (`KPI`), whose titles and definitions it shows.
public enum DashboardTile: Int, Sendable, Equatable, CaseIterable {
    case today, thisWeek, active, completion, completionByStrategy, noShow, overdue, unscheduled, expiring, popularity

    /// The figures the tile shows.
    public var figures: [KPI] {
        switch self {
        case .today: return [.sessionsToday]
        case .thisWeek: return [.sessionsThisWeek]
        case .active: return [.activeTreatments]
        case .completion: return [.completionRate]
        case .completionByStrategy: return Strategy.allCases.map(KPI.completionRate(for:))
        case .noShow: return [.noShowRate]
        case .overdue: return [.overdueSequential]
        case .unscheduled: return [.unscheduledFlexibleSessions]
        case .expiring: return [.packagesExpiring30d]
        case .popularity: return Strategy.allCases.map(KPI.popularity(of:))
        }
    }

    /// The title on the tile: the figure's own, shortened where it would not fit a narrow tile (the
    /// caption says the rest), or the group's for the per-strategy tiles.
    public var title: String {
        switch self {
        case .completionByStrategy: return "Completion by strategy"
        case .popularity: return "Strategy popularity"
        case .overdue: return "Overdue sequential"
        case .unscheduled: return "Unscheduled sessions"
        case .expiring: return "Expiring packages"
        default: return figures[0].title
        }
    }

    /// The list Enter opens, for tiles that stand for one.
    public var list: KPIList? { figures.count == 1 ? figures[0].list : nil }
}

extension KPIList {
    /// The list's heading.
    public var title: String {
        switch self {
        case .overdue: return KPI.overdueSequential.title
        case .expiring: return KPI.packagesExpiring30d.title
        case .unscheduled: return "Flexible packages with sessions to book"
        case .today: return KPI.sessionsToday.title
        }
    }
}
