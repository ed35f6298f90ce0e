import TerminalUI

/// What a key does to a session on any screen that shows sessions.
public enum SessionKey: String, Hashable, Sendable, CaseIterable {
    case complete, bookNext, reschedule, cancel, noShow, notes, reopen
    case endTreatment, extendPackage
}

/// The session keys as data, shared by every screen that hosts the session desk, so Bookings and
/// Customers use the same letters and every message that names a key takes it from here.
public enum SessionKeys {
    public static let keymap = Keymap<SessionKey>([
        KeyBinding(.complete, keys: [.character("c")], label: "Complete",
                   help: "Mark the session completed; sequential treatments then offer to book the next one",
                   section: "Sessions", priority: 8),
        KeyBinding(.bookNext, keys: [.character("m")], label: "Book next",
                   help: "Book the next session (sequential) or more sessions (flexible) of this treatment",
                   section: "Sessions", priority: 6),
        KeyBinding(.reschedule, keys: [.character("r")], label: "Move",
                   help: "Reschedule the session (type a date such as \"fri 4pm\" or \"+2w\")",
                   section: "Sessions", priority: 4),
        KeyBinding(.cancel, keys: [.character("x")], label: "Cancel",
                   help: "Cancel the session (asks first; its number can be booked again)",
                   section: "Sessions", priority: 4),
        KeyBinding(.noShow, keys: [.character("n")], label: "No-show",
                   help: "Record that the customer did not come (asks first)", section: "Sessions", priority: 2),
        KeyBinding(.notes, keys: [.character("e")], label: "Notes",
                   help: "Edit the session's notes", section: "Sessions", priority: 1),
        KeyBinding(.reopen, keys: [.character("u")], label: "Undo",
                   help: "Reopen a completed, cancelled or no-show session (asks first); right after a change, undoes it",
                   section: "Sessions", priority: 1),
        KeyBinding(.endTreatment, keys: [.character("E")], label: "End early",
                   help: "End the whole treatment early with a reason (asks; upcoming sessions are cancelled)",
                   section: "Treatment", showsInLegend: false),
        KeyBinding(.extendPackage, keys: [.character("+")], label: "Extend",
                   help: "Extend an expired or expiring package until a later day", section: "Treatment",
                   showsInLegend: false),
    ])

    /// The key a message names for an action ("c").
    public static func name(_ key: SessionKey) -> String {
        keymap.binding(for: key)?.legendKey ?? ""
    }

    /// The binding of an action, re-keyed to another screen's action type.
    public static func binding<Action>(_ key: SessionKey, as action: Action) -> KeyBinding<Action> {
        let binding = keymap.binding(for: key)!
        return KeyBinding(action, keys: binding.keys, label: binding.label, help: binding.help, section: binding.section,
                          showsInLegend: binding.showsInLegend, priority: binding.priority)
    }
}
