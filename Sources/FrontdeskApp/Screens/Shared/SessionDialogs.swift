import Foundation
import FrontdeskCore
import TerminalUI

/// A session dialog, open over whichever screen hosts the session desk. Each destructive action goes through one.
public enum SessionDialog: Sendable, Equatable {
    /// "Are you sure?" before complete, cancel or no-show, and before a change at short notice.
    case confirm(ConfirmSessionChange)
    /// A date field for rescheduling, with the parsed result shown live.
    case reschedule(RescheduleForm)
    /// The session's notes.
    case notes(NotesForm)
    /// After completing a sequential session: book the next one inside its window.
    case nextSession(NextSessionForm)
    /// Information to acknowledge (e.g. a treatment completed).
    case message(Dialog)
    /// Ending the whole treatment early, with a reason.
    case endTreatment(EndTreatmentForm)
    /// Extending an expired (or expiring) package.
    case extendPackage(ExtendPackageForm)
}

/// A yes/no question before running a session command.
public struct ConfirmSessionChange: Sendable, Equatable {
    public var dialog: Dialog
    public var command: SessionCommand
    public var target: SessionTarget

    /// The index of the button that runs the command.
    public static let confirmButton = 0

    public init(dialog: Dialog, command: SessionCommand, target: SessionTarget) {
        self.dialog = dialog
        self.command = command
        self.target = target
    }

    /// The question for a command on a target. Completing a session that has not started names its
    /// date and defaults to No (`EarlyCompletion`).
    public static func asking(_ command: SessionCommand, target: SessionTarget, calendar: ClinicCalendar,
                              now: Date? = nil) -> ConfirmSessionChange {
        var when = calendar.dayTime(target.start)
        let title: String, question: String, yes: String, focus: Int
        switch command {
        case .complete:
            if let now, let early = EarlyCompletion.notStartedYet(start: target.start, now: now, calendar: calendar,
                                                                  noun: target.sessionNoun) {
                // The date and how far ahead, on its own line so a narrow screen shows it whole.
                when = early
                title = "Complete session early"; question = EarlyCompletion.completeAnyway; yes = "Complete"; focus = 1
            } else {
                title = "Complete session"; question = "Mark this session as completed?"; yes = "Complete"; focus = 0
            }
        case .cancel:
            title = "Cancel session"; question = "Cancel this session? The time becomes free again."; yes = "Cancel session"
            focus = 1
        case .noShow:
            title = "No-show"; question = "Record that the customer did not come?"; yes = "Record no-show"; focus = 1
        case .reopen:
            let status = target.status == .noShow ? "a no-show" : target.status.rawValue
            title = "Undo"; question = "It is \(status). Return it to confirmed?"; yes = "Reopen"; focus = 0
        default:
            title = "Confirm"; question = "Go ahead?"; yes = "Yes"; focus = 1
        }
        let dialog = Dialog(title: title, message: [target.title, when, "", question],
                            buttons: [yes, "Keep as is"], focusedButton: focus, role: .border)
        return ConfirmSessionChange(dialog: dialog, command: command, target: target)
    }

    /// The question when the store needs a confirmation: a session beyond the maximum gap, or the
    /// nearest plan that keeps the gaps when the later sessions cannot move by the same amount.
    public static func confirmingRefusal(_ refusal: DeskRefusal, command: SessionCommand,
                                         target: SessionTarget) -> ConfirmSessionChange {
        let title: String, yes: String
        switch refusal {
        case .shiftProposal: title = "Move as proposed?"; yes = "Book this plan"
        default: title = "Later than the window"; yes = "Book it anyway"
        }
        let message = [target.title, ""] + RefusalWording.lines(refusal).dropLast() + ["", "Go ahead?"]
        let dialog = Dialog(title: title, message: Array(message), buttons: [yes, "No"], focusedButton: 1, role: .warning)
        return ConfirmSessionChange(dialog: dialog, command: command, target: target)
    }

    /// The question after the store refused a change within 48 hours; `message` is the refusal as
    /// `RefusalWording` says it for the screens (one sentence, nothing to cut away).
    public static func shortNotice(_ command: SessionCommand, target: SessionTarget, message: String) -> ConfirmSessionChange {
        let dialog = Dialog(title: "Short notice", message: [target.title, message, "", "Change it anyway?"],
                            buttons: ["Yes, at short notice", "No"], focusedButton: 1, role: .warning)
        return ConfirmSessionChange(dialog: dialog, command: command.confirmingShortNotice, target: target)
    }
}

/// The fields of the session dialogs.
public enum SessionField: Hashable, Sendable { case date, notes }

/// Rescheduling: the new date as typed and what it means.
public struct RescheduleForm: Sendable, Equatable {
    public var target: SessionTarget
    public var form: Form<SessionField>
    /// Offered for an immediate treatment with later sessions booked: move them by the same amount.
    public var canShiftLater: Bool
    public var shiftLater: Bool
    /// The store's answer when it refused (gaps, working hours, another booking).
    public var error: String?

    public init(target: SessionTarget) {
        self.target = target
        self.form = Form([.text(.date, label: "Move to", placeholder: "e.g. fri 4pm, +2w, 2026-03-20 14:00")], labelWidth: 9)
        self.canShiftLater = target.strategy == .immediate && target.laterBookedCount > 0
        self.shiftLater = canShiftLater
        self.error = nil
    }
}

/// Editing a session's notes.
public struct NotesForm: Sendable, Equatable {
    public var target: SessionTarget
    public var form: Form<SessionField>

    public init(target: SessionTarget) {
        self.target = target
        self.form = Form([.text(.notes, label: "Notes", value: target.notes, placeholder: "notes for this session")], labelWidth: 7)
    }
}

/// Booking the next session of a sequential treatment right after completing one.
public struct NextSessionForm: Sendable, Equatable {
    public var customerID: Int64
    public var serviceID: Int64
    public var groupID: String
    public var customerName: String
    public var serviceName: String
    public var sessionNoun: String
    public var nextNumber: Int
    public var totalSessions: Int
    public var window: SessionWindow
    /// The first free time at or after the recommended day: what the date field starts with.
    public var suggested: Date
    public var form: Form<SessionField>
    public var error: String?

    public init(customerID: Int64, serviceID: Int64, groupID: String, customerName: String, serviceName: String,
                sessionNoun: String, nextNumber: Int, totalSessions: Int, window: SessionWindow, suggested: Date,
                calendar: ClinicCalendar) {
        self.customerID = customerID
        self.serviceID = serviceID
        self.groupID = groupID
        self.customerName = customerName
        self.serviceName = serviceName
        self.sessionNoun = sessionNoun
        self.nextNumber = nextNumber
        self.totalSessions = totalSessions
        self.window = window
        self.suggested = suggested
        self.form = Form([.text(.date, label: "Date and time", value: DateText.editable(suggested, calendar: calendar),
                                placeholder: "date and time")], labelWidth: 15)
        self.error = nil
    }
}

/// Dates written the way the date parser reads them back, for fields that start filled in.
public enum DateText {
    /// "2026-03-13 14:00" in clinic-local time.
    public static func editable(_ date: Date, calendar: ClinicCalendar) -> String {
        let day = calendar.localDay(of: date)
        return "\(day) \(calendar.time(date))"
    }

    /// "→ Tue 10 Mar 2026 14:00" or why the text is not a date, for showing under a date field.
    /// With `offsetsFrom`, "+2w" counts from that instant at its time of day (moving a session), not from now.
    public static func preview(_ text: String, parser: DateInputParser, offsetsFrom anchor: Date? = nil) -> (line: String, date: Date?) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return ("Type a date and time, e.g. \"fri 4pm\", \"+2w\" or \"2026-03-20 14:00\"", nil)
        }
        do {
            let date = try parser.parse(text, offsetsFrom: anchor)
            return ("→ " + parser.calendar.dayTime(date), date)
        } catch {
            return ("✗ " + error.description, nil)
        }
    }
}
