import TerminalUI

/// What a key does in a dialog or a field line; the dialogs' keymaps below bind keys to these.
public enum DialogAction: String, Hashable, Sendable {
    case accept, yes, no, close, switchButton
    case toggleLaterSessions, nextField, previousField, changeChoice, clearField
}

/// The keys of each dialog and of the search line, as data: dispatch, the legend and `?` help read them.
public enum DialogKeymap {
    private static func binding(_ action: DialogAction, _ keys: [Key], _ label: String, _ help: String,
                                priority: Int = 5) -> KeyBinding<DialogAction> {
        KeyBinding(action, keys: keys, label: label, help: help, section: "This dialog", priority: priority)
    }

    /// "Are you sure?" questions.
    public static let confirm = Keymap<DialogAction>([
        binding(.accept, [.enter], "Choose", "Run the focused button", priority: 9),
        binding(.switchButton, [.left, .right, .tab], "Switch button", "Move between the buttons"),
        binding(.yes, [.character("y")], "Yes", "Answer yes", priority: 8),
        binding(.no, [.character("n"), .escape], "No", "Answer no: nothing changes", priority: 8),
    ])

    /// A message to acknowledge.
    public static let message = Keymap<DialogAction>([
        binding(.accept, [.enter, .character(" ")], "OK", "Close the message", priority: 9),
        binding(.close, [.escape], "Close", "Close the message"),
    ])

    /// Moving a session.
    public static func reschedule(canShiftLater: Bool) -> Keymap<DialogAction> {
        Keymap([
            binding(.accept, [.enter], "Move", "Move the session to the date typed", priority: 9),
            binding(.close, [.escape], "Keep as is", "Close without moving anything", priority: 8),
        ] + (canShiftLater ? [binding(.toggleLaterSessions, [.tab], "Later sessions too",
                                      "Also move the later sessions by the same amount (on or off)")] : [])
          + [binding(.clearField, [.control("u")], "Clear", "Clear the date", priority: 1)])
    }

    /// A session's notes.
    public static let notes = Keymap<DialogAction>([
        binding(.accept, [.enter], "Save notes", "Save the notes", priority: 9),
        binding(.close, [.escape], "Cancel", "Close without saving", priority: 8),
        binding(.clearField, [.control("u")], "Clear", "Clear the notes", priority: 1),
    ])

    /// Booking the next sequential session.
    public static let nextSession = Keymap<DialogAction>([
        binding(.accept, [.enter], "Book it", "Book the next session on the date shown", priority: 9),
        binding(.clearField, [.control("u")], "Clear the date", "Clear the date to type another", priority: 3),
        binding(.close, [.escape], "Not now", "Close; a follow-up reminds the desk to book it", priority: 8),
    ])

    /// Ending a treatment early.
    public static let endTreatment = Keymap<DialogAction>([
        binding(.accept, [.enter], "End treatment", "End the treatment now with this reason", priority: 9),
        binding(.nextField, [.tab, .down], "Next field", "Next field", priority: 4),
        binding(.previousField, [.backTab, .up], "Previous field", "Previous field", priority: 1),
        binding(.changeChoice, [.left, .right, .character(" ")], "Change reason", "Choose another reason", priority: 5),
        binding(.close, [.escape], "Keep it", "Close; the treatment goes on", priority: 8),
    ])

    /// Extending a package.
    public static let extendPackage = Keymap<DialogAction>([
        binding(.accept, [.enter], "Extend", "Let the package run until the day typed", priority: 9),
        binding(.close, [.escape], "Cancel", "Close without extending", priority: 8),
        binding(.clearField, [.control("u")], "Clear", "Clear the day", priority: 1),
    ])

    /// The filter form.
    public static let filter = Keymap<DialogAction>([
        binding(.accept, [.enter], "Apply", "Apply the filter", priority: 9),
        binding(.nextField, [.tab, .down], "Next field", "Next field", priority: 6),
        binding(.previousField, [.backTab, .up], "Previous field", "Previous field", priority: 2),
        binding(.changeChoice, [.left, .right, .character(" ")], "Change choice", "Change the choice of a list field", priority: 5),
        binding(.close, [.escape], "Cancel", "Close without changing the filter", priority: 8),
    ])

    /// The customer search line.
    public static let search = Keymap<DialogAction>([
        binding(.accept, [.enter], "Search", "Show the treatments of matching customers", priority: 9),
        binding(.close, [.escape], "Cancel", "Close the search", priority: 8),
        binding(.clearField, [.control("u")], "Clear", "Clear the search text", priority: 3),
    ])

    /// The keymap of a session dialog.
    public static func of(_ dialog: SessionDialog) -> Keymap<DialogAction> {
        switch dialog {
        case .confirm: return confirm
        case .message: return message
        case .reschedule(let form): return reschedule(canShiftLater: form.canShiftLater)
        case .notes: return notes
        case .nextSession: return nextSession
        case .endTreatment: return endTreatment
        case .extendPackage: return extendPackage
        }
    }
}
