import Foundation
import FrontdeskCore
import FrontdeskStore

/// Store errors in the command line's words: the facts, then the option or command that acts on
/// them. Every command named here exists (`CommandLineHintTests` runs each with `--help`).
enum RefusalText {
    /// The message for standard error.
    static func message(_ error: StoreError) -> String {
        switch error {
        case let .notFound(what, key):
            return "No \(what) matches “\(TextLimits.quote(key))”. Check the spelling, or list them with `\(listCommand(for: what))`."
        case let .placementRefused(refusal):
            return (["Nothing was saved:"] + PlacementWording.sentences(refusal).map { "  " + $0 }
                + ["Choose another --start."]).joined(separator: "\n")
        case let .lateConfirmationNeeded(refusal):
            return (["Nothing was saved yet:"] + PlacementWording.sentences(refusal).map { "  " + $0 }
                + ["To book it anyway, run the same command with --late."]).joined(separator: "\n")
        case let .shiftProposed(provider, plan, calendar):
            let lines = PlacementWording.shiftSentences(plan, provider: provider, calendar: calendar)
            return (["Nothing was saved: " + lines[0]] + lines.dropFirst().map { "  " + $0 }
                + ["To book this plan, run the same command with --auto-shift."]).joined(separator: "\n")
        default:
            return error.description
        }
    }

    /// The command that lists what `what` names ("customer", "treatment", "booking" …).
    static func listCommand(for what: String) -> String {
        switch what {
        case "customer": return "frontdesk customer list"
        case "service": return "frontdesk service list"
        case "provider": return "frontdesk provider list"
        case "treatment", "group": return "frontdesk groups"
        case "booking", "session": return "frontdesk agenda"
        default: return "frontdesk --help"
        }
    }

    /// Every `frontdesk …` command a hint can name, for the test that runs them.
    static let namedCommands: [String] = ["customer", "service", "provider", "treatment", "booking", "unknown thing"]
        .map(listCommand(for:))
}
