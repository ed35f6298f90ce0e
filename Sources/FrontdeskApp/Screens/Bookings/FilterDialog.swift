import Foundation
import FrontdeskCore
import TerminalUI

/// The filter dialog of the Bookings screen: its keys and its drawing.
enum FilterDialog {
    static func handle(_ key: Key, state: inout BookingsModel) -> [BookingsEffect] {
        guard var form = state.bookings.filterForm else { return [] }
        switch DialogKeymap.filter.action(for: key) {
        case .close:
            state.bookings.filterForm = nil
            state.inform("Nothing was changed.")
            return []
        case .accept:
            guard let filter = form.filter(keeping: state.bookings.filter, parser: state.dateParser) else { break }
            state.bookings.filterForm = nil
            state.bookings.filter = filter
            state.bookings.open = nil
            state.bookings.focus = .list
            state.inform(filter.isActive ? "Filtered: \(filter.summary(calendar: state.calendar)). \(BookingsKeymap.name(.back)) clears." : "Showing everything.")
            if state.bookings.view == .treatments { return Bookings.restartList(state: &state) }
            return [Bookings.agendaEffect(state)]
        default:
            _ = form.handle(key)
        }
        state.bookings.filterForm = form
        return []
    }

    static func render(_ form: FilterForm, in screen: Rect, into buffer: inout Buffer, theme: Theme) {
        let width = min(screen.width, 70)
        let frame = screen.centered(width: width, height: min(screen.height, form.form.height + 4))
        buffer.fill(frame, style: theme[.normal])
        let box = Box(title: "Filter", role: .accent)
        box.render(into: &buffer, area: frame, theme: theme)
        let inner = box.inner(of: frame).inset(left: 1, right: 1)
        buffer.write("Show treatments and appointments matching:", at: inner.x, y: inner.y, style: theme[.normal], maxWidth: inner.width)
        buffer.render(form.form, in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2)),
                      theme: theme)
    }
}
