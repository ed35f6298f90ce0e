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
        let width = 120, height = 40
        var session = ShellDriver.open(database, width: width, height: height)
        session.press(.function(8))
        let text = session.screenText
        guard text.contains("Sessions per week"), !text.contains("Loading…") else {
            log("  inproc.dashboard.firstFrame: F8 did not draw the full Dashboard")
            results.append(BenchResult(size: size, key: "inproc.dashboard.firstFrame", note: "F8 did not draw the full Dashboard"))
            return
        }
        let sample = measure(budget, prepare: { session = ShellDriver.open(database, width: width, height: height) }) {
            session.press(.function(8))
            blackHole(session.render())
        }
        record("inproc.dashboard.firstFrame", sample,
               note: "AppSession: F8 → the figures and choices read → full \(width)×\(height) render")
    }

    private mutating func followUps() throws {
        guard let sample = try PendingWork.measureDueFollowUps(database: database, budget: budget) else {
            log("  inproc.followups: due follow-ups have not landed on this branch yet")
            results.append(BenchResult(size: size, key: "inproc.followups", note: "not landed"))
            return
        }
        record("inproc.followups", sample)
    }
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
