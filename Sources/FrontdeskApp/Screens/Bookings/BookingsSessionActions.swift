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
        guard let open = state.bookings.open, let session = open.selectedSession else { return [] }
        if session.status != .confirmed, action != .notes {
            state.inform("Nothing booked to act on in this treatment. Press m to book the next session.")
            return []
        }
        return ask(action, about: SessionTarget(session: session, in: open.group), state: &state)
    }

    /// Opens the dialog for an action on a known session.
    static func ask(_ action: BookingsAction, about target: SessionTarget, state: inout BookingsModel) -> [BookingsEffect] {
        if action != .notes, target.status != .confirmed {
            let status = target.status == .noShow ? "a no-show" : target.status.rawValue
            state.fail("This session is already \(status); only booked sessions can be changed.")
            return []
        }
        let calendar = state.calendar
        switch action {
        case .complete:
            state.bookings.dialog = .confirm(.asking(.complete(bookingID: target.bookingID), target: target, calendar: calendar))
        case .cancel:
            state.bookings.dialog = .confirm(.asking(.cancel(bookingID: target.bookingID, confirmedShortNotice: false),
                                                     target: target, calendar: calendar))
        case .noShow:
            state.bookings.dialog = .confirm(.asking(.noShow(bookingID: target.bookingID), target: target, calendar: calendar))
        case .reschedule:
            state.bookings.dialog = .reschedule(RescheduleForm(target: target))
        case .notes:
            state.bookings.dialog = .notes(NotesForm(target: target))
        default:
            break
        }
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
            state.inform("A single appointment has no next session. F2 books a new appointment.")
            return []
        }
        guard let open = bookings.open, open.group.id == groupID else {
            if bookings.view != .treatments { state.bookings.view = .treatments }
            return [.loadGroup(GroupRequest(groupID: groupID, purpose: .openThen(.bookNext)))]
        }
        let group = open.group
        if let refusal = nextBookingRefusal(group, calendar: state.calendar) {
            state.inform(refusal)
            return []
        }
        state.status = nil
        state.context.open(BookFlow(start: .continuing(groupID: group.id, customerID: group.customerID, serviceID: group.serviceID),
                                    calendar: state.calendar, now: state.now))
        return []
    }

    /// Why this treatment cannot take another booking now, in words for the desk; nil when it can.
    static func nextBookingRefusal(_ group: SessionGroup, calendar: ClinicCalendar) -> String? {
        let held = group.sessions.filter { $0.status.holdsSlot }
        if group.cancelled { return "This treatment was cancelled and takes no new bookings." }
        if held.count >= group.totalSessions {
            return "Every \(group.sessionNoun.lowercased()) of this treatment is already booked or done."
        }
        if group.strategy == .sequential,
           let pending = group.sessions.filter({ $0.status == .confirmed }).min(by: { $0.start < $1.start }) {
            return "\(group.sessionNoun) \(pending.sessionNumber) is booked for \(calendar.dayTime(pending.start)); "
                + "the next one is booked once it is completed (press c)."
        }
        return nil
    }
}
