import Foundation
import FrontdeskCore
import TerminalUI

/// The grouped list: one row per treatment (customer, service, strategy, progress bar, next
/// session, state) and one per single appointment.
enum TreatmentListView {
    /// How much of each date to show: the year only on wide screens, the weekday from 100 columns.
    enum DateStyle { case short, medium, full }

    static func dateStyle(width: Int) -> DateStyle { width >= 120 ? .full : (width >= 100 ? .medium : .short) }

    static func columns(width: Int) -> [Table.Column] {
        let style = dateStyle(width: width)
        return [
            Table.Column("Customer", width: .flexible(2)),
            Table.Column("Service", width: .flexible(3)),
            Table.Column("Strategy", width: .fixed(10)),
            Table.Column("Progress", width: .fixed(style == .short ? 13 : 14)),
            Table.Column("Next session", width: .fixed(style == .full ? 21 : (style == .medium ? 16 : 12))),
            Table.Column("State", width: .fixed(9)),
        ]
    }

    static func render(_ state: BookingsModel, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        let list = state.bookings.list
        let style = dateStyle(width: area.width)
        let rows = list.rows.map { row($0, state: state, style: style) }
        let empty: String
        // An empty first page may still be followed by earlier rows on their way.
        if list.isLoading || (list.rows.isEmpty && (list.loadingBefore || list.loadingAfter)) {
            empty = "Loading…"
        } else if state.bookings.filter.isActive {
            empty = "Nothing matches the filter. \(BookingsKeymap.name(.back)) clears it."
        } else {
            empty = "No bookings yet. Press \(BookingsKeymap.all.binding(for: .book)?.keyList ?? "") to book the first treatment."
        }
        let focused = state.bookings.focus == .list || state.bookings.open == nil
        let table = Table(columns: columns(width: area.width), rows: rows, selectedIndex: focused ? list.selected : nil,
                          scrollOffset: list.scrollOffset, emptyMessage: empty)
        buffer.render(table, in: area, theme: theme)

        // The progress column is drawn over the table's text cells as a real bar.
        let widths = table.columnWidths(for: area.width)
        let progressX = area.x + widths.prefix(3).reduce(0, +) + 3 * table.columnSpacing
        let offset = Table.scrollOffset(keeping: focused ? list.selected : nil, visible: table.visibleRowCount(height: area.height),
                                        from: list.scrollOffset, rowCount: rows.count)
        for (line, index) in (offset..<min(rows.count, offset + table.visibleRowCount(height: area.height))).enumerated() {
            let summary = list.rows[index]
            let barArea = Rect(x: progressX, y: area.y + 1 + line, width: widths[3], height: 1)
            buffer.fill(barArea, style: theme[.normal])
            buffer.render(ProgressBar(completed: summary.completed, booked: summary.booked, total: summary.totalSessions,
                                      maxBarWidth: widths[3] - 6), in: barArea, theme: theme)
            if focused, index == list.selected { buffer.patchStyle(barArea, with: theme[.selection]) }
        }
    }

    static func row(_ summary: TreatmentSummary, state: BookingsModel, style: DateStyle) -> Table.Row {
        let calendar = state.calendar
        let strategy = summary.strategy?.rawValue ?? "single"
        let next = summary.nextStart.map { date -> String in
            switch style {
            case .full: return calendar.dayTime(date)
            case .medium: return calendar.shortDay(date) + " " + calendar.time(date)
            case .short:
                let day = calendar.localDay(of: date)
                return "\(day.day) \(day.shortMonthName) \(calendar.time(date))"
            }
        } ?? "-"
        let (stateText, role) = treatmentState(summary, now: state.now)
        return Table.Row([
            Table.Item(summary.customerName),
            Table.Item(summary.serviceName),
            Table.Item(strategy, role: .dim),
            Table.Item(""),
            Table.Item(next),
            Table.Item(stateText, role: role),
        ])
    }

    /// The state word for a row and its colour.
    static func treatmentState(_ summary: TreatmentSummary, now: Date) -> (String, ThemeRole) {
        if summary.kind == .single {
            switch summary.singleStatus ?? .confirmed {
            case .confirmed: return ("booked", .confirmed)
            case .completed: return ("completed", .completed)
            case .cancelled: return ("cancelled", .cancelled)
            case .noShow: return ("no-show", .noShow)
            }
        }
        switch summary.state {
        case .completed: return ("completed", .completed)
        case .cancelled, .ended: return (summary.state.label, .cancelled)
        case .expired, .toBook: return (summary.state.label, .warning)
        case .active: return ("active", .confirmed)
        }
    }
}
