import Foundation
import FrontdeskCore
import TerminalUI

/// Keys while a dialog is open: it has them all, and Esc always closes it without changing anything.
enum BookingsDialogKeys {
    static func handle(_ key: Key, state: inout BookingsModel) -> [BookingsEffect] {
        guard let dialog = state.bookings.dialog else { return [] }
        let action = DialogKeymap.of(dialog).action(for: key)
        if action == .close || (action == .no && key == .escape) {
            state.bookings.dialog = nil
            state.inform("Nothing was changed.")
            return []
        }
        switch dialog {
        case .confirm(var confirm):
            switch action {
            case .accept:
                state.bookings.dialog = nil
                if confirm.dialog.focusedButton == ConfirmSessionChange.confirmButton {
                    return [.run(confirm.command)]
                }
                state.inform("Nothing was changed.")
            case .yes:
                state.bookings.dialog = nil
                return [.run(confirm.command)]
            case .no:
                state.bookings.dialog = nil
                state.inform("Nothing was changed.")
            case .switchButton:
                _ = confirm.dialog.handle(key)
                state.bookings.dialog = .confirm(confirm)
            default:
                break
            }
            return []

        case .message:
            if action == .accept { state.bookings.dialog = nil }
            return []

        case .reschedule(var form):
            switch action {
            case .accept:
                let preview = DateText.preview(form.field.value, parser: state.dateParser)
                guard let date = preview.date else {
                    form.error = preview.line
                    state.bookings.dialog = .reschedule(form)
                    return []
                }
                return [.run(.reschedule(bookingID: form.target.bookingID, to: date, shiftLater: form.canShiftLater && form.shiftLater,
                                         confirmedShortNotice: false))]
            case .toggleLaterSessions:
                form.shiftLater.toggle()
            default:
                if form.field.handle(key) { form.error = nil }
            }
            state.bookings.dialog = .reschedule(form)
            return []

        case .notes(var form):
            if action == .accept {
                return [.run(.setNotes(bookingID: form.target.bookingID, notes: form.field.value))]
            }
            _ = form.field.handle(key)
            state.bookings.dialog = .notes(form)
            return []

        case .nextSession(var form):
            if action == .accept {
                let preview = DateText.preview(form.field.value, parser: state.dateParser)
                guard let date = preview.date else {
                    form.error = preview.line
                    state.bookings.dialog = .nextSession(form)
                    return []
                }
                return [.run(.bookNext(customerID: form.customerID, serviceID: form.serviceID, groupID: form.groupID, start: date))]
            }
            if form.field.handle(key) { form.error = nil }
            state.bookings.dialog = .nextSession(form)
            return []

        case .filter(var form):
            switch action {
            case .accept:
                switch form.filter(keeping: state.bookings.filter, parser: state.dateParser) {
                case .failure(let failure):
                    form.error = failure.message
                    state.bookings.dialog = .filter(form)
                    return []
                case .success(let filter):
                    state.bookings.dialog = nil
                    state.bookings.filter = filter
                    state.bookings.open = nil
                    state.bookings.focus = .list
                    state.inform(filter.isActive ? "Filtered: \(filter.summary(calendar: state.calendar)). Esc clears." : "Showing everything.")
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
            state.bookings.dialog = .filter(form)
            return []
        }
    }
}
