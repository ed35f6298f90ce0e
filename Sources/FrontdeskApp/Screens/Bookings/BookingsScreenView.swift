import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the Bookings screen: title with views, filter or search line, list or agenda, the open
/// treatment, any dialog, the status line and the legend.
enum BookingsScreenView {
    static func render(_ state: BookingsModel, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        let bookings = state.bookings
        let showsPanel = bookings.view == .treatments && bookings.open != nil
        let layout = BookingsLayout(area: area, hasOpenTreatment: showsPanel)
        renderHeader(state, into: &buffer, area: layout.header)

        switch bookings.view {
        case .treatments:
            TreatmentListView.render(state, into: &buffer, area: layout.list)
            if showsPanel, let open = bookings.open {
                TreatmentPanel.render(open, focused: bookings.focus == .sessions, into: &buffer, area: layout.detail,
                                      context: RenderContext(theme: theme, calendar: state.calendar, now: state.now))
            }
        case .day, .week:
            AgendaView.render(state, into: &buffer, area: layout.list)
        }
        let context = RenderContext(theme: theme, calendar: state.calendar, now: state.now)
        bookings.desk.render(into: &buffer, area: area, context: context)
        if let form = bookings.filterForm {
            FilterDialog.render(form, in: area.inset(left: 2, right: 2), into: &buffer, theme: theme)
        }
    }

    /// The first line: the views, then the search being typed or what the list shows.
    private static func renderHeader(_ state: BookingsModel, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        buffer.fill(area, style: theme[.normal])
        let tabs = Tabs(titles: BookingsView.allCases.map(\.title), activeIndex: state.bookings.view.rawValue)
        let tabsWidth = BookingsView.allCases.reduce(0) { $0 + TextWidth.width(of: $1.title) + 3 }
        buffer.render(tabs, in: Rect(x: area.x, y: area.y, width: min(tabsWidth, area.width), height: 1), theme: theme)
        let rest = Rect(x: area.x + tabsWidth, y: area.y, width: max(0, area.width - tabsWidth), height: 1)
        renderFilterLine(state, into: &buffer, area: rest)
    }

    /// The search being typed, else what the list shows.
    private static func renderFilterLine(_ state: BookingsModel, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        if let field = state.bookings.search {
            let label = " Search customers: "
            let x = area.x + buffer.write(label, at: area.x, y: area.y, style: theme[.accent], maxWidth: area.width)
            buffer.render(field, in: Rect(x: x, y: area.y, width: max(0, min(40, area.maxX - x - 1)), height: 1), theme: theme)
            return
        }
        let text: String
        switch state.bookings.view {
        case .treatments:
            let list = state.bookings.list
            let position = list.rows.isEmpty ? "" : "  (\(list.selected + 1) of \(list.rows.count)\(list.reachedEnd && list.reachedStart ? "" : " loaded"))"
            text = " " + state.bookings.filter.summary(calendar: state.calendar) + position
        case .day, .week:
            let filter = state.bookings.filter
            var parts = [AgendaView.heading(state)]
            if let name = filter.providerName { parts.append("Provider: \(name)") }
            if let s = filter.state { parts.append("Status: \(s.label)") }
            text = " " + parts.joined(separator: " · ")
        }
        buffer.write(text, at: area.x, y: area.y, style: theme[.dim], maxWidth: area.width, ellipsis: theme.symbols.ellipsis)
    }
}
