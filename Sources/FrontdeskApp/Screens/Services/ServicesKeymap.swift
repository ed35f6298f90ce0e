import TerminalUI

/// Everything a manager can do on the Services screen; the keymaps below bind keys to these.
public enum ServicesAction: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, first, last
    case open, new, duplicate, toggleActive, switchView, reload
    case save, back, nextField, previousField, changeChoice
}

/// The Services screen's keys as data: dispatch, the legend and `?` help read these tables.
public enum ServicesKeymap {
    /// The list of services or providers.
    public static let list = Keymap<ServicesAction>([
        KeyBinding(.moveUp, keys: [.up, .character("k")], label: "Up", help: "Previous row", section: "Moving around", showsInLegend: false),
        KeyBinding(.moveDown, keys: [.down, .character("j")], label: "Down", help: "Next row", section: "Moving around", showsInLegend: false),
        KeyBinding(.first, keys: [.home, .character("g")], label: "First", help: "First row", section: "Moving around", showsInLegend: false),
        KeyBinding(.last, keys: [.end, .character("G")], label: "Last", help: "Last row", section: "Moving around", showsInLegend: false),
        KeyBinding(.open, keys: [.enter], label: "Open", help: "Open the service or provider in the editor (read-only for non-managers)",
                   section: "List", priority: 9),
        KeyBinding(.new, keys: [.function(2), .character("n")], label: "New",
                   help: "A new service, provider or closed day (in the view shown)", section: "List", priority: 8),
        KeyBinding(.duplicate, keys: [.character("d")], label: "Duplicate",
                   help: "A new service starting as a copy of the selected one", section: "List", priority: 6),
        KeyBinding(.toggleActive, keys: [.character("x")], label: "Deactivate",
                   help: "Deactivate the selected service (its treatments go on; nothing is deleted), or activate it again; on the closed days, open the clinic again on the selected day",
                   section: "List", priority: 5),
        KeyBinding(.switchView, keys: [.function(3), .character("v"), .tab], label: "Providers",
                   help: "Switch between services, providers and the clinic's closed days", section: "List", priority: 7),
        KeyBinding(.reload, keys: [.control("r"), .character("R")], label: "Reload", help: "Read the list again",
                   section: "List", showsInLegend: false),
    ])

    /// The service and provider editors.
    public static let editor = Keymap<ServicesAction>([
        KeyBinding(.save, keys: [.function(2), .control("s")], label: "Save",
                   help: "Save (only when the form is valid; nothing is written otherwise)", section: "Editor", priority: 9),
        KeyBinding(.back, keys: [.escape], label: "Back", help: "Back to the list (asks first when something is unsaved)",
                   section: "Editor", priority: 8),
        KeyBinding(.nextField, keys: [.tab, .down], label: "Next field", help: "Next field", section: "Editor", priority: 4),
        KeyBinding(.previousField, keys: [.backTab, .up], label: "Previous field", help: "Previous field", section: "Editor",
                   showsInLegend: false),
        KeyBinding(.changeChoice, keys: [.left, .right, .character(" ")], label: "Change",
                   help: "Change a choice (multi-session, strategy, active)", section: "Editor", priority: 3),
    ])

    /// The editors of a non-manager: nothing to save.
    public static let readOnlyEditor = Keymap<ServicesAction>(editor.bindings.filter { $0.action != .save && $0.action != .changeChoice })

    /// The list's legend: what a non-manager cannot do is left out.
    public static func listLegend(view: ServicesScreen.View, mayChange: Bool, selectedIsActive: Bool) -> Keymap<ServicesAction> {
        var bindings = list.bindings.filter { binding in
            switch binding.action {
            case .new: return mayChange
            case .duplicate: return mayChange && view == .services
            case .toggleActive: return mayChange && view != .providers
            case .open: return view != .closedDays
            default: return true
            }
        }
        for index in bindings.indices {
            if bindings[index].action == .switchView { bindings[index].label = view.next.title }
            if bindings[index].action == .toggleActive {
                if view == .closedDays { bindings[index].label = "Remove" } else if !selectedIsActive { bindings[index].label = "Activate" }
            }
        }
        return Keymap(bindings)
    }

    /// The key a message names for an action ("F2").
    public static func name(_ action: ServicesAction) -> String {
        (list.binding(for: action) ?? editor.binding(for: action))?.legendKey ?? ""
    }
}

extension ServicesKeymap {
    /// The bookings a provider change left outside the provider's time.
    public static let uncovered = Keymap<ServicesAction>([
        KeyBinding(.open, keys: [.enter], label: "Move", help: "Open the booking to move it to another time", section: "Bookings to move",
                   priority: 9),
        KeyBinding(.moveUp, keys: [.up, .character("k")], label: "Up", help: "Previous booking", section: "Bookings to move",
                   showsInLegend: false),
        KeyBinding(.moveDown, keys: [.down, .character("j")], label: "Down", help: "Next booking", section: "Bookings to move",
                   showsInLegend: false),
        KeyBinding(.back, keys: [.escape], label: "Back", help: "Back to the providers", section: "Bookings to move", priority: 8),
    ])
}
