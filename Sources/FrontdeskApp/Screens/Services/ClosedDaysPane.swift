import Foundation
import FrontdeskCore
import TerminalUI

/// The fields of the form that closes the clinic on a day.
public enum ClosedDayField: Hashable, Sendable {
    case day, reason
}

/// The third view of the Services screen: the days the whole clinic is closed (public holidays),
/// which every planner skips. A manager adds one (a small form: the day and why) or removes one
/// (asks first); closing a day that already has confirmed bookings lists them, and the desk opens
/// each to move it. Everyone else reads the list.
public struct ClosedDaysPane: Sendable, Equatable {
    public var days: [ClinicClosedDay] = []
    public var selected = 0
    /// The form to close the clinic on a day, while it is open.
    public var adding: Form<ClosedDayField>?
    /// Removing a closed day asks first.
    public var confirmingRemoval: ClinicClosedDay?
    /// Confirmed bookings on the day just closed, still to be moved.
    public var bookingsOnDay: [Booking] = []
    public var selectedBooking = 0
    /// The booking list has the keys (after closing a day that had bookings).
    public var isOnBookings = false
    public var isSaving = false
    public var desk = SessionDesk()

    public init() {}

    static func newForm() -> Form<ClosedDayField> {
        Form([
            .text(.day, label: "Day", placeholder: "e.g. 2026-12-25 or 25.12."),
            .text(.reason, label: "Reason", placeholder: "e.g. Christmas"),
        ])
    }

    var selectedDay: ClinicClosedDay? { days.indices.contains(selected) ? days[selected] : nil }
    var selectedBookingOnDay: Booking? { bookingsOnDay.indices.contains(selectedBooking) ? bookingsOnDay[selectedBooking] : nil }

    /// Where the keys go: the move dialog, a question, the form's text, or the list.
    var keyFocus: KeyFocus {
        if let focus = desk.keyFocus { return focus }
        if confirmingRemoval != nil { return .dialog }
        if let adding, !isOnBookings { return ServicesScreen.isTyping(adding) ? .text : .screen }
        return .screen
    }

    /// The day typed, or the problem under its field.
    static func read(_ form: Form<ClosedDayField>, calendar: ClinicCalendar, now: Date) -> (LocalDay?, String?) {
        let text = form.text(.day).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return (nil, "is empty: type the day the clinic is closed, e.g. 2026-12-25.") }
        if let day = LocalDay(iso: text) { return (day, nil) }
        do { return (try DateInputParser(calendar: calendar, now: now).parseDay(text), nil) } catch {
            return (nil, "\(error) Write it like 2026-12-25.")
        }
    }
}

/// How the closed days view answers keys.
enum ClosedDaysKeys {
    static func handle(_ key: Key, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect]? {
        var pane = screen.closedDays
        defer { screen.closedDays = pane }
        if pane.desk.dialog != nil { return pane.desk.handle(key, &context).map(ServicesEffect.session) }
        if let day = pane.confirmingRemoval {
            switch DialogKeymap.confirm.action(for: key) {
            case .yes:
                pane.confirmingRemoval = nil
                return [.removeClosedDay(day.day)]
            case .no, .accept:
                pane.confirmingRemoval = nil
                context.inform("Nothing was changed.")
            default:
                break
            }
            return []
        }
        if pane.isOnBookings {
            switch ServicesKeymap.uncovered.action(for: key) {
            case .moveUp: pane.selectedBooking = max(0, pane.selectedBooking - 1)
            case .moveDown: pane.selectedBooking = min(max(0, pane.bookingsOnDay.count - 1), pane.selectedBooking + 1)
            case .open:
                if let booking = pane.selectedBookingOnDay { pane.desk.ask(.reschedule, about: SessionTarget(booking: booking), &context) }
            case .back:
                pane.isOnBookings = false
                pane.bookingsOnDay = []
                context.status = nil
            default:
                break
            }
            return []
        }
        if var form = pane.adding {
            defer { if pane.adding != nil { pane.adding = form } }
            switch ServicesKeymap.editor.action(for: key) {
            case .save:
                guard !pane.isSaving else { return [] }
                form.clearErrors()
                let (day, problem) = ClosedDaysPane.read(form, calendar: context.calendar, now: context.now)
                guard let day else {
                    form.setError(problem, for: .day)
                    context.fail("Not saved: fix the day shown under its field. Nothing was written.")
                    return []
                }
                pane.isSaving = true
                return [.addClosedDay(day, reason: form.text(.reason).trimmingCharacters(in: .whitespaces))]
            case .back:
                pane.adding = nil
                context.inform("No day was added.")
            default:
                _ = form.handle(key)
            }
            return []
        }
        return nil
    }

    /// The list's actions on the closed days view; nil for those the screen handles the same way
    /// in every view (moving, switching view, reading again).
    static func listAction(_ action: ServicesAction, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect]? {
        switch action {
        case .new:
            guard ServicesKeys.refuseUnlessManager(screen, &context) else { return [] }
            screen.closedDays.adding = ClosedDaysPane.newForm()
            context.inform("Close the clinic on a day: \(ServicesKeymap.name(.save)) saves it; every planner skips it from then on.")
            return []
        case .toggleActive:
            guard ServicesKeys.refuseUnlessManager(screen, &context), let day = screen.closedDays.selectedDay else { return [] }
            screen.closedDays.confirmingRemoval = day
            return []
        case .open, .duplicate:
            return []
        default:
            return nil
        }
    }

    static func receive(_ answer: ServicesAnswer, screen: inout ServicesScreen, context: inout ScreenContext) -> [ServicesEffect] {
        var pane = screen.closedDays
        defer { screen.closedDays = pane }
        switch answer {
        case .closedDaysLoaded(.success(let days)):
            let selectedDay = pane.selectedDay?.day
            pane.days = days
            pane.selected = days.firstIndex { $0.day == selectedDay } ?? min(pane.selected, max(0, days.count - 1))
        case .closedDaysLoaded(.failure(let failure)):
            context.fail(failure.message)
        case let .closedDayAdded(day, .success(bookings)):
            pane.isSaving = false
            pane.adding = nil
            pane.bookingsOnDay = bookings
            pane.selectedBooking = 0
            pane.isOnBookings = !bookings.isEmpty
            if bookings.isEmpty {
                context.succeed("The clinic is closed on \(day.shortText); every planner skips it.")
            } else {
                let count = bookings.count
                context.inform("The clinic is closed on \(day.shortText). \(count) confirmed booking\(count == 1 ? " is" : "s are") on that day: open each to move it (nothing was cancelled).")
            }
            context.dataChanged()
            return [.loadClosedDays]
        case .closedDayAdded(_, .failure(let failure)):
            pane.isSaving = false
            context.fail("Not saved: \(failure.message)")
        case let .closedDayRemoved(day, .success):
            context.succeed("The clinic is open again on \(day.shortText).")
            context.dataChanged()
            return [.loadClosedDays]
        case .closedDayRemoved(_, .failure(let failure)):
            context.fail(failure.message)
        case let .sessionChanged(command, result):
            if pane.desk.receive(command, result, &context), case let .reschedule(bookingID, _, _, _, _, _) = command {
                pane.bookingsOnDay.removeAll { $0.id == bookingID }
                pane.selectedBooking = min(pane.selectedBooking, max(0, pane.bookingsOnDay.count - 1))
                if pane.bookingsOnDay.isEmpty {
                    pane.isOnBookings = false
                    context.succeed("Every booking on the closed day has been moved.")
                }
            }
        default:
            break
        }
        return []
    }
}
