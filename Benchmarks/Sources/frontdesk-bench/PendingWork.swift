import Foundation
import FrontdeskCore
import FrontdeskStore
import GRDB

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

    /// Working out what is due in steady state: what the triggers noted since the last run (the
    /// booking operations reconcile in their own transactions) and the expiry sweep.
    static func measureFollowUpGeneration(database: AppDatabase, budget: Budget) throws -> Sample {
        try database.generateDueFollowUps()
        return try measure(budget) { blackHole(try database.generateDueFollowUps()) }
    }

    /// The longest the generator holds the write lock: one transaction reconciling a full batch of
    /// changed treatments (noted here by hand, as triggers note changes made outside the operations).
    static func measureFollowUpCatchUpBatch(database: AppDatabase, path: String, budget: Budget) throws -> Sample {
        let writer = try DatabaseQueue(path: path)
        let groups = try writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT session_group_id FROM session_groups WHERE state IN ('active', 'to_book') ORDER BY anchor_at DESC LIMIT 16
                """)
        }
        return try measure(budget, prepare: {
            try? writer.write { db in
                for id in groups { try db.execute(sql: "INSERT OR IGNORE INTO follow_up_changes(subject) VALUES (?)", arguments: [id]) }
            }
        }) { blackHole(try database.generateDueFollowUps()) }
    }

    /// The Follow-ups screen's read: the queue by kind (due now, overdue, upcoming) and the tab's count.
    static func measureFollowUpQueue(database: AppDatabase, budget: Budget) throws -> Sample {
        try measure(budget) { blackHole(try database.followUpQueue()) }
    }

    /// The Customers screen's reads: a page of the list for a name and for a phone prefix, and one card.
    static func measureCustomers(database: AppDatabase, budget: Budget) throws -> [(String, Sample, String)] {
        let someone = try database.customerList(search: "", limit: 1).first
        let phone = someone?.customer.phone.map { String($0.prefix(9)) } ?? "+41 79 00"
        let customerID = someone?.customer.id ?? 1
        let card = try database.customerCard(id: customerID)
        return [
            ("inproc.customers.name", try measure(budget) { blackHole(try database.customerList(search: "anna", limit: 50)) }, "“anna”, 50 rows"),
            ("inproc.customers.phone", try measure(budget) { blackHole(try database.customerList(search: phone, limit: 50)) }, "“\(phone)”, 50 rows"),
            ("inproc.customers.card", try measure(budget) { blackHole(try database.customerCard(id: customerID)) },
             "\(card.treatments.count) treatments, \(card.upcoming.count + card.past.count) bookings"),
        ]
    }
}
