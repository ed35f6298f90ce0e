import TerminalUI

/// What a key does in the booking flow; each step's keymap below binds keys to these.
public enum BookAction: String, Hashable, Sendable {
    case accept, back, up, down, nextField, previousField
    case newCustomer, editDate, undoEdit, byDate, byPattern
    case yes, no, switchButton
}

/// The booking flow's keys as data, one keymap per step: the step dispatches through it, and the
/// shell's legend and `?` help show it, so what a step says and what it does cannot drift apart.
public enum BookKeymap {
    private static func key(_ action: BookAction, _ keys: [Key], _ label: String, _ help: String,
                            priority: Int = 5) -> KeyBinding<BookAction> {
        // Arrow moves are listed in help; the legend keeps its room for what the step is for.
        KeyBinding(action, keys: keys, label: label, help: help, section: "This step",
                   showsInLegend: action != .up && action != .down && label != "↑" && label != "↓", priority: priority)
    }

    private static func back(_ label: String) -> KeyBinding<BookAction> {
        key(.back, [.escape], label, label == "Leave" ? "Leave the booking (asks first when something was typed)"
            : "Back to the previous step", priority: 8)
    }

    private static let listMoves = [
        key(.up, [.up, .character("k")], "↑", "Previous row", priority: 1),
        key(.down, [.down, .character("j"), .tab], "↓", "Next row", priority: 1),
    ]

    /// The keys of a step (`editing`: a date of the preview is being typed; `continuing`: a treatment is continued).
    static func of(_ step: BookStep, editing: Bool, continuing: Bool, lastDate: Bool) -> Keymap<BookAction> {
        switch step {
        case .customer:
            return Keymap([
                key(.accept, [.enter], "Choose", "Choose the highlighted customer (or create the new one)", priority: 9),
                key(.up, [.up], "↑", "Previous customer", priority: 1),
                key(.down, [.down, .tab], "↓", "Next customer", priority: 1),
                key(.newCustomer, [.control("n"), .function(4)], "New customer", "Add a customer who is not listed yet", priority: 7),
                back("Leave"),
            ])
        case .newCustomer:
            return Keymap([
                key(.accept, [.enter], "Save customer", "Save the new customer and go on", priority: 9),
                key(.nextField, [.tab, .down], "Next field", "Next field", priority: 6),
                key(.previousField, [.backTab, .up], "Previous field", "Previous field", priority: 2),
                back("Back"),
            ])
        case .service:
            return Keymap([
                key(.accept, [.enter], "Choose", "Choose the highlighted service", priority: 9),
                key(.up, [.up], "↑", "Previous service", priority: 1),
                key(.down, [.down, .tab], "↓", "Next service", priority: 1),
                back(continuing ? "Leave" : "Back"),
            ])
        case .provider:
            return Keymap([key(.accept, [.enter], "Choose", "Choose the highlighted provider", priority: 9)]
                          + listMoves + [back(continuing ? "Leave" : "Back")])
        case .immediateStart:
            return Keymap([key(.accept, [.enter], "Preview all sessions", "Lay out every session from this start", priority: 9),
                           back("Back")])
        case .immediatePreview where editing, .flexibleProposal where editing:
            return Keymap([key(.accept, [.enter], "Set date", "Use the date typed for this session", priority: 9),
                           key(.back, [.escape], "Cancel", "Keep the planned date", priority: 8)])
        case .immediatePreview:
            return Keymap([key(.accept, [.enter], "Accept plan", "Go on to the confirmation with this plan", priority: 9)]
                          + listMoves.map { var b = $0; b.keys.removeAll { $0 == .tab }; return b } + [
                key(.editDate, [.character("e"), .function(3)], "Edit date", "Type another date for the highlighted session", priority: 7),
                key(.undoEdit, [.delete, .backspace], "Undo edit", "The highlighted session follows the plan again", priority: 3),
                back("Change start"),
            ])
        case .flexibleCount:
            return Keymap([key(.accept, [.enter], "Next", "Go on with this many sessions", priority: 9), back("Back")])
        case .flexibleMode:
            return Keymap([key(.accept, [.enter], "Choose", "Choose the highlighted way", priority: 9)] + listMoves + [
                key(.byDate, [.character("d")], "By date", "Type a date for each session", priority: 6),
                key(.byPattern, [.character("p")], "By pattern", "Give a weekly pattern and let the desk find free slots", priority: 6),
                back("Back"),
            ])
        case .flexiblePattern:
            return Keymap([key(.accept, [.enter], "Find free slots", "Propose free slots from the pattern", priority: 9),
                           back("Back")])
        case .flexibleProposal:
            return Keymap([key(.accept, [.enter], "Accept slots", "Go on to the confirmation with these slots", priority: 9)]
                          + listMoves.map { var b = $0; b.keys.removeAll { $0 == .tab }; return b } + [
                key(.editDate, [.character("e"), .function(3)], "Edit date", "Type another date for the highlighted slot", priority: 7),
                back("Back"),
            ])
        case .sessionDates:
            return Keymap([
                key(.accept, [.enter], lastDate ? "Confirm" : "Next", "Next date, or the confirmation after the last", priority: 9),
                key(.previousField, [.up, .backTab], "↑", "Previous date", priority: 1),
                key(.nextField, [.down, .tab], "↓", "Next date", priority: 1),
                back("Back"),
            ])
        case .rebookPreview:
            return Keymap([
                key(.accept, [.enter], "Book and move later", "Go on to book the session and move the later sessions as shown", priority: 9),
                key(.back, [.escape], "Another date", "Choose another date for the session; nothing moves", priority: 8),
            ])
        case .confirm:
            return Keymap([key(.accept, [.enter], "Book", "Book every session listed", priority: 9), back("Back")])
        }
    }

    /// The key a message names for an action of a step ("e").
    static func name(_ action: BookAction, in step: BookStep) -> String {
        of(step, editing: false, continuing: false, lastDate: false).binding(for: action)?.legendKey ?? ""
    }

    /// "Leave the booking?" while it is open.
    static let leaving = Keymap<BookAction>([
        key(.yes, [.character("y")], "Leave", "Leave; nothing is booked", priority: 9),
        key(.no, [.character("n"), .escape], "Stay", "Stay in the booking", priority: 9),
        key(.accept, [.enter], "Choose", "Run the focused button", priority: 5),
        key(.switchButton, [.left, .right, .tab], "Switch button", "Move between the buttons", priority: 1),
    ])
}

extension BookFlow {
    /// The keys in force now.
    var keymap: Keymap<BookAction> {
        if leaving != nil { return BookKeymap.leaving }
        let editing = (step == .immediatePreview && immediate.editing != nil) || (step == .flexibleProposal && flexible.editing != nil)
        return BookKeymap.of(step, editing: editing, continuing: isContinuing,
                             lastDate: dates.index + 1 >= dates.fields.count)
    }

    /// The action of a key on the current step, if it has one.
    func action(for key: Key) -> BookAction? { keymap.action(for: key) }
}
