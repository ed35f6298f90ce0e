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
            switch form.filter(keeping: state.bookings.filter, parser: state.dateParser) {
            case .failure(let failure):
                form.error = failure.message
            case .success(let filter):
                state.bookings.filterForm = nil
                state.bookings.filter = filter
                state.bookings.open = nil
                state.bookings.focus = .list
                state.inform(filter.isActive ? "Filtered: \(filter.summary(calendar: state.calendar)). \(BookingsKeymap.name(.back)) clears." : "Showing everything.")
                if state.bookings.view == .treatments { return Bookings.restartList(state: &state) }
                return [Bookings.agendaEffect(state)]
            }
        case .nextField:
            form.moveFocus(by: 1)
        case .previousField:
            form.moveFocus(by: -1)
        default:
            if form.edit(key) { form.error = nil }
        }
        state.bookings.filterForm = form
        return []
    }

    static func render(_ form: FilterForm, in screen: Rect, into buffer: inout Buffer, theme: Theme) {
        var lines: [SessionDialogView.FormLine] = [
            .text("Show treatments and appointments matching:", .normal),
            .blank,
            .labelled("From day", .field(form.from)),
            .labelled("To day", .field(form.to)),
            .labelled("Provider", .select(form.provider)),
            .labelled("Status", .select(form.status)),
            .labelled("Strategy", .select(form.strategy)),
        ]
        if let error = form.error { lines += [.blank] + SessionDialogView.wrapped(error, role: .statusError) }
        SessionDialogView.renderForm(title: "Filter", lines: lines, in: screen, into: &buffer, theme: theme)
    }

}
