import FrontdeskCore
import TerminalUI

/// Everything staff can do on the Dashboard; the keymap below binds keys to these.
public enum DashboardAction: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, moveLeft, moveRight, pageUp, pageDown, first, last
    case open, back, switchPane
    case complete, bookNext, reschedule, cancel, noShow, notes, reopen, endTreatment, extendPackage
    case nextPeriod, filter, reload
}

extension DashboardAction: SessionKeyActions {}

/// The Dashboard's keys as data: the dispatcher, the legend and `?` help all read this table; the
/// help also lists every figure's definition, taken from the core (`KPI.definition`).
public enum DashboardKeymap {
    public static let all = Keymap<DashboardAction>([
        KeyBinding(.moveUp, keys: [.up, .character("k")], label: "Up", help: "Tile above; previous row of a list",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.moveDown, keys: [.down, .character("j")], label: "Down", help: "Tile below; next row of a list",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.moveLeft, keys: [.left, .character("h")], label: "Left", help: "Tile to the left",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.moveRight, keys: [.right, .character("l")], label: "Right", help: "Tile to the right",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.pageUp, keys: [.pageUp, .control("b")], label: "PgUp", help: "One screen up in a list",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.pageDown, keys: [.pageDown, .control("f")], label: "PgDn", help: "One screen down in a list",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.first, keys: [.home, .character("g")], label: "First", help: "First tile or row",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.last, keys: [.end, .character("G")], label: "Last", help: "Last tile or row",
                   section: "Moving around", showsInLegend: false),
        KeyBinding(.open, keys: [.enter], label: "Open",
                   help: "On a tile with a list (today, overdue, unscheduled, expiring): open the list; on a row: open the treatment",
                   section: "Moving around", priority: 9),
        KeyBinding(.back, keys: [.escape], label: "Back",
                   help: "Close the treatment, then the list; on the tiles clears the provider and service filter",
                   section: "Moving around", priority: 6),
        KeyBinding(.switchPane, keys: [.tab], label: "Pane", help: "Switch between the list and the open treatment",
                   section: "Moving around", priority: 2),
    ] + SessionKeys.bindings(as: DashboardAction.self) + [
        KeyBinding(.nextPeriod, keys: [.character("p")], label: "Period",
                   help: "Rates over the next period: this week, this month, this quarter, this year, all time",
                   section: "Screen", priority: 7),
        KeyBinding(.filter, keys: [.function(4), .character("f")], label: "Filter",
                   help: "Choose the period (or type from and to days), a provider and a service", section: "Screen", priority: 8),
        KeyBinding(.reload, keys: [.control("r"), .character("R")], label: "Reload",
                   help: "Read the figures again (other terminals' changes also appear by themselves)",
                   section: "Screen", showsInLegend: false),
    ])

    /// The actions the legend offers in each place, most useful first.
    static func shown(in place: DashboardPlace, listOfSessions: Bool) -> [DashboardAction] {
        switch place {
        case .tiles: return [.open, .nextPeriod, .filter, .back]
        case .list:
            return listOfSessions ? [.open, .complete, .reschedule, .cancel, .noShow, .back]
                                  : [.open, .bookNext, .back, .nextPeriod, .filter]
        case .treatment: return [.complete, .bookNext, .reschedule, .cancel, .noShow, .notes, .reopen, .switchPane, .back]
        case .filter, .dialog: return []
        }
    }

    /// The legend for where the keys go now: a dialog's or the filter's keys, else the screen's.
    public static func legend(for state: DashboardState) -> Keymap<String> {
        if let keymap = state.desk.keymap { return keymap.erased }
        if state.filterForm != nil { return DialogKeymap.filter.erased }
        var order = shown(in: state.place, listOfSessions: state.list?.kind == .today)
        // Enter is offered only on a tile that has a list behind it.
        if state.place == .tiles, state.tile.list == nil { order.removeAll { $0 == .open } }
        let bindings = order.compactMap { action -> KeyBinding<DashboardAction>? in
            guard var binding = all.binding(for: action) else { return nil }
            binding.showsInLegend = true
            return binding
        }
        return Keymap(bindings).erased
    }

    /// The help screen: the open dialog's keys first, every key of the screen, then each figure's definition.
    public static func help(for state: DashboardState) -> Keymap<String> {
        var keys = Keymap<String>([])
        if let keymap = state.desk.keymap { keys = keymap.erased }
        if state.filterForm != nil { keys = DialogKeymap.filter.erased }
        return keys.appending(all.erased).appending(figures)
    }

    /// Every figure with its definition, as `frontdesk kpi` prints them (notes: bindings without keys).
    public static let figures = Keymap<String>(KPI.allCases.map { kpi in
        KeyBinding("figure.\(kpi.rawValue)", keys: [], label: kpi.title, help: kpi.definition,
                   section: "What each figure counts", showsInLegend: false)
    })

    /// The key a message names for an action ("f").
    public static func name(_ action: DashboardAction) -> String {
        all.binding(for: action)?.legendKey ?? ""
    }
}
