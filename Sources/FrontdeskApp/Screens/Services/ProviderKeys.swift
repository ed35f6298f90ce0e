import Foundation
import FrontdeskCore
import TerminalUI

/// How the provider editor answers keys: the form, then the bookings a save left outside the
/// provider's time, each opened in the session desk's move dialog.
enum ProviderKeys {
    static func handle(_ key: Key, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect] {
        guard var editor = screen.providerEditor else { return [] }
        defer { if screen.providerEditor != nil { screen.providerEditor = editor } }
        if editor.desk.dialog != nil {
            return editor.desk.handle(key, &context).map(ServicesEffect.session)
        }
        if editor.isAskingToLeave {
            switch DialogKeymap.confirm.action(for: key) {
            case .yes:
                screen.providerEditor = nil
                context.inform("Left the editor; nothing was saved.")
            case .no, .accept:
                editor.isAskingToLeave = false
                context.status = nil
            default:
                break
            }
            return []
        }
        if editor.isOnBookings {
            switch ServicesKeymap.uncovered.action(for: key) {
            case .moveUp: editor.selectedBooking = max(0, editor.selectedBooking - 1)
            case .moveDown: editor.selectedBooking = min(max(0, editor.uncovered.count - 1), editor.selectedBooking + 1)
            case .open:
                if let booking = editor.selectedUncovered {
                    editor.desk.ask(.reschedule, about: SessionTarget(booking: booking), &context)
                }
            case .back:
                screen.providerEditor = nil
            default:
                break
            }
            return []
        }
        switch ServicesKeymap.editor.action(for: key) {
        case .save:
            if editor.isReadOnly {
                ServicesKeys.explainReadOnly(screen, &context)
                return []
            }
            guard !editor.isSaving else { return [] }
            editor.form.clearErrors()
            let (changes, problems) = editor.changes(calendar: context.calendar, now: context.now)
            for (field, message) in problems { editor.form.setError(message, for: field) }
            guard let changes else {
                context.fail("Not saved: fix the \(problems.count == 1 ? "problem" : "\(problems.count) problems") shown under the fields. Nothing was written.")
                return []
            }
            if editor.isNew {
                editor.isSaving = true
                context.inform("Adding \(changes.name ?? "the provider")…")
                return [.addProvider(changes)]
            }
            guard !changes.isEmpty else {
                context.inform("Nothing to save: \(editor.row.provider.name) is as stored.")
                return []
            }
            editor.isSaving = true
            return [.editProvider(id: editor.row.provider.id, changes)]
        case .back:
            if editor.isReadOnly || !editor.hasUnsavedChanges(calendar: context.calendar, now: context.now) {
                screen.providerEditor = nil
                context.status = nil
            } else {
                editor.isAskingToLeave = true
            }
            return []
        default:
            // The weekday fields and the text form follow each other as the manager types.
            guard let field = editor.form.focusedID else { return [] }
            let before = editor.form.text(field)
            if editor.form.handle(key), editor.form.text(field) != before { editor.syncHours(after: field) }
            return []
        }
    }
}
