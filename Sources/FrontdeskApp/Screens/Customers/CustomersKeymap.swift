import TerminalUI

/// Everything a receptionist can do on the Customers screen.
public enum CustomersAction: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, open, back, search, add, edit, book
    case previousTreatment, nextTreatment
    case complete, cancel, noShow, reschedule, notes, bookNext, reopen, endTreatment, extendPackage
}

extension CustomersAction: SessionKeyActions {}

/// What the editor's keys do beyond moving between fields.
public enum CustomerEditorAction: String, Hashable, Sendable {
    case save, cancel, openMatch
}

/// The Customers screen's keys as data: dispatch, the legend and `?` help read the same tables.
public enum CustomersKeymap {
    private static func key(_ action: CustomersAction, _ keys: [Key], _ label: String, _ help: String,
                            section: String = "Customers", legend: Bool = true, priority: Int = 5) -> KeyBinding<CustomersAction> {
        KeyBinding(action, keys: keys, label: label, help: help, section: section, showsInLegend: legend, priority: priority)
    }

    static let moving = [
        key(.moveUp, [.up, .character("k")], "Up", "Previous row", section: "Moving around", legend: false),
        key(.moveDown, [.down, .character("j")], "Down", "Next row", section: "Moving around", legend: false),
    ]

    /// The list of customers.
    public static let list = Keymap<CustomersAction>(moving + [
        key(.open, [.enter], "Card", "Open the customer's card: contact, treatments, sessions and past appointments", priority: 9),
        key(.search, [.character("/")], "Search", "Find a customer by name, phone (any format) or e-mail", priority: 8),
        key(.add, [.character("a")], "Add", "Add a customer (warns when the name or phone is already on file)", priority: 6),
        key(.book, [.character("b")], "Book", "Book a treatment for the selected customer", priority: 7),
    ])

    /// The open card: its treatment's sessions take the shared session keys.
    public static let card = Keymap<CustomersAction>(moving + [
        key(.back, [.escape], "List", "Back to the list of customers", priority: 8),
        key(.edit, [.character("d")], "Details", "Edit the contact details, notes and consents", priority: 7),
        key(.book, [.character("b")], "Book", "Book a new treatment for this customer", priority: 7),
        key(.previousTreatment, [.left, .character("h")], "Prev treatment", "Show the customer's previous treatment",
            priority: 3),
        key(.nextTreatment, [.right, .character("l")], "Next treatment", "Show the customer's next treatment", priority: 3),
    ] + SessionKeys.bindings(as: CustomersAction.self))

    /// The contact editor (its field keys are the form's).
    public static let editor = Keymap<CustomerEditorAction>([
        KeyBinding(.save, keys: [.enter], label: "Save", help: "Save the details (Enter again saves despite a duplicate warning)",
                   section: "Editor", priority: 9),
        KeyBinding(.cancel, keys: [.escape], label: "Cancel", help: "Close without saving", section: "Editor", priority: 8),
        KeyBinding(.openMatch, keys: [.control("o")], label: "Open match",
                   help: "Open the customer already on file instead", section: "Editor", priority: 7),
    ])

    /// The search line: the list follows what is typed.
    public static let search = Keymap<DialogAction>([
        KeyBinding(.accept, keys: [.enter], label: "Done", help: "Keep the search and go to the list", section: "Search", priority: 9),
        KeyBinding(.close, keys: [.escape], label: "Clear", help: "Clear the search and go to the list", section: "Search",
                   priority: 8),
        KeyBinding(.clearField, keys: [.control("u")], label: "Clear text", help: "Clear the search text", section: "Search",
                   priority: 3),
    ])

    static func legend(for state: CustomersState) -> Keymap<String> {
        if let keymap = state.desk.keymap { return keymap.erased }
        if let open = state.editor {
            let keys = open.duplicates.isEmpty ? Keymap(editor.bindings.filter { $0.action != .openMatch }) : editor
            return keys.erased.appending(Keymap.form.erased)
        }
        if state.searching { return search.erased }
        return state.card == nil ? list.erased : card.erased
    }

    static func help(for state: CustomersState) -> Keymap<String> { legend(for: state) }
}

