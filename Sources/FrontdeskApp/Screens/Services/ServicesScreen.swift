import Foundation
import FrontdeskCore
import TerminalUI

/// The Services screen (SPEC §5.3, issue 9): the services with their rule in words and the service
/// editor with its buffer pane and live "How it works" preview; a second view lists the providers
/// with their hours, absences and services, a third the clinic's closed days. Managers change them;
/// everyone else reads them.
public struct ServicesScreen: TopLevelScreen {
    public static let tab = ScreenTab(title: "Services", functionKey: 7, letter: "S")

    /// Which list is shown.
    public enum View: Sendable, Equatable, CaseIterable {
        case services, providers, closedDays

        public var title: String {
            switch self {
            case .services: return "Services"
            case .providers: return "Providers"
            case .closedDays: return "Closed days"
            }
        }

        /// The view `v` / Tab switches to.
        var next: View {
            let all = View.allCases
            return all[(all.firstIndex(of: self)! + 1) % all.count]
        }
    }

    /// Whether this desk's account may change services and providers.
    public enum Access: Sendable, Equatable {
        case unknown
        case allowed
        case readOnly(reason: String)
    }

    public var view: View = .services
    public var access: Access = .unknown
    public var services: [ServiceRow] = []
    public var providers: [ProviderRow] = []
    public var selectedService = 0
    public var selectedProvider = 0
    public var isLoading = true
    public var editor: ServiceEditor?
    public var providerEditor: ProviderEditor?
    /// The clinic's closed days, and what is being done to them.
    public var closedDays = ClosedDaysPane()
    /// Deactivating (or activating) a service asks first.
    public var confirmingActive: ServiceRow?
    /// The service to select once the list is read again (after a save).
    var pendingSelection: Int64?

    public init(context: ScreenContext) {}

    public var title: String { "Services" }

    public var mayChange: Bool { access == .allowed }

    public var keyFocus: KeyFocus {
        if confirmingActive != nil { return .dialog }
        if let editor {
            if editor.isAskingToLeave { return .dialog }
            return Self.isTyping(editor.form) ? .text : .screen
        }
        if let providerEditor {
            if providerEditor.isAskingToLeave { return .dialog }
            if let focus = providerEditor.desk.keyFocus { return focus }
            return !providerEditor.isOnBookings && Self.isTyping(providerEditor.form) ? .text : .screen
        }
        if view == .closedDays { return closedDays.keyFocus }
        return .screen
    }

    static func isTyping<ID>(_ form: Form<ID>) -> Bool {
        guard !form.isReadOnly, let id = form.focusedID, case .text = form[id]?.control else { return false }
        return true
    }

    public var legend: Keymap<String> {
        if confirmingActive != nil || editor?.isAskingToLeave == true || providerEditor?.isAskingToLeave == true {
            return DialogKeymap.confirm.erased
        }
        if let keymap = providerEditor?.desk.keymap { return keymap.erased }
        if let editor { return (editor.isReadOnly ? ServicesKeymap.readOnlyEditor : ServicesKeymap.editor).erased }
        if let providerEditor {
            if providerEditor.isOnBookings { return ServicesKeymap.uncovered.erased }
            return (providerEditor.isReadOnly ? ServicesKeymap.readOnlyEditor : ServicesKeymap.editor).erased
        }
        if view == .closedDays {
            if let keymap = closedDays.desk.keymap { return keymap.erased }
            if closedDays.confirmingRemoval != nil { return DialogKeymap.confirm.erased }
            if closedDays.isOnBookings { return ServicesKeymap.uncovered.erased }
            if closedDays.adding != nil { return ServicesKeymap.editor.erased }
        }
        let selectedIsActive = selectedServiceRow?.isActive ?? true
        return ServicesKeymap.listLegend(view: view, mayChange: mayChange, selectedIsActive: selectedIsActive).erased
    }

    public var help: Keymap<String> {
        legend.appending(ServicesKeymap.list.erased).appending(ServicesKeymap.editor.erased)
    }

    var selectedServiceRow: ServiceRow? { services.indices.contains(selectedService) ? services[selectedService] : nil }
    var selectedProviderRow: ProviderRow? { providers.indices.contains(selectedProvider) ? providers[selectedProvider] : nil }

    public mutating func start(_ context: inout ScreenContext) -> [ServicesEffect] {
        [.checkAccess, .loadServices, .loadProviders, .loadClosedDays]
    }

    public mutating func reload(_ context: inout ScreenContext) -> [ServicesEffect] {
        [.loadServices, .loadProviders, .loadClosedDays]
    }

    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [ServicesEffect] {
        ServicesKeys.handle(key, screen: &self, context: &context)
    }

    public mutating func receive(_ answer: ServicesAnswer, _ context: inout ScreenContext) -> [ServicesEffect] {
        ServicesAnswers.receive(answer, screen: &self, context: &context)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        ServicesView.render(self, into: &buffer, area: area, context: context)
    }
}
