import FrontdeskCore

/// Input problems in the command line's words: the store's plain sentence, then the option to fix
/// where only one command can meet the problem (`customer add`/`edit`, `provider edit`).
enum InputProblemText {
    static func message(_ problem: InputProblem) -> String {
        guard let option = option(for: problem) else { return problem.sentence }
        return problem.sentence + " (\(option))"
    }

    /// The option that carried the refused value, when every command that meets it has that option.
    static func option(for problem: InputProblem) -> String? {
        switch problem {
        case .phone: return "--phone"
        case .email: return "--email"
        case .consentWithoutContact(.sms): return "--sms-consent"
        case .consentWithoutContact(.email): return "--email-consent"
        case .noAbsenceStarting: return "--remove-absence"
        case .absenceBackwards, .absenceTooLong: return "--add-absence"
        default: return nil
        }
    }
}
