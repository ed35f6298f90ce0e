import Foundation
import FrontdeskStore

/// The measurements of code that landed after the harness: the KPI set and the due follow-ups,
/// exactly as the `kpi` and `followups` commands call them.
enum PendingWork {
    /// Appended to the planner's notes (empty now that the core's planner has landed).
    static let plannerNote = ""

    static func measureKPIs(database: AppDatabase, budget: Budget) throws -> Sample? {
        try measure(budget) { blackHole(try database.kpiReport()) }
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
