import TerminalUI

/// Everything a receptionist can do on the Bookings screen; the keymap below binds keys to these.
public enum BookingsAction: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open, back, switchPane
    case previousDay, nextDay, today
    case complete, cancel, noShow, reschedule, notes, bookNext, reopen, endTreatment, extendPackage
    case book, switchView, filter, search, reload
}

extension BookingsAction: SessionKeyActions {}

/// The Bookings screen's keys as data: the dispatcher, the bottom legend and the `?` help screen
/// all read this one table, so a key can never work without being documented (or the reverse).
public enum BookingsKeymap {
    /// Every binding, in the order the help screen lists them.
    public static let all = Keymap<BookingsAction>([
        // Moving around
        KeyBinding(.moveUp, keys: [.up, .character("k")], label: "Up", help: "Previous row (scrolls back in time)",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.moveDown, keys: [.down, .character("j")], label: "Down", help: "Next row (scrolls forward in time)",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.pageUp, keys: [.pageUp, .control("b")], label: "PgUp", help: "One screen up",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.pageDown, keys: [.pageDown, .control("f")], label: "PgDn", help: "One screen down",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.first, keys: [.home, .character("g")], label: "First", help: "First loaded row",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.last, keys: [.end, .character("G")], label: "Last", help: "Last loaded row",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.open, keys: [.enter], label: "Open",
                   help: "Open a treatment: its sessions with status marks, progress and next action",
                   section: "Moving around", priority: 9),
        KeyBinding(.back, keys: [.escape], label: "Back",
                   help: "Close the treatment, the dialog or the search; clears filters on the list",
                   section: "Moving around", priority: 5),
        KeyBinding(.switchPane, keys: [.tab], label: "Pane",
                   help: "Switch between the treatment list and the open treatment's sessions",
                   section: "Moving around", priority: 2),
        KeyBinding(.previousDay, keys: [.left, .character("h")], label: "Earlier",
                   help: "Agenda: previous day or week", section: "Moving around", showsInLegend: false),
        KeyBinding(.nextDay, keys: [.right, .character("l")], label: "Later",
                   help: "Agenda: next day or week", section: "Moving around", showsInLegend: false),
        KeyBinding(.today, keys: [.character("t")], label: "Today",
                   help: "Back to today (list and agenda)", section: "Moving around", priority: 1),

    ] + SessionKeys.bindings(as: BookingsAction.self) + [
        // Screen
        KeyBinding(.book, keys: [.function(2), .character("b")], label: "Book",
                   help: "Book a new treatment or appointment", section: "Screen", priority: 7),
        KeyBinding(.switchView, keys: [.function(3), .character("v")], label: "View",
                   help: "Switch between treatments, the day agenda and the week agenda", section: "Screen", priority: 5),
        KeyBinding(.search, keys: [.character("/")], label: "Search",
                   help: "Search customers by name", section: "Screen", priority: 6),
        KeyBinding(.filter, keys: [.function(4), .character("f")], label: "Filter",
                   help: "Filter by dates, provider, status and strategy", section: "Screen", priority: 3),
        KeyBinding(.reload, keys: [.control("r"), .character("R")], label: "Reload",
                   help: "Read the list again (other terminals' changes also appear by themselves)",
                   section: "Screen", showsInLegend: false),
    ])

    /// The legend for the current place: only the actions that do something there are shown.
    public static func legend(for context: BookingsLegendContext) -> Keymap<BookingsAction> {
        let shown: Set<BookingsAction>
        switch context {
        case .list(let rowIsTreatment):
            shown = rowIsTreatment
                ? [.open, .complete, .bookNext, .book, .search, .switchView, .filter]
                : [.complete, .reschedule, .cancel, .book, .search, .switchView, .filter]
        case .sessions:
            shown = [.back, .switchPane, .complete, .bookNext, .reschedule, .cancel, .noShow, .notes, .reopen]
        case .agenda:
            shown = [.complete, .reschedule, .cancel, .today, .switchView, .book]
        }
        var bindings = all.bindings
        for index in bindings.indices {
            bindings[index].showsInLegend = shown.contains(bindings[index].action)
        }
        // Legend order follows the context's list, so the most useful action is leftmost.
        let order: [BookingsAction]
        switch context {
        case .list(rowIsTreatment: true): order = [.open, .complete, .bookNext, .book, .search, .switchView, .filter]
        case .list(rowIsTreatment: false): order = [.complete, .reschedule, .cancel, .book, .search, .switchView, .filter]
        case .sessions: order = [.complete, .bookNext, .reschedule, .cancel, .noShow, .notes, .reopen, .switchPane, .back]
        case .agenda: order = [.complete, .reschedule, .cancel, .today, .switchView, .book]
        }
        bindings.sort { (order.firstIndex(of: $0.action) ?? 99) < (order.firstIndex(of: $1.action) ?? 99) }
        return Keymap(bindings)
    }
}

extension BookingsKeymap {
    /// The legend for where the keys go now: an open dialog's or the search line's keys, else the screen's.
    public static func legend(for state: BookingsState) -> Keymap<String> {
        if let keymap = state.desk.keymap { return keymap.erased }
        if state.filterForm != nil { return DialogKeymap.filter.erased }
        if state.search != nil { return DialogKeymap.search.erased }
        return legend(for: state.legendContext).erased
    }

    /// The help screen: the open dialog's keys first, then every key of the screen.
    public static func help(for state: BookingsState) -> Keymap<String> {
        var keys = Keymap<String>([])
        if let keymap = state.desk.keymap { keys = keymap.erased }
        if state.filterForm != nil { keys = DialogKeymap.filter.erased }
        if state.search != nil { keys = DialogKeymap.search.erased }
        return keys.appending(all.erased)
    }
}

extension BookingsKeymap {
    /// The key a message names for an action ("F2").
    public static func name(_ action: BookingsAction) -> String {
        all.binding(for: action)?.legendKey ?? ""
    }
}

/// Where the focus is, which decides the legend.
public enum BookingsLegendContext: Equatable, Sendable {
    case list(rowIsTreatment: Bool)
    case sessions
    case agenda
}
