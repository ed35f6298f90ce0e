import Foundation
import FrontdeskCore
import FrontdeskStore
import TerminalUI

/// Drives the Bookings list the way a keystroke does: read the rows the key brings into view with
/// the store's keyset-paged query, then render a full 120×40 frame into a cell buffer.
///
/// This is the stand-in used until the application shell lands; `ShellDriver` replaces it then.
struct BookingsScreenDriver {
    enum Action: String, CaseIterable {
        case scrollRow, scrollPage, jumpEnd
    }

    let database: AppDatabase
    let now: Date
    let width = 120, height = 40
    var visibleRows: Int { height - 4 }
    /// The rows on screen, in list order.
    var window: [TreatmentSummary] = []
    var selected = 0
    var buffer: Buffer
    var note: String { "stand-in: store page + Table render at \(width)×\(height) (the shell has not landed)" }

    init(database: AppDatabase, now: Date) throws {
        self.database = database
        self.now = now
        self.buffer = Buffer(width: width, height: height)
        try reset(for: .scrollRow)
    }

    /// The screen as it opens: today's rows, the selection on the last visible row so that the
    /// next "down" has to read a row that is not on screen yet.
    mutating func reset(for action: Action) throws {
        let start = TreatmentCursor(anchor: now, rowID: "b:0")
        window = try database.treatments(from: start, direction: .forward, limit: visibleRows)
        selected = window.count - 1
    }

    mutating func perform(_ action: Action) throws {
        switch action {
        case .scrollRow:
            if let last = window.last {
                let next = try database.treatments(from: TreatmentCursor(last), direction: .forward, limit: 1)
                if !next.isEmpty { window = Array(window.dropFirst(next.count)) + next }
            }
        case .scrollPage:
            if let last = window.last {
                let next = try database.treatments(from: TreatmentCursor(last), direction: .forward, limit: visibleRows)
                if !next.isEmpty { window = next }
            }
        case .jumpEnd:
            window = try database.treatments(from: nil, direction: .backward, limit: visibleRows)
        }
        selected = max(window.count - 1, 0)
        render()
    }

    private mutating func render() {
        let calendar = database.calendar
        let rows = window.map { row -> Table.Row in
            let progress = row.kind == .group
                ? "\(row.completed)/\(row.totalSessions) done, \(row.booked) booked"
                : (row.singleStatus?.rawValue ?? "")
            let next = row.nextStart.map { calendar.dayTime($0) } ?? "—"
            return Table.Row(texts: [row.customerName, row.serviceName, row.strategy?.rawValue ?? "single", progress, next])
        }
        let table = Table(columns: [
            Table.Column("Customer", width: .flexible(2)), Table.Column("Service", width: .flexible(3)),
            Table.Column("Strategy", width: .fixed(10)), Table.Column("Progress", width: .fixed(22)),
            Table.Column("Next", width: .fixed(16)),
        ], rows: rows, selectedIndex: selected)
        buffer = Buffer(width: width, height: height)
        buffer.render(table, in: Rect(x: 0, y: 1, width: width, height: height - 2), theme: .standard)
        blackHole(buffer)
    }
}
