import Foundation
import FrontdeskCore
import TerminalUI

/// Ending a treatment early: why, chosen from the usual reasons or in the desk's words.
public struct EndTreatmentForm: Sendable, Equatable {
    public enum Field: Hashable, Sendable { case reason, words }

    public static let reasons: [EndReason?] = [.customerWithdrew, .clinicalDecision, .movedAway, nil]

    public var group: SessionGroup
    public var form: Form<Field>

    public init(group: SessionGroup) {
        self.group = group
        form = Form([
            .choice(.reason, label: "Reason", options: Self.reasons.map { $0?.text ?? "other (type it below)" }),
            .text(.words, label: "In words", placeholder: "only for another reason"),
        ], labelWidth: 10)
    }

    /// The reason chosen, or the problem shown under its field.
    mutating func reason() -> EndReason? {
        form.clearErrors()
        if let chosen = Self.reasons[form.selectedIndex(.reason) ?? 0] { return chosen }
        let words = form.text(.words).trimmingCharacters(in: .whitespaces)
        guard !words.isEmpty else {
            form.setError("Say in a few words why the treatment ends.", for: .words)
            return nil
        }
        return .other(words)
    }
}

/// Extending a package past its expiry: the new last day.
public struct ExtendPackageForm: Sendable, Equatable {
    public enum Field: Hashable, Sendable { case until }

    public var group: SessionGroup
    public var form: Form<Field>

    public init(group: SessionGroup) {
        self.group = group
        form = Form([.text(.until, label: "Until", placeholder: "a day, e.g. +3m, 2027-06-30")], labelWidth: 7)
    }
}

/// What can be done to a whole treatment from any screen that shows one.
public enum TreatmentAction: Sendable, Equatable {
    case end, extend
}

extension SessionDesk {
    /// Opens the dialog for an action on the whole treatment, or says at once why it cannot be done.
    public mutating func ask(_ action: TreatmentAction, about group: SessionGroup, _ context: inout ScreenContext) {
        let state = group.state(now: context.now)
        switch action {
        case .end:
            guard [.active, .toBook, .expired].contains(state) else {
                context.inform("This treatment is \(state.label) already; there is nothing to end.")
                return
            }
            dialog = .endTreatment(EndTreatmentForm(group: group))
        case .extend:
            guard group.expiresAt != nil, [.active, .toBook, .expired].contains(state) else {
                context.inform(group.expiresAt == nil ? "This treatment has no expiry date to extend."
                               : "This treatment is \(state.label); there is nothing to extend.")
                return
            }
            dialog = .extendPackage(ExtendPackageForm(group: group))
        }
    }

    /// Enter in the end or extend dialog: the command, or the problem shown in the form.
    mutating func acceptTreatmentDialog(_ context: inout ScreenContext) -> [SessionCommand] {
        switch dialog {
        case .endTreatment(var form)?:
            guard let reason = form.reason() else {
                dialog = .endTreatment(form)
                return []
            }
            return [.endTreatment(groupID: form.group.id, reason: reason)]
        case .extendPackage(var form)?:
            let text = form.form.text(.until).trimmingCharacters(in: .whitespaces)
            do {
                let day = try context.dateParser.parseDay(text)
                // The package runs to the end of that day in the clinic's zone.
                return [.extendPackage(groupID: form.group.id, until: context.calendar.startOfDay(day.adding(days: 1)))]
            } catch {
                form.form.setError(error.description, for: .until)
                dialog = .extendPackage(form)
                return []
            }
        default:
            return []
        }
    }
}
