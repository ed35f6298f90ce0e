import Foundation
import FrontdeskCore
import TerminalUI

/// Complete, cancel, no-show, reschedule, notes and "book next": each opens its dialog first.
extension Bookings {
    /// A session key: on a treatment row the treatment is opened first and the key applies to its next session.
    static func sessionAction(_ action: BookingsAction, state: inout BookingsModel) -> [BookingsEffect] {
        if let target = state.bookings.currentTarget {
            return ask(action, about: target, state: &state)
        }
        if state.bookings.view == .treatments, let row = state.bookings.list.selectedRow, let groupID = row.groupID {
            if let open = state.bookings.open, open.group.id == groupID {
                state.bookings.focus = .sessions
                return afterOpening(action, state: &state)
            }
            return [.loadGroup(GroupRequest(groupID: groupID, purpose: .openThen(action)))]
        }
        state.inform("Choose a session first (↑/↓, Enter opens a treatment).")
        return []
    }

    /// Runs the action that was waiting for its treatment to load, on the session under the cursor.
    static func afterOpening(_ action: BookingsAction, state: inout BookingsModel) -> [BookingsEffect] {
        if action == .bookNext { return bookNext(state: &state) }
        if action == .endTreatment || action == .extendPackage { return treatmentAction(action, state: &state) }
        guard let open = state.bookings.open, let session = open.selectedSession else { return [] }
        if session.status != .confirmed, action != .notes {
            state.inform("Nothing booked to act on in this treatment. Press \(SessionKeys.name(.bookNext)) to book the next session.")
            return []
        }
        return ask(action, about: SessionTarget(session: session, in: open.group), state: &state)
    }

    /// Opens the session desk's dialog for a keymap action on a known session.
    static func ask(_ action: BookingsAction, about target: SessionTarget, state: inout BookingsModel) -> [BookingsEffect] {
        // Undo has its own way in (`askToReopen`); book next, end and extend are not about one session.
        guard let sessionAction = action.sessionKey?.sessionAction, sessionAction != .reopen else { return [] }
        state.bookings.desk.ask(sessionAction, about: target, &state.context)
        return []
    }

    /// End early or extend: on the open treatment, else on the row's (loaded first).
    static func treatmentAction(_ action: BookingsAction, state: inout BookingsModel) -> [BookingsEffect] {
        let bookings = state.bookings
        let groupID: String?
        switch bookings.view {
        case .treatments: groupID = bookings.focus == .sessions ? bookings.open?.group.id : bookings.list.selectedRow?.groupID
        case .day, .week: groupID = bookings.agenda.selectedBooking?.sessionGroupID
        }
        guard let groupID else {
            state.inform("A single appointment is not a treatment: there is nothing to end or extend.")
            return []
        }
        guard let open = bookings.open, open.group.id == groupID else {
            if bookings.view != .treatments { state.bookings.view = .treatments }
            return [.loadGroup(GroupRequest(groupID: groupID, purpose: .openThen(action)))]
        }
        state.bookings.desk.ask(action == .endTreatment ? .end : .extend, about: open.group, &state.context)
        return []
    }

    /// "Book next" / "book more": the booking flow continuing this treatment.
    static func bookNext(state: inout BookingsModel) -> [BookingsEffect] {
        let bookings = state.bookings
        var groupID: String?
        switch bookings.view {
        case .treatments:
            if bookings.focus == .sessions, let open = bookings.open {
                groupID = open.group.id
            } else {
                groupID = bookings.list.selectedRow?.groupID
            }
        case .day, .week:
            groupID = bookings.agenda.selectedBooking?.sessionGroupID
        }
        guard let groupID else {
            state.inform("A single appointment has no next session. \(BookingsKeymap.name(.book)) books a new appointment.")
            return []
        }
        guard let open = bookings.open, open.group.id == groupID else {
            if bookings.view != .treatments { state.bookings.view = .treatments }
            return [.loadGroup(GroupRequest(groupID: groupID, purpose: .openThen(.bookNext)))]
        }
        SessionDesk.bookNext(open.group, &state.context)
        return []
    }
}
