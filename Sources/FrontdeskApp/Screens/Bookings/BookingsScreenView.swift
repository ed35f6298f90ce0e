import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the Bookings screen: title with views, filter or search line, list or agenda, the open
/// treatment, any dialog, the status line and the legend.
enum BookingsScreenView {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let theme = state.theme
        let bookings = state.bookings
        let showsPanel = bookings.view == .treatments && bookings.open != nil
        let layout = BookingsLayout(width: state.width, height: state.height, hasOpenTreatment: showsPanel)
        let tabs = Tabs(titles: BookingsView.allCases.map(\.title), activeIndex: bookings.view.rawValue)
        TitleBar.render(state, screenTitle: "Bookings", views: tabs, into: &buffer, area: layout.title)
        renderFilterLine(state, into: &buffer, area: layout.filterLine)

        switch bookings.view {
        case .treatments:
            TreatmentListView.render(state, into: &buffer, area: layout.list)
            if showsPanel, let open = bookings.open {
                TreatmentPanel.render(state, open: open, into: &buffer, area: layout.detail)
            }
        case .day, .week:
            AgendaView.render(state, into: &buffer, area: layout.list)
        }

        if let status = state.status {
            buffer.render(status, in: layout.status, theme: theme)
        }
        if let dialog = bookings.dialog {
            DialogView.render(dialog, state: state, into: &buffer)
            let keys: [(key: String, label: String)]
            switch dialog {
            case .confirm: keys = [("Enter", "Choose"), ("←/→", "Switch button"), ("y", "Yes"), ("Esc", "No")]
            case .message: keys = [("Enter", "OK")]
            case .reschedule(let form):
                keys = [("Enter", "Move"), ("Esc", "Keep as is")] + (form.canShiftLater ? [("Tab", "Later sessions too")] : [])
            case .notes: keys = [("Enter", "Save notes"), ("Esc", "Cancel")]
            case .nextSession: keys = [("Enter", "Book it"), ("^U", "Clear the date"), ("Esc", "Not now")]
            case .filter: keys = [("Enter", "Apply"), ("Tab/↓", "Next field"), ("←/→", "Change choice"), ("Esc", "Cancel")]
            }
            PlainLegend.render(keys, into: &buffer, area: layout.legend, theme: theme)
        } else if bookings.search != nil {
            PlainLegend.render([("Enter", "Search"), ("Esc", "Cancel"), ("^U", "Clear")], into: &buffer, area: layout.legend, theme: theme)
        } else {
            buffer.render(KeyLegend(keymap: BookingsKeymap.legend(for: bookings.legendContext)), in: layout.legend, theme: theme)
        }
    }

    /// The second line: the search being typed, else what the list shows.
    private static func renderFilterLine(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        buffer.fill(area, style: theme[.normal])
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
