import Foundation
import FrontdeskStore

/// The measurements whose code lands on main later (the KPI set, due follow-ups, the real planner).
/// Each returns nil while its API is missing; the report then says "not landed".
enum PendingWork {
    /// Appended to the planner's notes while the core's planner is still a stand-in.
    static let plannerNote = " (planner stand-in: not landed)"

    static func measureKPIs(database: AppDatabase, budget: Budget) throws -> Sample? { nil }

    static func measureDueFollowUps(database: AppDatabase, budget: Budget) throws -> Sample? { nil }
}
