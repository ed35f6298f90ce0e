import Foundation
import FrontdeskCore
import TerminalUI

/// What the Services screen does with the runner's answers.
enum ServicesAnswers {
    static func receive(_ answer: ServicesAnswer, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect] {
        switch answer {
        case let .access(_, decision):
            switch decision {
            case .allowed: screen.access = .allowed
            case .refused(let reason): screen.access = .readOnly(reason: reason)
            }
            let readOnly = !screen.mayChange
            screen.editor?.form.isReadOnly = readOnly
            screen.providerEditor?.form.isReadOnly = readOnly
            return []
        case .servicesLoaded(let result):
            screen.isLoading = false
            switch result {
            case .success(let rows):
                let selectedID = screen.pendingSelection ?? screen.selectedServiceRow?.id
                screen.services = rows
                screen.selectedService = rows.firstIndex { $0.id == selectedID } ?? min(screen.selectedService, max(0, rows.count - 1))
                screen.pendingSelection = nil
            case .failure(let failure):
                context.fail(failure.message)
            }
            return []
        case .providersLoaded(let result):
            switch result {
            case .success(let rows):
                screen.providers = rows
                let openID = screen.providerEditor.flatMap { $0.isNew ? nil : $0.row.provider.id }
                screen.selectedProvider = rows.firstIndex { $0.provider.id == openID } ?? min(screen.selectedProvider, max(0, rows.count - 1))
                if var editor = screen.editor, !editor.isReadOnly {
                    let effects = editor.refresh(providers: rows, calendar: context.calendar, now: context.now)
                    screen.editor = editor
                    return effects
                }
            case .failure(let failure):
                context.fail(failure.message)
            }
            return []
        case let .serviceLoaded(id, purpose, result):
            switch result {
            case .success(let loaded):
                var editor = ServiceEditor.opening(loaded, id: id, purpose: purpose, readOnly: !screen.mayChange)
                let effects = editor.refresh(providers: screen.providers, calendar: context.calendar, now: context.now)
                screen.editor = editor
                switch screen.access {
                case .readOnly(let reason): context.inform(reason)
                default:
                    context.inform(purpose == .duplicate
                                   ? "A copy as the start of a new service: give it its own name, then \(ServicesKeymap.name(.save)) saves it."
                                   : "Editing \(loaded.draft.name): changes apply to new treatments only.")
                }
                return effects
            case .failure(let failure):
                context.fail(failure.message)
                return []
            }
        case let .previewCalendarLoaded(ids, availability):
            guard var editor = screen.editor, editor.availabilityFor == ids else { return [] }
            editor.availability = availability
            editor.hasNoProvider = availability == nil
            editor.planPreview(calendar: context.calendar, now: context.now)
            screen.editor = editor
            return []
        case .saved(let result):
            switch result {
            case .success(let saved):
                screen.editor = nil
                screen.pendingSelection = saved.id
                var message: String
                switch saved.kind {
                case "added": message = "Added the service \(saved.name)."
                case "unchanged": message = "Nothing changed in \(saved.name)."
                default: message = "Saved \(saved.name) (\(saved.changedFields.joined(separator: ", ")))."
                }
                if saved.kind == "updated", saved.activeTreatments > 0 { message += " " + ServiceEditor.keepRulesLine(saved.activeTreatments) }
                context.succeed(message)
                context.dataChanged()
                return [.loadServices]
            case .failure(let failure):
                screen.editor?.isSaving = false
                context.fail("Not saved: \(failure.message)")
                return []
            }
        case let .activeChanged(id, result):
            switch result {
            case .success(let active):
                let name = screen.services.first { $0.id == id }?.name ?? "The service"
                context.succeed(active ? "\(name) is active again: it is offered for new bookings."
                                : "\(name) is deactivated: it is not offered for new bookings; its treatments go on and nothing was deleted.")
                context.dataChanged()
                return [.loadServices]
            case .failure(let failure):
                context.fail(failure.message)
                return []
            }
        case let .providerEdited(_, result), let .providerAdded(result):
            return providerEdited(result, screen: &screen, context: &context)
        case .closedDaysLoaded, .closedDayAdded, .closedDayRemoved:
            return ClosedDaysKeys.receive(answer, screen: &screen, context: &context)
        case let .sessionChanged(command, result):
            guard var editor = screen.providerEditor else { return ClosedDaysKeys.receive(answer, screen: &screen, context: &context) }
            if editor.desk.receive(command, result, &context), case let .reschedule(bookingID, _, _, _, _, _) = command {
                editor.uncovered.removeAll { $0.id == bookingID }
                editor.selectedBooking = min(editor.selectedBooking, max(0, editor.uncovered.count - 1))
                if editor.uncovered.isEmpty {
                    editor.isOnBookings = false
                    context.succeed("Every booking \(editor.row.provider.name)'s change uncovered has been moved.")
                }
            }
            screen.providerEditor = editor
            return []
        }
    }

    private static func providerEdited(_ result: Result<EditedProvider, AppFailure>, screen: inout ServicesScreen,
                                       context: inout ScreenContext) -> [ServicesEffect] {
        guard var editor = screen.providerEditor else { return [] }
        editor.isSaving = false
        switch result {
        case .success(let edited):
            let added = editor.isNew
            editor.row = edited.row
            editor.isNew = false
            editor.form = ProviderEditor.makeForm(edited.row, readOnly: editor.isReadOnly)
            editor.uncovered = edited.uncoveredBookings
            editor.selectedBooking = 0
            editor.isOnBookings = !edited.uncoveredBookings.isEmpty
            let name = edited.row.provider.name
            if added {
                context.succeed("Added the provider \(name): \(edited.row.provider.hours).")
            } else if edited.uncoveredBookings.isEmpty {
                context.succeed("Saved \(name).")
            } else {
                let count = edited.uncoveredBookings.count
                context.inform("Saved \(name). \(count) confirmed booking\(count == 1 ? " is" : "s are") now outside \(name)'s time: open each to move it (nothing was cancelled).")
            }
            context.dataChanged()
            screen.providerEditor = editor
            return [.loadProviders, .loadServices]
        case .failure(let failure):
            screen.providerEditor = editor
            context.fail("Not saved: \(failure.message)")
            return []
        }
    }
}
