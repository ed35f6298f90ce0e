import Foundation
import FrontdeskCore
import TerminalUI

/// What the Bookings screen does with the answers to its effects.
extension Bookings {
    /// The booking flow opened from here closed: show the new treatment, or say nothing was booked.
    static func bookingFinished(_ outcome: ScreenOutcome, state: inout BookingsModel) -> [BookingsEffect] {
        switch outcome {
        case .abandoned:
            state.inform("Nothing was booked.")
            return refresh(state: &state)
        case let .booked(groupID, _, message):
            state.succeed(message)
            if let groupID { return [.loadGroup(GroupRequest(groupID: groupID, purpose: .focus))] }
            state.bookings.view = .treatments
            return restartList(state: &state)
        }
    }

    static func treatmentsLoaded(_ request: TreatmentPageRequest, _ result: Result<[TreatmentSummary], AppFailure>,
                                 state: inout BookingsModel) -> [BookingsEffect] {
        guard case .success(let page) = result else {
            if case .failure(let failure) = result { state.fail(failure.message) }
            state.bookings.list.isLoading = false
            state.bookings.list.loadingAfter = false
            state.bookings.list.loadingBefore = false
            return []
        }
        switch request.purpose {
        case .replace(let id):
            state.bookings.list.replace(with: page, limit: request.limit, selecting: id, keepPosition: false)
            // Fill the screen above today so earlier treatments are one keystroke away.
            if state.bookings.list.need(tryingPast: state.bookings.list.selected) == .before || page.isEmpty {
                return [pageEffect(.before, state: &state)]
            }
            return []
        case .refresh(let id):
            let offset = state.bookings.list.scrollOffset
            state.bookings.list.replace(with: page, limit: request.limit, selecting: id, keepPosition: true)
            state.bookings.list.scrollOffset = offset
            return []
        case .append:
            state.bookings.list.append(page, limit: request.limit)
            return []
        case .prepend:
            let wasEmpty = state.bookings.list.rows.isEmpty
            state.bookings.list.prepend(page, limit: request.limit)
            if wasEmpty {
                // Nothing from today on: show the latest earlier rows, the newest selected at the bottom.
                state.bookings.list.selected = max(0, state.bookings.list.rows.count - 1)
                state.bookings.list.scrollOffset = 0
                state.bookings.list.reachedEnd = true
            }
            return []
        }
    }

    static func groupLoaded(_ request: GroupRequest, _ result: Result<SessionGroup, AppFailure>, state: inout BookingsModel) -> [BookingsEffect] {
        let group: SessionGroup
        switch result {
        case .failure(let failure):
            state.fail(failure.message)
            return []
        case .success(let loaded):
            group = loaded
        }
        switch request.purpose {
        case .refresh:
            guard var open = state.bookings.open, open.group.id == group.id else { return [] }
            open.group = group
            open.selected = min(open.selected, max(0, group.sessions.count - 1))
            state.bookings.open = open
            return []
        case .open(let focusSessions):
            state.bookings.open = OpenTreatment(group: group, selected: OpenTreatment.defaultSelection(group))
            state.bookings.focus = focusSessions ? .sessions : .list
            return []
        case .openThen(let action):
            state.bookings.open = OpenTreatment(group: group, selected: OpenTreatment.defaultSelection(group))
            state.bookings.focus = .sessions
            return afterOpening(action, state: &state)
        case .focus:
            state.bookings.view = .treatments
            state.bookings.open = OpenTreatment(group: group, selected: OpenTreatment.defaultSelection(group))
            state.bookings.focus = .sessions
            return restartList(state: &state, at: TreatmentListWindow.startCursor(at: listAnchor(of: group)),
                               selecting: "g:" + group.id)
        }
    }

    /// Where the list shows a treatment: its next booked session, else its latest one.
    static func listAnchor(of group: SessionGroup) -> Date {
        if let next = group.sessions.filter({ $0.status == .confirmed }).map(\.start).min() { return next }
        return group.sessions.map(\.start).max() ?? group.createdAt
    }

    static func agendaLoaded(_ request: AgendaRequest, _ result: Result<[Booking], AppFailure>, state: inout BookingsModel) -> [BookingsEffect] {
        state.bookings.agenda.isLoading = false
        switch result {
        case .failure(let failure):
            state.fail(failure.message)
        case .success(let bookings):
            guard request.firstDay == state.bookings.agenda.firstDay else { return [] }
            let previous = state.bookings.agenda.selectedBooking?.id
            state.bookings.agenda.bookings = bookings
            state.bookings.agenda.truncated = bookings.count >= request.limit
            let index = previous.flatMap { id in bookings.firstIndex { $0.id == id } }
            state.bookings.agenda.selected = index ?? min(state.bookings.agenda.selected, max(0, bookings.count - 1))
        }
        return []
    }

    static func sessionChanged(_ command: SessionCommand, _ result: Result<SessionChangeResult, AppFailure>,
                               state: inout BookingsModel) -> [BookingsEffect] {
        guard state.bookings.desk.receive(command, result, &state.context) else { return [] }
        return refresh(state: &state)
    }
}
