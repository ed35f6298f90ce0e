import Foundation
import FrontdeskCore
import TerminalUI

/// Keys while a session dialog is open: it has them all, and Esc always closes it without changing anything.
extension SessionDesk {
    /// Handles a key in the open dialog; the commands to run, if the receptionist confirmed one.
    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [SessionCommand] {
        guard let open = dialog else { return [] }
        let action = DialogKeymap.of(open).action(for: key)
        if action == .close || (action == .no && key == .escape) {
            dialog = nil
            if case .nextSession(let form) = open {
                // Only the next booking was left out: the completion stands, and so does the offer to undo it.
                let noun = form.sessionNoun
                var message = "\(noun) \(form.nextNumber - 1) of \(form.totalSessions) stays completed; \(noun.lowercased()) "
                    + "\(form.nextNumber) is not booked yet (\(SessionKeys.name(.bookNext)) books it)."
                if let last = lastChange, context.now.timeIntervalSince(last.at) <= Self.undoSeconds {
                    message += " \(SessionKeys.name(.reopen)) undoes."
                }
                context.inform(message)
            } else {
                context.inform("Nothing was changed.")
            }
            return []
        }
        switch open {
        case .confirm(var confirm):
            switch action {
            case .accept where confirm.dialog.focusedButton == ConfirmSessionChange.confirmButton, .yes:
                dialog = nil
                return send(confirm.command, about: confirm.target)
            case .accept, .no:
                dialog = nil
                context.inform("Nothing was changed.")
            case .switchButton:
                _ = confirm.dialog.handle(key)
                dialog = .confirm(confirm)
            default:
                break
            }
            return []

        case .message:
            if action == .accept { dialog = nil }
            return []

        case .reschedule(var form):
            switch action {
            case .accept:
                let preview = DateText.preview(form.form.text(.date), parser: context.dateParser, offsetsFrom: form.target.start)
                guard let date = preview.date else {
                    form.form.setError(preview.line, for: .date)
                    dialog = .reschedule(form)
                    return []
                }
                return send(.reschedule(bookingID: form.target.bookingID, to: date,
                                        shiftLater: form.canShiftLater && form.shiftLater, confirmedShortNotice: false),
                            about: form.target)
            case .toggleLaterSessions:
                form.shiftLater.toggle()
            default:
                if form.form.handle(key) { form.error = nil }
            }
            dialog = .reschedule(form)
            return []

        case .notes(var form):
            if action == .accept {
                return send(.setNotes(bookingID: form.target.bookingID, notes: form.form.text(.notes)), about: form.target)
            }
            _ = form.form.handle(key)
            dialog = .notes(form)
            return []

        case .endTreatment(var form):
            if action == .accept { return acceptTreatmentDialog(&context) }
            _ = form.form.handle(key)
            dialog = .endTreatment(form)
            return []

        case .extendPackage(var form):
            if action == .accept { return acceptTreatmentDialog(&context) }
            _ = form.form.handle(key)
            dialog = .extendPackage(form)
            return []

        case .nextSession(var form):
            if action == .accept {
                let preview = DateText.preview(form.form.text(.date), parser: context.dateParser)
                guard let date = preview.date else {
                    form.form.setError(preview.line, for: .date)
                    dialog = .nextSession(form)
                    return []
                }
                return send(.bookNext(customerID: form.customerID, serviceID: form.serviceID, groupID: form.groupID,
                                      start: date), about: nil)
            }
            if form.form.handle(key) { form.error = nil }
            dialog = .nextSession(form)
            return []
        }
    }

    private mutating func send(_ command: SessionCommand, about target: SessionTarget?) -> [SessionCommand] {
        pending = target
        return [command]
    }
}
