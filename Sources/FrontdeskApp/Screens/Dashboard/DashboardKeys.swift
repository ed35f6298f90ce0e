import Foundation
import FrontdeskCore
import TerminalUI

/// How the Dashboard answers keys. Pure: it changes state and returns effects.
enum Dashboard {
    static func handle(_ key: Key, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        if state.desk.dialog != nil { return state.desk.handle(key, &context).map(DashboardEffect.run) }
        if state.filterForm != nil { return handleFilter(key, &state, &context) }
        guard let action = DashboardKeymap.all.action(for: key) else { return [] }
        return perform(action, &state, &context)
    }

    static func perform(_ action: DashboardAction, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        switch action {
        case .nextPeriod:
            let offered = KPIPeriod.offered
            let next = offered.firstIndex(of: state.query.period).map { (offered.index(after: $0)) % offered.count } ?? 0
            state.query.period = offered[next]
            context.inform("Rates over \(state.query.period.label). \(DashboardKeymap.name(.nextPeriod)) for the next period, "
                           + "\(DashboardKeymap.name(.filter)) for days of your own.")
            return figuresChanged(&state)
        case .filter:
            state.filterForm = DashboardFilterForm(query: state.query, providers: state.providers, services: state.services)
            return []
        case .reload:
            return refresh(&state)
        default:
            break
        }
        switch state.place {
        case .tiles: return onTiles(action, &state, &context)
        case .list: return onList(action, &state, &context)
        case .treatment: return onTreatment(action, &state, &context)
        case .filter, .dialog: return []
        }
    }

    // MARK: - Tiles

    private static func onTiles(_ action: DashboardAction, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        let count = DashboardTile.allCases.count
        let columns = DashboardLayout.columns(width: context.contentArea.width)
        func select(_ index: Int) { state.selectedTile = min(max(0, index), count - 1) }
        switch action {
        case .moveLeft: select(state.selectedTile - 1)
        case .moveRight: select(state.selectedTile + 1)
        case .moveUp: select(state.selectedTile - columns)
        case .moveDown: select(state.selectedTile + columns)
        case .first, .pageUp: select(0)
        case .last, .pageDown: select(count - 1)
        case .open:
            guard let list = state.tile.list else {
                context.inform("\(state.tile.title) has no list behind it; ? shows how each figure is counted.")
                return []
            }
            state.list = DashboardListState(kind: list)
            state.open = nil
            state.focus = .list
            return [.loadList(list, state.query)]
        case .back:
            guard state.query.providerID != nil || state.query.serviceID != nil else { return [] }
            state.query.providerID = nil
            state.query.serviceID = nil
            context.inform("Figures for every provider and service.")
            return figuresChanged(&state)
        case .reopen:
            // Nothing is under the cursor here: only the change just made can be undone.
            state.desk.askToReopen(nil, &context)
        case .complete, .bookNext, .reschedule, .cancel, .noShow, .notes, .endTreatment, .extendPackage:
            context.inform("Open a list first: Enter on today's sessions, overdue, unscheduled or expiring.")
        default: break
        }
        return []
    }

    // MARK: - A tile's list

    private static func onList(_ action: DashboardAction, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        guard var list = state.list else { return [] }
        let page = max(1, DashboardLayout(area: context.contentArea, hasOpenTreatment: state.open != nil).visibleListRows)
        func move(_ delta: Int) {
            list.selected = min(max(0, list.selected + delta), max(0, list.count - 1))
            state.list = list
        }
        switch action {
        case .moveUp: move(-1)
        case .moveDown: move(1)
        case .pageUp: move(-page)
        case .pageDown: move(page)
        case .first: move(-1_000_000)
        case .last: move(1_000_000)
        case .open:
            guard let groupID = list.selectedGroupID else {
                if list.selectedBooking != nil {
                    context.inform("A single appointment: \(SessionKeys.name(.complete)) completes it, "
                                   + "\(SessionKeys.name(.reschedule)) moves it, \(SessionKeys.name(.cancel)) cancels it.")
                }
                return []
            }
            return [.loadGroup(DashboardGroupRequest(groupID: groupID, purpose: .open))]
        case .back:
            if state.open != nil {
                state.open = nil
                state.focus = .list
            } else {
                state.list = nil
            }
        case .switchPane:
            if state.open != nil { state.focus = .treatment }
        case .reopen:
            state.desk.askToReopen(list.selectedBooking.map(SessionTarget.init(booking:)), &context)
        case .complete, .bookNext, .reschedule, .cancel, .noShow, .notes, .endTreatment, .extendPackage:
            let key = action.sessionKey!
            if let booking = list.selectedBooking, let sessionAction = key.sessionAction {
                state.desk.ask(sessionAction, about: SessionTarget(booking: booking), &context)
                return []
            }
            guard let groupID = list.selectedGroupID else {
                context.inform(list.count == 0 ? "Nothing in this list."
                               : key == .bookNext ? "A single appointment has no next session."
                               : "A single appointment is not a treatment: there is nothing to end or extend.")
                return []
            }
            return [.loadGroup(DashboardGroupRequest(groupID: groupID, purpose: .openThen(key)))]
        default: break
        }
        return []
    }

    // MARK: - The open treatment

    private static func onTreatment(_ action: DashboardAction, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        guard var open = state.open else { return [] }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            let delta: Int
            switch action {
            case .moveUp: delta = -1
            case .moveDown: delta = 1
            case .pageUp, .first: delta = -1_000_000
            default: delta = 1_000_000
            }
            open.selected = min(max(0, open.selected + delta), max(0, open.group.sessions.count - 1))
            state.open = open
        case .back:
            state.open = nil
            state.focus = .list
        case .switchPane:
            state.focus = .list
        case .open:
            context.inform("Choose what to do with this session: "
                           + SessionKeys.keymap.bindings.map(\.legendText).joined(separator: ", ") + ".")
        case .complete, .bookNext, .reschedule, .cancel, .noShow, .notes, .reopen, .endTreatment, .extendPackage:
            act(action.sessionKey!, &state, &context)
        default: break
        }
        return []
    }

    /// A session key on the open treatment: book its next session, end or extend it, or the dialog for
    /// the session under the cursor.
    static func act(_ key: SessionKey, _ state: inout DashboardState, _ context: inout ScreenContext) {
        guard let open = state.open else { return }
        if key == .bookNext {
            SessionDesk.bookNext(open.group, &context)
            return
        }
        if let treatmentAction = key.treatmentAction {
            state.desk.ask(treatmentAction, about: open.group, &context)
            return
        }
        let target = open.selectedSession.map { SessionTarget(session: $0, in: open.group) }
        if key == .reopen {
            state.desk.askToReopen(target, &context)
            return
        }
        guard let target, let action = key.sessionAction else { return }
        state.desk.ask(action, about: target, &context)
    }

    // MARK: - Filter dialog

    private static func handleFilter(_ key: Key, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        guard var form = state.filterForm else { return [] }
        switch DialogKeymap.filter.action(for: key) {
        case .close:
            state.filterForm = nil
            context.inform("Nothing was changed.")
            return []
        case .accept:
            guard let query = form.query(parser: context.dateParser) else { break }
            state.filterForm = nil
            state.query = query
            context.inform("Figures: \(summary(state, today: context.calendar.localDay(of: context.now))).")
            return figuresChanged(&state)
        default:
            _ = form.handle(key)
        }
        state.filterForm = form
        return []
    }

    // MARK: - Reading

    /// The query changed: read the figures, and the open list with the same filter.
    static func figuresChanged(_ state: inout DashboardState) -> [DashboardEffect] {
        state.isLoading = true
        var effects: [DashboardEffect] = [.loadFigures(state.query)]
        if let list = state.list { effects.append(.loadList(list.kind, state.query)) }
        return effects
    }

    /// Reads again everything shown (a change here or in another terminal).
    static func refresh(_ state: inout DashboardState) -> [DashboardEffect] {
        var effects = figuresChanged(&state)
        if let open = state.open { effects.append(.loadGroup(DashboardGroupRequest(groupID: open.group.id, purpose: .refresh))) }
        return effects
    }

    /// "this month (2026-03-01 to 2026-03-31) · Provider: Dr. Keller · all services".
    static func summary(_ state: DashboardState, today: LocalDay) -> String {
        let range = state.query.period.range(today: today)
        var text = "rates over \(state.query.period.label)"
        if let range, state.query.period.name != nil { text += " (\(range.lowerBound) to \(range.upperBound))" }
        text += " · " + (state.providerName.map { "provider \($0)" } ?? "all providers")
        text += " · " + (state.serviceName.map { "service \($0)" } ?? "all services")
        return text
    }
}
