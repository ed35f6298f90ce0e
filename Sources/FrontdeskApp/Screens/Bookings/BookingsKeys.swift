import Foundation
import FrontdeskCore
import TerminalUI

/// How the Bookings screen answers keys. Pure: it changes state and returns effects.
public enum Bookings {
    /// A key pressed while the Bookings screen is in front.
    static func handle(_ key: Key, state: inout BookingsModel) -> [BookingsEffect] {
        if state.bookings.desk.dialog != nil {
            return state.bookings.desk.handle(key, &state.context).map(BookingsEffect.run)
        }
        if state.bookings.filterForm != nil { return FilterDialog.handle(key, state: &state) }
        if state.bookings.search != nil { return handleSearch(key, state: &state) }
        guard let action = BookingsKeymap.all.action(for: key) else { return [] }
        return perform(action, state: &state)
    }

    /// Runs one keymap action.
    static func perform(_ action: BookingsAction, state: inout BookingsModel) -> [BookingsEffect] {
        let layout = BookingsLayout(area: state.context.contentArea, hasOpenTreatment: state.bookings.open != nil)
        switch action {
        case .moveUp: return move(by: -1, state: &state)
        case .moveDown: return move(by: 1, state: &state)
        case .pageUp: return move(by: -pageStep(state, layout), state: &state)
        case .pageDown: return move(by: pageStep(state, layout), state: &state)
        case .first: return move(by: -1_000_000, state: &state)
        case .last: return move(by: 1_000_000, state: &state)
        case .open: return open(state: &state)
        case .back: return back(state: &state)
        case .switchPane:
            if state.bookings.view == .treatments, state.bookings.open != nil {
                state.bookings.focus = state.bookings.focus == .list ? .sessions : .list
                return []
            }
            return perform(.switchView, state: &state)
        case .previousDay, .nextDay:
            guard state.bookings.view != .treatments else { return [] }
            let step = state.bookings.view == .week ? 7 : 1
            state.bookings.agenda.firstDay = state.bookings.agenda.firstDay.adding(days: action == .nextDay ? step : -step)
            state.bookings.agenda.selected = 0
            return [agendaEffect(state)]
        case .today:
            state.status = nil
            if state.bookings.view == .treatments { return restartList(state: &state) }
            state.bookings.agenda.firstDay = agendaStart(for: state.calendar.localDay(of: state.now), view: state.bookings.view)
            state.bookings.agenda.selected = 0
            return [agendaEffect(state)]
        case .complete, .cancel, .noShow, .reschedule, .notes:
            return sessionAction(action, state: &state)
        case .reopen:
            // The session under the cursor when it has an outcome, else the change just made.
            state.bookings.desk.askToReopen(state.bookings.currentTarget, &state.context)
            return []
        case .bookNext:
            return bookNext(state: &state)
        case .endTreatment, .extendPackage:
            return treatmentAction(action, state: &state)
        case .book:
            state.status = nil
            state.context.open(BookFlow(start: .new, calendar: state.calendar, now: state.now))
            return []
        case .switchView:
            let all = BookingsView.allCases
            let next = all[(state.bookings.view.rawValue + 1) % all.count]
            return show(next, state: &state)
        case .filter:
            state.bookings.filterForm = FilterForm(filter: state.bookings.filter, providers: state.bookings.providers)
            return []
        case .search:
            state.bookings.search = TextField(value: state.bookings.filter.customerQuery ?? "", placeholder: "customer name")
            return []
        case .reload:
            return refresh(state: &state)
        }
    }

    /// Shows another view of the bookings, loading what it needs.
    static func show(_ view: BookingsView, state: inout BookingsModel) -> [BookingsEffect] {
        state.bookings.view = view
        switch view {
        case .treatments:
            state.bookings.focus = .list
            return state.bookings.list.rows.isEmpty ? restartList(state: &state) : []
        case .day, .week:
            state.bookings.agenda.firstDay = agendaStart(for: state.bookings.agenda.firstDay, view: view)
            state.bookings.agenda.selected = 0
            state.bookings.agenda.isLoading = true
            return [agendaEffect(state)]
        }
    }

    /// A week agenda starts on Monday; a day agenda on the day itself.
    static func agendaStart(for day: LocalDay, view: BookingsView) -> LocalDay {
        guard view == .week else { return day }
        return day.adding(days: -(day.weekday.rawValue - Weekday.monday.rawValue + 7) % 7)
    }

    static func agendaEffect(_ state: BookingsModel) -> BookingsEffect {
        let agenda = state.bookings.agenda
        return .loadAgenda(AgendaRequest(firstDay: agenda.firstDay, days: state.bookings.view == .week ? 7 : 1,
                                         filter: state.bookings.filter.agendaFilter(now: state.now), limit: AgendaState.limit))
    }

    private static func pageStep(_ state: BookingsModel, _ layout: BookingsLayout) -> Int {
        state.bookings.focus == .sessions && state.bookings.view == .treatments
            ? layout.visibleSessionRows : layout.visibleListRows
    }

    private static func move(by delta: Int, state: inout BookingsModel) -> [BookingsEffect] {
        switch state.bookings.view {
        case .day, .week:
            let count = state.bookings.agenda.bookings.count
            state.bookings.agenda.selected = min(max(0, state.bookings.agenda.selected + delta), max(0, count - 1))
            return []
        case .treatments:
            if state.bookings.focus == .sessions, var open = state.bookings.open {
                open.selected = min(max(0, open.selected + delta), max(0, open.group.sessions.count - 1))
                state.bookings.open = open
                return []
            }
            guard let need = state.bookings.list.move(by: delta) else { return [] }
            return [pageEffect(need, state: &state)]
        }
    }

    /// The request for the page before the first or after the last row.
    static func pageEffect(_ need: TreatmentListWindow.PageNeed, state: inout BookingsModel) -> BookingsEffect {
        let filter = state.bookings.filter.treatmentFilter(calendar: state.calendar)
        let limit = TreatmentListWindow.pageSize
        switch need {
        case .after:
            state.bookings.list.loadingAfter = true
            let cursor = state.bookings.list.rows.last.map(TreatmentCursor.init)
            return .loadTreatments(TreatmentPageRequest(filter: filter, cursor: cursor, backward: false, limit: limit, purpose: .append))
        case .before:
            state.bookings.list.loadingBefore = true
            let cursor = state.bookings.list.rows.first.map(TreatmentCursor.init) ?? listStartCursor(state)
            return .loadTreatments(TreatmentPageRequest(filter: filter, cursor: cursor, backward: true, limit: limit, purpose: .prepend))
        }
    }

    /// The start of today, or of the filter's first day.
    static func listStartCursor(_ state: BookingsModel) -> TreatmentCursor {
        let day = state.bookings.filter.fromDay ?? state.calendar.localDay(of: state.now)
        return TreatmentListWindow.startCursor(at: state.calendar.startOfDay(day))
    }

    /// Reads the list afresh from today (or the filter's first day).
    static func restartList(state: inout BookingsModel, at cursor: TreatmentCursor? = nil, selecting id: String? = nil) -> [BookingsEffect] {
        state.bookings.list = TreatmentListWindow()
        let filter = state.bookings.filter.treatmentFilter(calendar: state.calendar)
        return [.loadTreatments(TreatmentPageRequest(filter: filter, cursor: cursor ?? listStartCursor(state), backward: false,
                                                     limit: TreatmentListWindow.pageSize, purpose: .replace(selecting: id)))]
    }

    /// Re-reads what is on screen, keeping the selection (after a change here or in another terminal).
    static func refresh(state: inout BookingsModel) -> [BookingsEffect] {
        var effects: [BookingsEffect] = []
        switch state.bookings.view {
        case .day, .week:
            effects.append(agendaEffect(state))
        case .treatments:
            let list = state.bookings.list
            if let cursor = list.refreshCursor {
                let filter = state.bookings.filter.treatmentFilter(calendar: state.calendar)
                effects.append(.loadTreatments(TreatmentPageRequest(
                    filter: filter, cursor: cursor, backward: false, limit: max(TreatmentListWindow.pageSize, list.rows.count),
                    purpose: .refresh(selecting: list.selectedRow?.id))))
            } else {
                effects += restartList(state: &state)
            }
        }
        if let open = state.bookings.open {
            effects.append(.loadGroup(GroupRequest(groupID: open.group.id, purpose: .refresh)))
        }
        return effects
    }

    private static func open(state: inout BookingsModel) -> [BookingsEffect] {
        switch state.bookings.view {
        case .day, .week:
            guard let booking = state.bookings.agenda.selectedBooking else { return [] }
            guard let groupID = booking.sessionGroupID else {
                state.inform("A single appointment: \(SessionKeys.name(.complete)) completes it, \(SessionKeys.name(.reschedule)) moves it, \(SessionKeys.name(.cancel)) cancels it.")
                return []
            }
            state.status = nil
            return [.loadGroup(GroupRequest(groupID: groupID, purpose: .focus))]
        case .treatments:
            if state.bookings.focus == .sessions {
                state.inform("Choose what to do with this session: " + SessionKeys.keymap.bindings.filter { $0.action != .bookNext }.map(\.legendText).joined(separator: ", ") + ".")
                return []
            }
            guard let row = state.bookings.list.selectedRow else { return [] }
            guard let groupID = row.groupID else {
                state.inform("A single appointment: \(SessionKeys.name(.complete)) completes it, \(SessionKeys.name(.reschedule)) moves it, \(SessionKeys.name(.cancel)) cancels it.")
                return []
            }
            // The message was about the row left behind; the treatment's pane speaks for itself.
            state.status = nil
            return [.loadGroup(GroupRequest(groupID: groupID, purpose: .open(focusSessions: true)))]
        }
    }

    private static func back(state: inout BookingsModel) -> [BookingsEffect] {
        if state.bookings.view == .treatments, state.bookings.open != nil {
            state.bookings.open = nil
            state.bookings.focus = .list
            return []
        }
        if state.bookings.view != .treatments { return show(.treatments, state: &state) }
        if state.bookings.filter.isActive {
            state.bookings.filter = BookingsFilter()
            state.inform("Filters cleared: showing every treatment from today.")
            return restartList(state: &state)
        }
        return []
    }

    private static func handleSearch(_ key: Key, state: inout BookingsModel) -> [BookingsEffect] {
        guard var field = state.bookings.search else { return [] }
        switch DialogKeymap.search.action(for: key) {
        case .close:
            state.bookings.search = nil
            return []
        case .accept:
            state.bookings.search = nil
            let query = field.value.trimmingCharacters(in: .whitespaces)
            state.bookings.filter.customerQuery = query.isEmpty ? nil : query
            state.bookings.open = nil
            state.bookings.focus = .list
            state.bookings.view = .treatments
            state.inform(query.isEmpty ? "Search cleared." : "Treatments of customers matching “\(query)”. \(DialogKeymap.search.binding(for: .close)?.legendKey ?? "") clears the search.")
            return restartList(state: &state)
        default:
            _ = field.handle(key)
            state.bookings.search = field
            return []
        }
    }
}

extension Bookings {
    /// Keeps each stored scroll position where the screen actually draws it, so the next move
    /// scrolls from what staff see (render is pure and cannot write it back).
    static func settleScroll(_ state: inout BookingsModel) {
        let layout = BookingsLayout(area: state.context.contentArea,
                                    hasOpenTreatment: state.bookings.open != nil && state.bookings.view == .treatments)
        var list = state.bookings.list
        list.scrollOffset = Table.scrollOffset(keeping: list.selected, visible: layout.visibleListRows,
                                               from: list.scrollOffset, rowCount: list.rows.count)
        state.bookings.list = list
        var agenda = state.bookings.agenda
        agenda.scrollOffset = Table.scrollOffset(keeping: agenda.selected, visible: layout.visibleListRows,
                                                 from: agenda.scrollOffset, rowCount: agenda.bookings.count)
        state.bookings.agenda = agenda
        if var open = state.bookings.open {
            let visible = max(1, layout.detail.height - TreatmentPanel.chromeHeight)
            open.scrollOffset = Table.scrollOffset(keeping: open.selected, visible: visible, from: open.scrollOffset,
                                                   rowCount: open.group.sessions.count)
            state.bookings.open = open
        }
    }
}
