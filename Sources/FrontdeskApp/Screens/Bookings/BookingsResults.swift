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
        switch result {
        case .failure(let failure):
            return refused(command, failure, state: &state)
        case .success(.completed(let outcome)):
            state.bookings.dialog = nil
            completed(outcome, state: &state)
        case .success(.bookings(let changed)):
            if case .nextSession = state.bookings.dialog { state.bookings.dialog = nil }
            if case .reschedule = state.bookings.dialog { state.bookings.dialog = nil }
            if case .notes = state.bookings.dialog { state.bookings.dialog = nil }
            state.succeed(message(for: command, changed: changed, calendar: state.calendar))
        }
        return refresh(state: &state)
    }

    private static func refused(_ command: SessionCommand, _ failure: AppFailure, state: inout BookingsModel) -> [BookingsEffect] {
        switch state.bookings.dialog {
        case .reschedule(var form)?:
            if failure.needsShortNoticeConfirmation {
                state.bookings.dialog = .confirm(.shortNotice(command, target: form.target, message: failure.message))
            } else {
                form.error = failure.message
                state.bookings.dialog = .reschedule(form)
            }
        case .nextSession(var form)?:
            form.error = failure.message
            state.bookings.dialog = .nextSession(form)
        default:
            if failure.needsShortNoticeConfirmation, let target = targetOf(command, state: state) {
                state.bookings.dialog = .confirm(.shortNotice(command, target: target, message: failure.message))
                return []
            }
        }
        state.fail(failure.message)
        return []
    }

    /// The session a command was about, found in what is loaded.
    private static func targetOf(_ command: SessionCommand, state: BookingsModel) -> SessionTarget? {
        let id: Int64
        switch command {
        case let .cancel(bookingID, _), let .complete(bookingID), let .noShow(bookingID),
             let .reschedule(bookingID, _, _, _), let .setNotes(bookingID, _):
            id = bookingID
        case .bookNext: return nil
        }
        if let open = state.bookings.open, let session = open.group.sessions.first(where: { $0.id == id }) {
            return SessionTarget(session: session, in: open.group)
        }
        if let booking = state.bookings.agenda.bookings.first(where: { $0.id == id }) { return SessionTarget(booking: booking) }
        if let row = state.bookings.list.rows.first(where: { $0.bookingID == id }) { return SessionTarget(singleRow: row) }
        return nil
    }

    /// After completing: offer the next sequential session, celebrate the last one, or just say so.
    private static func completed(_ outcome: CompletionOutcome, state: inout BookingsModel) {
        let calendar = state.calendar
        let booking = outcome.booking
        guard let group = outcome.group else {
            state.succeed("Completed \(booking.customerName)'s \(booking.serviceName) on \(calendar.dayTime(booking.start)).")
            return
        }
        let done = group.sessions.filter { $0.status == .completed }.count
        let noun = group.sessionNoun
        if outcome.treatmentCompleted || done >= group.totalSessions {
            state.bookings.dialog = .message(Dialog(
                title: "Treatment complete",
                message: ["\(group.customerName) has completed all \(group.totalSessions) \(noun.lowercased())s",
                          "of \(group.serviceName).", "",
                          "Congratulations! Offer a follow-up evaluation or another package."],
                buttons: ["OK"], role: .title))
            state.succeed("\(noun) \(booking.sessionNumber) of \(group.totalSessions) completed: the treatment is complete.")
            return
        }
        let remaining = group.totalSessions - done
        state.succeed("\(noun) \(booking.sessionNumber) of \(group.totalSessions) completed, \(remaining) remaining.")
        if group.strategy == .sequential, let window = outcome.nextWindow {
            let next = booking.sessionNumber + 1
            let suggested = outcome.suggestedNext ?? window.recommended
            state.bookings.dialog = .nextSession(NextSessionForm(
                customerID: group.customerID, serviceID: group.serviceID, groupID: group.id, customerName: group.customerName,
                serviceName: group.serviceName, sessionNoun: noun, nextNumber: next, totalSessions: group.totalSessions,
                window: window, suggested: suggested, calendar: calendar))
        }
    }

    private static func message(for command: SessionCommand, changed: [Booking], calendar: ClinicCalendar) -> String {
        guard let first = changed.first else { return "Done." }
        let what = first.sessionGroupID == nil
            ? "\(first.customerName)'s \(first.serviceName)"
            : "Session \(first.sessionNumber) of \(first.totalSessions) (\(first.customerName))"
        switch command {
        case .cancel: return "Cancelled \(what) on \(calendar.dayTime(first.start)). The time is free again."
        case .noShow: return "Recorded a no-show for \(what) on \(calendar.dayTime(first.start))."
        case .reschedule:
            let later = changed.count > 1 ? " and moved \(changed.count - 1) later session\(changed.count == 2 ? "" : "s") with it" : ""
            return "Moved \(what) to \(calendar.dayTime(first.start))\(later)."
        case .setNotes: return "Notes saved for \(what)."
        case .bookNext:
            return "Booked \(what) on \(calendar.dayTime(first.start))."
        case .complete: return "Completed \(what)."
        }
    }
}
