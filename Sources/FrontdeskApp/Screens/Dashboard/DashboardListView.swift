import Foundation
import FrontdeskCore
import TerminalUI

/// The list behind a tile: treatments (overdue, expiring, unscheduled) with their progress, or
/// today's sessions; the open treatment in the shared panel below it.
enum DashboardListView {
    static func render(_ list: DashboardListState, state: DashboardState, into buffer: inout Buffer, area: Rect,
                       context: RenderContext) {
        let theme = context.theme
        let layout = DashboardLayout(area: area, hasOpenTreatment: state.open != nil)
        let count = list.rows == nil ? "reading…" : "\(list.count)\(list.count >= DashboardListState.limit ? " (the first)" : "")"
        buffer.write("\(list.kind.title): \(count)", at: layout.header.x + 1, y: layout.header.y, style: theme[.header],
                     maxWidth: layout.header.width - 2, ellipsis: theme.symbols.ellipsis)
        let focused = state.open == nil || state.focus == .list
        let table: Table
        switch list.rows {
        case .sessions(let bookings)?:
            table = Table(columns: [
                Table.Column("Time", width: .fixed(5)),
                Table.Column("Customer", width: .flexible(2)),
                Table.Column("Service", width: .flexible(3)),
                Table.Column("Session", width: .fixed(8)),
                Table.Column("Provider", width: .flexible(2)),
                Table.Column("Status", width: .fixed(9)),
            ], rows: bookings.map { sessionRow($0, calendar: context.calendar) }, selectedIndex: focused ? list.selected : nil,
                scrollOffset: list.scrollOffset, emptyMessage: "No sessions today.")
        case .treatments(let summaries)?:
            table = Table(columns: [
                Table.Column("Customer", width: .flexible(2)),
                Table.Column("Service", width: .flexible(3)),
                Table.Column("Strategy", width: .fixed(10)),
                Table.Column("Progress", width: .fixed(15)),
                Table.Column(list.kind == .overdue ? "Started" : "Expires", width: .fixed(16)),
                Table.Column("State", width: .fixed(9)),
            ], rows: summaries.map { treatmentRow($0, kind: list.kind, context: context) },
                selectedIndex: focused ? list.selected : nil, scrollOffset: list.scrollOffset,
                emptyMessage: "None: nothing needs the desk here.")
        case nil:
            table = Table(columns: [Table.Column("")], rows: [], emptyMessage: "Loading…")
        }
        buffer.render(table, in: layout.list, theme: theme)
        if case .treatments(let summaries)? = list.rows {
            drawProgress(summaries, table: table, focused: focused, selected: list.selected, area: layout.list, into: &buffer, theme: theme)
        }
        if let open = state.open {
            TreatmentPanel.render(open, focused: state.focus == .treatment, into: &buffer, area: layout.detail, context: context)
        }
    }

    static func sessionRow(_ booking: Booking, calendar: ClinicCalendar) -> Table.Row {
        let (word, role) = status(booking.status)
        let session = booking.sessionGroupID == nil ? "single" : "\(booking.sessionNumber) of \(booking.totalSessions)"
        return Table.Row([
            Table.Item(calendar.time(booking.start)), Table.Item(booking.customerName), Table.Item(booking.serviceName),
            Table.Item(session, role: .dim), Table.Item(booking.providerName), Table.Item(word, role: role),
        ])
    }

    static func treatmentRow(_ summary: TreatmentSummary, kind: KPIList, context: RenderContext) -> Table.Row {
        let calendar = context.calendar
        let when: String
        if kind == .overdue {
            when = calendar.shortDayWithYear(calendar.localDay(of: summary.anchor))
        } else {
            when = summary.expiresAt.map { calendar.shortDayWithYear(calendar.localDay(of: $0)) } ?? "no expiry"
        }
        let (stateText, role) = TreatmentListView.treatmentState(summary, now: context.now)
        return Table.Row([
            Table.Item(summary.customerName), Table.Item(summary.serviceName),
            Table.Item(summary.strategy?.rawValue ?? "single", role: .dim), Table.Item(""), Table.Item(when),
            Table.Item(stateText, role: role),
        ])
    }

    /// The progress column drawn over the table's cells as a real bar.
    private static func drawProgress(_ summaries: [TreatmentSummary], table: Table, focused: Bool, selected: Int, area: Rect,
                                     into buffer: inout Buffer, theme: Theme) {
        let widths = table.columnWidths(for: area.width)
        let x = area.x + widths.prefix(3).reduce(0, +) + 3 * table.columnSpacing
        let visible = table.visibleRowCount(height: area.height)
        let offset = Table.scrollOffset(keeping: focused ? selected : nil, visible: visible, from: table.scrollOffset,
                                        rowCount: summaries.count)
        for (line, index) in (offset..<min(summaries.count, offset + visible)).enumerated() {
            let summary = summaries[index]
            let bar = Rect(x: x, y: area.y + 1 + line, width: widths[3], height: 1)
            buffer.fill(bar, style: theme[.normal])
            buffer.render(ProgressBar(completed: summary.completed, booked: summary.booked, total: summary.totalSessions,
                                      maxBarWidth: widths[3] - 6), in: bar, theme: theme)
            if focused, index == selected { buffer.patchStyle(bar, with: theme[.selection]) }
        }
    }

    static func status(_ status: BookingStatus) -> (String, ThemeRole) {
        switch status {
        case .confirmed: return ("booked", .confirmed)
        case .completed: return ("completed", .completed)
        case .cancelled: return ("cancelled", .cancelled)
        case .noShow: return ("no-show", .noShow)
        }
    }
}
