import Foundation
import FrontdeskCore
import TerminalUI

/// The day and week agenda: the same bookings in time order, one row per appointment.
enum AgendaView {
    static func render(_ state: BookingsModel, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        let calendar = state.calendar
        let agenda = state.bookings.agenda
        let isWeek = state.bookings.view == .week
        let wide = area.width >= 110
        var columns: [Table.Column] = []
        if isWeek { columns.append(Table.Column("Day", width: .fixed(10))) }
        columns += [
            Table.Column("Time", width: .fixed(11)),
            Table.Column("", width: .fixed(theme.symbols.completed.count)),
            Table.Column("Customer", width: .flexible(2)),
            Table.Column("Service", width: .flexible(wide ? 3 : 2)),
            Table.Column("Session", width: .fixed(wide ? 13 : 7)),
            Table.Column("Provider", width: .flexible(1)),
        ]
        if wide { columns.append(Table.Column("Status", width: .fixed(13))) }
        var previousDay: LocalDay?
        let rows: [Table.Row] = agenda.bookings.map { booking in
            var items: [Table.Item] = []
            if isWeek {
                let day = calendar.localDay(of: booking.start)
                // The day is named once, on its first appointment, so the week reads as blocks.
                items.append(Table.Item(day == previousDay ? "" : calendar.shortDay(day), role: .header))
                previousDay = day
            }
            let look = TreatmentPanel.SessionLook(booking, now: state.now, theme: theme)
            let role = look.role
            items.append(Table.Item("\(calendar.time(booking.start))-\(calendar.time(booking.end))"))
            items.append(Table.Item(look.mark, role: role))
            items.append(Table.Item(booking.customerName))
            items.append(Table.Item(booking.serviceName))
            let session = booking.sessionGroupID == nil ? "single"
                : (wide ? "\(booking.sessionNumber) of \(booking.totalSessions)" : "\(booking.sessionNumber)/\(booking.totalSessions)")
            items.append(Table.Item(session, role: .dim))
            items.append(Table.Item(booking.providerName))
            if wide { items.append(Table.Item(look.word, role: role)) }
            return Table.Row(items, role: booking.status == .cancelled ? .cancelled : nil)
        }
        let period = isWeek
            ? "the week of \(calendar.longDay(agenda.firstDay))"
            : calendar.longDay(agenda.firstDay)
        let empty = agenda.isLoading ? "Loading…" : "No appointments on \(period). ←/→ go to other days, t to today."
        let table = Table(columns: columns, rows: rows, selectedIndex: agenda.selected, scrollOffset: agenda.scrollOffset,
                          emptyMessage: empty)
        buffer.render(table, in: area, theme: theme)
    }

    /// "Tuesday, March 10 · 12 appointments, 2 cancelled" for the filter line: cancelled bookings
    /// are listed but counted apart, so the count is what the day really holds.
    static func heading(_ state: BookingsModel) -> String {
        let calendar = state.calendar
        let agenda = state.bookings.agenda
        let cancelled = agenda.bookings.count { $0.status == .cancelled }
        let count = agenda.bookings.count - cancelled
        let what = "\(count)\(agenda.truncated ? "+" : "") appointment\(count == 1 ? "" : "s")"
            + (cancelled > 0 ? ", \(cancelled) cancelled" : "")
        if state.bookings.view == .week {
            let last = agenda.firstDay.adding(days: 6)
            return "Week \(calendar.shortDay(agenda.firstDay)) – \(calendar.shortDayWithYear(last)) · \(what)"
        }
        return "\(calendar.longDay(agenda.firstDay)) \(agenda.firstDay.year) · \(what)"
    }
}
