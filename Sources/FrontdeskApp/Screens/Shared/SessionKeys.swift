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

/// A screen's actions that include every session key under the same name (`complete`, `bookNext`, …,
/// `endTreatment`, `extendPackage`): a screen that hosts the session desk conforms, registers all the
/// keys with one call (`SessionKeys.bindings(as:)`) and finds the session key behind an action.
public protocol SessionKeyActions: RawRepresentable, Hashable where RawValue == String {}

extension SessionKeyActions {
    /// The screen's action for a session key; a conforming screen has one for each (its keymap is built from them).
    public init(_ key: SessionKey) {
        guard let action = Self(rawValue: key.rawValue) else {
            preconditionFailure("\(Self.self) hosts the session desk but has no action \(key.rawValue)")
        }
        self = action
    }

    /// The session key behind this action, nil for the screen's own actions.
    public var sessionKey: SessionKey? { SessionKey(rawValue: rawValue) }
}

extension SessionKeys {
    /// Every session key as a screen's bindings, in the help's order (the session's keys, then the
    /// treatment's): what Bookings, Customers and the Dashboard register, so none of them misses one.
    public static func bindings<Action: SessionKeyActions>(as _: Action.Type) -> [KeyBinding<Action>] {
        keymap.bindings.map { binding($0.action, as: Action($0.action)) }
    }
}

extension SessionKey {
    /// The dialog the key opens on one session; nil for the keys that continue (book next) or act on
    /// the whole treatment (end early, extend).
    public var sessionAction: SessionAction? {
        switch self {
        case .complete: return .complete
        case .cancel: return .cancel
        case .noShow: return .noShow
        case .reschedule: return .reschedule
        case .notes: return .notes
        case .reopen: return .reopen
        case .bookNext, .endTreatment, .extendPackage: return nil
        }
    }

    /// The treatment-wide action the key asks for (end early, extend), nil for the others.
    public var treatmentAction: TreatmentAction? {
        switch self {
        case .endTreatment: return .end
        case .extendPackage: return .extend
        default: return nil
        }
    }
}
