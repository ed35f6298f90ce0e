import Foundation
import FrontdeskCore
import TerminalUI

/// How the Services screen answers keys. Pure: it changes the screen and returns effects.
enum ServicesKeys {
    static func handle(_ key: Key, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect] {
        if let row = screen.confirmingActive { return answerActiveQuestion(key, row: row, screen: &screen, context: &context) }
        if screen.editor != nil { return editorKey(key, screen: &screen, context: &context) }
        if screen.providerEditor != nil { return ProviderKeys.handle(key, screen: &screen, context: &context) }
        if screen.view == .closedDays, let effects = ClosedDaysKeys.handle(key, screen: &screen, context: &context) { return effects }
        guard let action = ServicesKeymap.list.action(for: key) else { return [] }
        if screen.view == .closedDays, let effects = ClosedDaysKeys.listAction(action, screen: &screen, context: &context) { return effects }
        return listAction(action, screen: &screen, context: &context)
    }

    // MARK: - The lists

    static func listAction(_ action: ServicesAction, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect] {
        let providers = screen.view == .providers
        let count: Int
        let selected: Int
        switch screen.view {
        case .services: (count, selected) = (screen.services.count, screen.selectedService)
        case .providers: (count, selected) = (screen.providers.count, screen.selectedProvider)
        case .closedDays: (count, selected) = (screen.closedDays.days.count, screen.closedDays.selected)
        }
        func move(to index: Int) {
            let clamped = min(max(0, index), max(0, count - 1))
            switch screen.view {
            case .services: screen.selectedService = clamped
            case .providers: screen.selectedProvider = clamped
            case .closedDays: screen.closedDays.selected = clamped
            }
        }
        switch action {
        case .moveUp: move(to: selected - 1)
        case .moveDown: move(to: selected + 1)
        case .first: move(to: 0)
        case .last: move(to: count - 1)
        case .switchView:
            screen.view = screen.view.next
            context.status = nil
        case .reload:
            return [.loadServices, .loadProviders, .loadClosedDays]
        case .open:
            if providers {
                guard let row = screen.selectedProviderRow else { return [] }
                screen.providerEditor = ProviderEditor(row: row, readOnly: !screen.mayChange)
                explainReadOnly(screen, &context)
                return []
            }
            guard let row = screen.selectedServiceRow else { return [] }
            return [.loadService(id: row.id, purpose: .edit)]
        case .new where providers:
            guard refuseUnlessManager(screen, &context) else { return [] }
            screen.providerEditor = ProviderEditor.new(readOnly: false)
            context.inform("A new provider: name, weekly hours (one field per day, or the text form), services; \(ServicesKeymap.name(.save)) adds it.")
            return []
        case .new:
            guard refuseUnlessManager(screen, &context) else { return [] }
            var editor = ServiceEditor.new(readOnly: false)
            let effects = editor.refresh(providers: screen.providers, calendar: context.calendar, now: context.now)
            screen.editor = editor
            context.inform("A new service: \(ServicesKeymap.name(.save)) saves it once the form is valid.")
            return effects
        case .duplicate:
            guard !providers, refuseUnlessManager(screen, &context), let row = screen.selectedServiceRow else { return [] }
            return [.loadService(id: row.id, purpose: .duplicate)]
        case .toggleActive:
            guard !providers, refuseUnlessManager(screen, &context), let row = screen.selectedServiceRow else { return [] }
            screen.confirmingActive = row
        default:
            break
        }
        return []
    }

    /// True for a manager; otherwise says why on the status line.
    static func refuseUnlessManager(_ screen: ServicesScreen, _ context: inout ScreenContext) -> Bool {
        switch screen.access {
        case .allowed: return true
        case .readOnly(let reason): context.fail(reason)
        case .unknown: context.inform("Checking whether this account may change services…")
        }
        return false
    }

    static func explainReadOnly(_ screen: ServicesScreen, _ context: inout ScreenContext) {
        if case .readOnly(let reason) = screen.access { context.inform(reason) }
    }

    private static func answerActiveQuestion(_ key: Key, row: ServiceRow, screen: inout ServicesScreen,
                                             context: inout ScreenContext) -> [ServicesEffect] {
        switch DialogKeymap.confirm.action(for: key) {
        case .yes:
            screen.confirmingActive = nil
            return [.setActive(id: row.id, active: !row.isActive)]
        case .no, .accept:
            // Enter runs the focused button, which is "Keep as is": a change is made only on purpose.
            screen.confirmingActive = nil
            context.inform("Nothing was changed.")
        default:
            break
        }
        return []
    }

    // MARK: - The service editor

    private static func editorKey(_ key: Key, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect] {
        guard var editor = screen.editor else { return [] }
        defer { if screen.editor != nil { screen.editor = editor } }
        if editor.isAskingToLeave {
            switch DialogKeymap.confirm.action(for: key) {
            case .yes:
                screen.editor = nil
                context.inform("Left the editor; nothing was saved.")
            case .no, .accept:
                editor.isAskingToLeave = false
                context.status = nil
            default:
                break
            }
            return []
        }
        switch ServicesKeymap.editor.action(for: key) {
        case .save:
            return save(&editor, screen: screen, context: &context)
        case .back:
            if editor.isReadOnly || !editor.hasUnsavedChanges {
                screen.editor = nil
                context.status = nil
            } else {
                editor.isAskingToLeave = true
            }
            return []
        default:
            guard editor.form.handle(key) else { return [] }
            if editor.isReadOnly { return [] }
            return editor.refresh(providers: screen.providers, calendar: context.calendar, now: context.now)
        }
    }

    private static func save(_ editor: inout ServiceEditor, screen: ServicesScreen, context: inout ScreenContext) -> [ServicesEffect] {
        if editor.isReadOnly {
            if case .readOnly(let reason) = screen.access { context.fail(reason) }
            return []
        }
        guard !editor.isSaving else { return [] }
        guard let draft = editor.draft else {
            context.fail("Not saved: \(editor.saveBlocker ?? "the form has problems.") Nothing was written.")
            return []
        }
        editor.isSaving = true
        context.inform("Saving \(draft.name)…")
        return [.save(draft, id: editor.serviceID)]
    }
}
