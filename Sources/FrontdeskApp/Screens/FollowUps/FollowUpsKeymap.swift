import TerminalUI

/// Everything a receptionist can do on the Follow-ups screen.
public enum FollowUpsAction: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, send, called, dismiss, openCustomer, bookNext, filter, allKinds, reload
}

/// The Follow-ups screen's keys as data.
public enum FollowUpsKeymap {
    private static func key(_ action: FollowUpsAction, _ keys: [Key], _ label: String, _ help: String,
                            legend: Bool = true, priority: Int = 5) -> KeyBinding<FollowUpsAction> {
        KeyBinding(action, keys: keys, label: label, help: help, section: "Follow-ups", showsInLegend: legend, priority: priority)
    }

    public static let queue = Keymap<FollowUpsAction>([
        key(.moveUp, [.up, .character("k")], "Up", "Previous follow-up", legend: false),
        key(.moveDown, [.down, .character("j")], "Down", "Next follow-up", legend: false),
        key(.called, [.character("c")], "Called", "Mark called, with a short note of what was agreed", priority: 9),
        key(.send, [.character("s")], "Send now", "Send it now with the configured notify command", priority: 8),
        key(.dismiss, [.character("x")], "Dismiss", "Not to be sent or called (asks nothing; it stays in the history)",
            priority: 7),
        key(.openCustomer, [.enter], "Customer", "Open the customer's card on the Customers screen", priority: 8),
        key(.bookNext, [.character("m")], "Book next", "Book the next session of the treatment it is about", priority: 6),
        key(.filter, [.character("f")], "Kind", "Show one kind only; again for the next kind", priority: 5),
        key(.allKinds, [.character("F")], "All kinds", "Show every kind again", priority: 2),
        key(.reload, [.control("r")], "Reload", "Read the queue again", legend: false),
    ])

    /// The "mark called" note.
    public static let note = Keymap<DialogAction>([
        KeyBinding(.accept, keys: [.enter], label: "Mark called", help: "Mark it called with this note", section: "Note",
                   priority: 9),
        KeyBinding(.close, keys: [.escape], label: "Cancel", help: "Leave it pending", section: "Note", priority: 8),
    ])

    static func legend(for state: FollowUpsState) -> Keymap<String> {
        state.callNote != nil ? note.erased : queue.erased
    }
}
