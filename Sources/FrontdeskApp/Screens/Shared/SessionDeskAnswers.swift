import Foundation
import FrontdeskCore
import TerminalUI

/// What the session desk does with the store's answer to one of its commands.
extension SessionDesk {
    /// Applies the answer; true when the store wrote something (the host then reads again what it shows).
    public mutating func receive(_ command: SessionCommand, _ result: Result<SessionChangeResult, AppFailure>,
                                 _ context: inout ScreenContext) -> Bool {
        switch result {
        case .failure(let failure):
            refused(command, failure, &context)
            return false
        case .success(.completed(let outcome)):
            dialog = nil
            completed(outcome, &context)
            offerUndo(outcome.booking, &context)
        case .success(.treatment(let group)):
            dialog = nil
            context.succeed(Self.message(for: command, group: group, calendar: context.calendar))
        case .success(.bookings(let changed)):
            switch dialog {
            case .nextSession?, .reschedule?, .notes?: dialog = nil
            default: break
            }
            context.succeed(Self.message(for: command, changed: changed, calendar: context.calendar))
            switch command {
            case .cancel, .noShow: if let first = changed.first { offerUndo(first, &context) }
            case .reopen: lastChange = nil
            default: break
            }
        }
        pending = nil
        context.dataChanged()
        return true
    }

    private mutating func refused(_ command: SessionCommand, _ failure: AppFailure, _ context: inout ScreenContext) {
        // A late session or a proposed plan goes through once staff confirm it: ask, naming what stands.
        if let refusal = failure.refusal, let confirmed = command.confirming(refusal), !isShortNotice(refusal),
           let target = pending ?? targetOfOpenDialog {
            dialog = .confirm(.confirmingRefusal(refusal, command: confirmed, target: target))
            return
        }
        // Worded here, naming this host's keys.
        let message = failure.refusal.map { RefusalWording.text($0, keys: refusalKeys) } ?? failure.message
        switch dialog {
        case .reschedule(var form)?:
            if failure.needsShortNoticeConfirmation {
                dialog = .confirm(.shortNotice(command, target: form.target, message: message))
            } else {
                form.error = message
                dialog = .reschedule(form)
            }
        case .nextSession(var form)?:
            form.error = message
            dialog = .nextSession(form)
        default:
            if failure.needsShortNoticeConfirmation, let target = pending {
                dialog = .confirm(.shortNotice(command, target: target, message: message))
                return
            }
        }
        context.fail(message)
    }

    private func isShortNotice(_ refusal: DeskRefusal) -> Bool {
        if case .shortNotice = refusal { return true }
        return false
    }

    /// The session the open dialog is about.
    private var targetOfOpenDialog: SessionTarget? {
        switch dialog {
        case .reschedule(let form)?: return form.target
        case .notes(let form)?: return form.target
        case .confirm(let confirm)?: return confirm.target
        case .nextSession(let form)?: return SessionTarget(next: form)
        default: return nil
        }
    }

    /// After completing: offer the next sequential session, celebrate the last one, or just say so.
    private mutating func completed(_ outcome: CompletionOutcome, _ context: inout ScreenContext) {
        let calendar = context.calendar
        let booking = outcome.booking
        guard let group = outcome.group else {
            context.succeed("Completed \(booking.customerName)'s \(booking.serviceName) on \(calendar.dayTime(booking.start)).")
            return
        }
        let done = group.sessions.filter { $0.status == .completed }.count
        let noun = group.sessionNoun
        if outcome.treatmentCompleted || done >= group.totalSessions {
            dialog = .message(Dialog(
                title: "Treatment complete",
                message: ["\(group.customerName) has completed all \(group.totalSessions) \(noun.lowercased())s",
                          "of \(group.serviceName).", "",
                          "Congratulations! Offer a follow-up evaluation or another package."],
                buttons: ["OK"], role: .title))
            context.succeed("\(noun) \(booking.sessionNumber) of \(group.totalSessions) completed: the treatment is complete.")
            return
        }
        let remaining = group.totalSessions - done
        context.succeed("\(noun) \(booking.sessionNumber) of \(group.totalSessions) completed, \(remaining) remaining.")
        if group.strategy == .sequential, let window = outcome.nextWindow {
            let suggested = outcome.suggestedNext ?? window.recommended
            dialog = .nextSession(NextSessionForm(
                customerID: group.customerID, serviceID: group.serviceID, groupID: group.id, customerName: group.customerName,
                serviceName: group.serviceName, sessionNoun: noun, nextNumber: booking.sessionNumber + 1,
                totalSessions: group.totalSessions, window: window, suggested: suggested, calendar: calendar))
        }
    }

    /// Right after an outcome: remember it for `u` and say so on the status line.
    private mutating func offerUndo(_ booking: Booking, _ context: inout ScreenContext) {
        lastChange = UndoableChange(booking: booking, at: context.now)
        // Not while a dialog that follows the outcome has the keys (the next session's date field).
        if dialog == nil, let status = context.status, status.kind == .success {
            context.succeed(status.message + " \(SessionKeys.name(.reopen)) undoes.")
        }
    }

    static func message(for command: SessionCommand, group: SessionGroup, calendar: ClinicCalendar) -> String {
        let what = "\(group.customerName)'s \(group.serviceName)"
        switch command {
        case .endTreatment(_, let reason): return "Ended \(what) early (\(reason.text)); its upcoming sessions are cancelled."
        case .extendPackage:
            let day = group.expiresAt.map { calendar.shortDayWithYear(calendar.localDay(of: $0.addingTimeInterval(-1))) } ?? "?"
            return "Extended \(what): it now runs until \(day)."
        default: return "Done."
        }
    }

    static func message(for command: SessionCommand, changed: [Booking], calendar: ClinicCalendar) -> String {
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
        case .reopen: return "Reopened \(what): confirmed again on \(calendar.dayTime(first.start))."
        case .bookNext: return "Booked \(what) on \(calendar.dayTime(first.start))."
        case .complete: return "Completed \(what)."
        case .endTreatment, .extendPackage: return "Done."
        }
    }
}
