import Foundation
import FrontdeskCore
import FrontdeskStore
import GRDB
import TerminalUI

/// The in-process measurements on one generated database: each records median, p99 and min–max.
struct InProcessSuite {
    let path: String
    let size: Int
    let budget: Budget
    let database: AppDatabase
    let now: Date
    var results = ResultLog()

    init(path: String, size: Int, budget: Budget, now: Date) throws {
        self.path = path
        self.size = size
        self.budget = budget
        self.now = now
        self.database = try AppDatabase.open(path: path, clock: { now })
    }

    /// Every group of measurements, or only the one named (`--only dashboard` for a quick look at one row).
    mutating func runAll(only: String? = nil) throws {
        if only == nil || only == "agenda" { try agenda() }
        if only == nil || only == "bookings" { try bookingsScreen() }
        if only == nil || only == "planning" { try planning() }
        if only == nil || only == "dashboard" { try dashboard() }
        if only == nil || only == "followups" { try followUps() }
    }

    private mutating func record(_ name: String, _ sample: Sample, note: String? = nil) {
        results.append(BenchResult(size: size, key: name, median: sample.median, p99: sample.p99,
                                   min: sample.min, max: sample.max, count: sample.count, note: note))
        log(String(format: "  %-34@ median %8.3f ms  p99 %8.3f ms  (%.3f–%.3f, n=%d)", name as NSString,
                   sample.median, sample.p99, sample.min, sample.max, sample.count))
    }

    /// The day agenda as the `agenda` command reads it: every live booking of the day, 500 at a time.
    private mutating func agenda() throws {
        let today = database.calendar.localDay(of: now)
        let filter = AgendaFilter(statuses: [.confirmed, .completed, .noShow])
        for days in [1, 7] {
            var rows = 0
            let sample = try measure(budget) {
                var cursor: AgendaCursor?
                rows = 0
                while true {
                    let page = try database.agenda(day: today, days: days, filter: filter, after: cursor, limit: 500)
                    rows += page.count
                    blackHole(page)
                    cursor = page.last.map { AgendaCursor(start: $0.start, bookingID: $0.id) }
                    if page.count < 500 { break }
                }
            }
            record("inproc.agenda.days\(days)", sample, note: "\(rows) bookings")
        }
    }

    /// Keystroke to rendered frame on the Bookings screen (scroll one row, one page, jump to the end).
    private mutating func bookingsScreen() throws {
        for action in ShellDriver.Action.allCases {
            var driver = ShellDriver(database: database)
            let sample = measure(budget, prepare: { driver.prepare(for: action) }) {
                driver.perform(action)
            }
            record("inproc.bookings.\(action.rawValue)", sample, note: driver.note)
        }
    }

    /// A 50-session immediate plan against the busiest provider's real busy intervals.
    private mutating func planning() throws {
        let fixture = try PlanningFixture(database: database, path: path, now: now)
        let coreOnly = try measure(budget) { blackHole(fixture.plan(schedule: fixture.schedule)) }
        record("inproc.plan50.core", coreOnly, note: "\(fixture.schedule.busyCount) busy intervals" + PendingWork.plannerNote)
        let withRead = try measure(budget) { blackHole(fixture.plan(schedule: try fixture.readSchedule())) }
        record("inproc.plan50.withRead", withRead, note: "reads busy intervals, then plans" + PendingWork.plannerNote)
    }

    /// Everything the Dashboard shows (the one store read behind its first frame and each refresh),
    /// for all time and for a narrow selection, and the lists behind its tiles.
    private mutating func dashboard() throws {
        guard let all = try PendingWork.measureDashboard(database: database, query: DashboardQuery(), budget: budget) else { return }
        record("inproc.dashboard", all)
        let provider = try database.providers().first?.id
        let service = try database.services().first { $0.strategy == .sequential }?.id
        let narrow = DashboardQuery(period: .thisMonth, providerID: provider, serviceID: service)
        if let sample = try PendingWork.measureDashboard(database: database, query: narrow, budget: budget) {
            record("inproc.dashboard.filtered", sample, note: "provider \(provider ?? 0), service \(service ?? 0)")
        }
        if let lists = try PendingWork.measureDashboardLists(database: database, budget: budget) {
            record("inproc.dashboard.lists", lists, note: "up to 200 rows each")
        }
        try dashboardFirstFrame()
    }

    /// F8 on a freshly opened application → the Dashboard's first full frame: the key through
    /// `AppShell.update`, its start effects (the figures and the filter's choices) against the store,
    /// the full 120×40 render. Opening the application (the Bookings screen) is not timed.
    private mutating func dashboardFirstFrame() throws {
        try screenFirstFrame("inproc.dashboard.firstFrame", keys: [.function(8)], what: "the full Dashboard",
                             note: "AppSession: F8 → the figures and choices read → full 120×40 render") { text in
            text.contains("Sessions per week") && !text.contains("Loading…")
        }
    }

    /// A top-level screen's open, measured like the Dashboard's: `keys` pressed on a freshly opened
    /// application (not timed), every effect they cause run against the store, then the full 120×40
    /// render. `drawn` tells from the screen's text that the frame is complete (checked once, untimed).
    private mutating func screenFirstFrame(_ name: String, keys: [Key], what: String, note: String,
                                           drawn: (String) -> Bool) throws {
        let width = 120, height = 40
        var session = ShellDriver.open(database, width: width, height: height)
        session.press(keys)
        guard drawn(session.screenText) else {
            log("  \(name): \(keys) did not draw \(what)")
            results.append(BenchResult(size: size, key: name, note: "\(keys) did not draw \(what)"))
            return
        }
        let sample = measure(budget, prepare: { session = ShellDriver.open(database, width: width, height: height) }) {
            session.press(keys)
            blackHole(session.render())
        }
        record(name, sample, note: note)
    }

    /// The Customers and Follow-ups screens' open → first full frame (issue 11: ≤ 60 ms at 1M).
    /// Customers reads its first page (no search yet) when F6 opens it. Follow-ups is opened behind the
    /// first tab at start (its tab shows the pending count), so F9 alone only switches: Ctrl-R then
    /// reads the queue again, which is what opening it costs.
    private mutating func peopleScreensFirstFrame() throws {
        let first = try database.customerList(search: "", limit: 1).first?.customer.name ?? ""
        try screenFirstFrame("inproc.customers.firstFrame", keys: [.function(6)], what: "the Customers list",
                             note: "AppSession: F6 → the first 100 customers read (next appointment, open treatments) → full 120×40 render") { text in
            !first.isEmpty && text.contains(String(first.prefix(20)))
        }
        try screenFirstFrame("inproc.followups.firstFrame", keys: [.function(9), .control("r")], what: "the Follow-ups queue",
                             note: "AppSession: F9, Ctrl-R → the queue by kind and the count read → full 120×40 render") { text in
            text.contains(" due, ") && !text.contains("Loading…")
        }
    }

    private mutating func followUps() throws {
        guard let sample = try PendingWork.measureDueFollowUps(database: database, budget: budget) else {
            log("  inproc.followups: due follow-ups have not landed on this branch yet")
            results.append(BenchResult(size: size, key: "inproc.followups", note: "not landed"))
            return
        }
        record("inproc.followups", sample)
        record("inproc.followups.generate", try PendingWork.measureFollowUpGeneration(database: database, budget: budget))
        record("inproc.followups.catchupBatch", try PendingWork.measureFollowUpCatchUpBatch(database: database, path: path, budget: budget),
               note: "16 treatments in one write transaction")
        record("inproc.followups.queue", try PendingWork.measureFollowUpQueue(database: database, budget: budget))
        for (name, sample, note) in try PendingWork.measureCustomers(database: database, budget: budget) {
            record(name, sample, note: note)
        }
        try peopleScreensFirstFrame()
    }
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
