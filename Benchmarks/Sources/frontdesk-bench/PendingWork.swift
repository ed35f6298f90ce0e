import Foundation
import FrontdeskCore
import FrontdeskStore

/// The measurements of code that landed after the harness: the KPI set and the due follow-ups,
/// exactly as the `kpi` and `followups` commands call them.
enum PendingWork {
    /// Appended to the planner's notes (empty now that the core's planner has landed).
    static let plannerNote = ""

    /// Everything the Dashboard shows for one selection, as `frontdesk kpi` and the screen read it.
    static func measureDashboard(database: AppDatabase, query: DashboardQuery, budget: Budget) throws -> Sample? {
        try measure(budget) { blackHole(try database.dashboard(query)) }
    }

    /// The four lists behind the Dashboard's tiles, as Enter on each tile reads them.
    static func measureDashboardLists(database: AppDatabase, budget: Budget) throws -> Sample? {
        try measure(budget) {
            for list in KPIList.allCases { blackHole(try database.dashboardList(list)) }
        }
    }

    /// Generating what is due (idempotent after the first run, which is not timed) and reading the
    /// pending list, as `frontdesk followups` does.
    static func measureDueFollowUps(database: AppDatabase, budget: Budget) throws -> Sample? {
        try database.generateDueFollowUps()
        return try measure(budget) {
            blackHole(try database.generateDueFollowUps())
            blackHole(try database.followUps(status: .pending, dueBefore: database.now, limit: 1_000))
        }
    }
}
