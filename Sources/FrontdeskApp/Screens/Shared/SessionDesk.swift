import Foundation
import FrontdeskCore
import TerminalUI

/// What staff can do to one session from any screen that shows sessions.
public enum SessionAction: Sendable, Equatable {
    case complete, cancel, noShow, reschedule, notes
    /// Undo: back to confirmed.
    case reopen
}

/// The outcome staff just gave a session, which `u` undoes for a short while.
struct UndoableChange: Sendable, Equatable {
    var booking: Booking
    var at: Date
}

/// The session dialogs as a component any screen can host (Bookings, Customers …): it asks before
/// complete, cancel and no-show, takes the new date of a move, the notes, and after a sequential
/// completion offers the next session. The host turns the commands it returns into its own effects,
/// hands the store's answer back to `receive`, and reads again what it shows when that says so.
public struct SessionDesk: Sendable, Equatable {
    public var dialog: SessionDialog?
    /// The session the last command was about, for a follow-up question (short notice).
    var pending: SessionTarget?
    /// The last completed, cancelled or no-show session, which `u` reopens for `undoSeconds`.
    var lastChange: UndoableChange?

    /// How long after a change `u` undoes it wherever the cursor is.
    public static let undoSeconds: TimeInterval = 10

    /// The keys the host screen binds, which refusals name ("press u to reopen it first").
    public var refusalKeys: RefusalKeys

    public init(refusalKeys: RefusalKeys = .sessionDesk) {
        self.refusalKeys = refusalKeys
    }

    /// The clock moved on: once the moment to undo has passed, the offer leaves the status line.
    public mutating func tick(_ context: inout ScreenContext) {
        guard let last = lastChange, context.now.timeIntervalSince(last.at) > Self.undoSeconds else { return }
        lastChange = nil
        let offer = " \(SessionKeys.name(.reopen)) undoes."
        if let status = context.status, status.message.hasSuffix(offer) {
            context.status = StatusLine(String(status.message.dropLast(offer.count)), kind: status.kind)
        }
    }

    /// Where the keys go while a dialog is open; nil when none is.
    public var keyFocus: KeyFocus? {
        switch dialog {
        case .reschedule?, .notes?, .nextSession?, .endTreatment?, .extendPackage?: return .text
        case .confirm?, .message?: return .dialog
        case nil: return nil
        }
    }

    /// The open dialog's keys.
    public var keymap: Keymap<DialogAction>? { dialog.map(DialogKeymap.of) }

    /// Opens the dialog for an action on a session (only booked sessions change; notes always can).
    public mutating func ask(_ action: SessionAction, about target: SessionTarget, _ context: inout ScreenContext) {
        if action == .reopen {
            askToReopen(target, &context)
            return
        }
        if action != .notes, target.status != .confirmed {
            let status = target.status == .noShow ? "a no-show" : target.status.rawValue
            context.fail("This session is already \(status); only booked sessions can be changed.")
            return
        }
        let calendar = context.calendar
        switch action {
        case .complete:
            dialog = .confirm(.asking(.complete(bookingID: target.bookingID), target: target, calendar: calendar, now: context.now))
        case .cancel:
            dialog = .confirm(.asking(.cancel(bookingID: target.bookingID, confirmedShortNotice: false), target: target,
                                      calendar: calendar))
        case .noShow:
            dialog = .confirm(.asking(.noShow(bookingID: target.bookingID), target: target, calendar: calendar))
        case .reschedule:
            dialog = .reschedule(RescheduleForm(target: target))
        case .notes:
            dialog = .notes(NotesForm(target: target))
        case .reopen:
            break
        }
    }

    /// `u`: the session under the cursor when it has an outcome, else the change made just before.
    public mutating func askToReopen(_ target: SessionTarget?, _ context: inout ScreenContext) {
        var chosen = target.flatMap { $0.status == .confirmed ? nil : $0 }
        if chosen == nil, let last = lastChange, context.now.timeIntervalSince(last.at) <= Self.undoSeconds {
            chosen = SessionTarget(booking: last.booking)
        }
        guard let chosen else {
            context.inform("Nothing to undo here: \(SessionKeys.name(.reopen)) reopens a completed, cancelled or no-show session.")
            return
        }
        pending = chosen
        dialog = .confirm(.asking(.reopen(bookingID: chosen.bookingID), target: chosen, calendar: context.calendar))
    }

    /// "Book next" / "book more": opens the booking flow continuing this treatment, or says why not.
    public static func bookNext(_ group: SessionGroup, _ context: inout ScreenContext) {
        if let refusal = nextBookingRefusal(group, calendar: context.calendar, now: context.now) {
            context.inform(refusal)
            return
        }
        context.status = nil
        context.open(BookFlow(start: .continuing(groupID: group.id, customerID: group.customerID, serviceID: group.serviceID),
                              calendar: context.calendar, now: context.now))
    }

    /// Why this treatment cannot take another booking now, in words for the desk; nil when it can.
    public static func nextBookingRefusal(_ group: SessionGroup, calendar: ClinicCalendar, now: Date) -> String? {
        let held = group.sessions.filter { $0.status.holdsNumber }
        if group.cancelled { return "This treatment was cancelled and takes no new bookings." }
        if group.ended != nil { return "This treatment was ended early and takes no new bookings." }
        // Said at once, not at the last step of booking.
        if let expires = group.expiresAt, expires <= now, group.state(now: now) != .completed {
            return "This package expired on \(calendar.shortDayWithYear(calendar.localDay(of: expires))) and takes no new bookings. "
                + "A manager can extend it: press \(SessionKeys.name(.extendPackage)) on the treatment."
        }
        if held.count >= group.totalSessions {
            return "Every \(group.sessionNoun.lowercased()) of this treatment is already booked or done."
        }
        if group.strategy == .sequential,
           let pending = group.sessions.filter({ $0.status == .confirmed }).min(by: { $0.start < $1.start }) {
            return "\(group.sessionNoun) \(pending.sessionNumber) is booked for \(calendar.dayTime(pending.start)); "
                + "the next one is booked once it is completed (press \(SessionKeys.name(.complete)))."
        }
        return nil
    }

    /// Draws the open dialog centred in `area`.
    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard let dialog else { return }
        SessionDialogView.render(dialog, into: &buffer, area: area, context: context)
    }
}
