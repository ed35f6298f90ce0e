import Foundation
import FrontdeskCore
import FrontdeskStore

/// Store errors in the command line's words: the facts, then the option or command that acts on
/// them. Every command named here exists (`CommandLineHintTests` runs each with `--help`), and every
/// option exists on the commands that can meet the refusal (`RefusalHintTests`).
enum RefusalText {
    /// The message for standard error.
    static func message(_ error: StoreError) -> String {
        switch error {
        case let .refused(refusal):
            return lines(refusal).joined(separator: "\n")
        case let .notFound(kind, key):
            return "No \(kind.noun) matches “\(TextLimits.quote(key))”. Check the spelling, or list them with `\(listCommand(for: kind))`."
        case let .invalid(problem):
            return InputProblemText.message(problem)
        case .missing:
            return error.description + " Create one with `frontdesk init` (or `frontdesk demo` for a demo clinic), or pass --db with an existing file."
        case .notFrontdesk:
            return error.description + " Pass --db with the clinic's database, or create a new one with `frontdesk init --db NEW_FILE`."
        case .noSuchGroup:
            return "--shared: " + error.description
        case .holdsData:
            return error.description + " Give it with --db."
        case .unreadable, .cannotOpen:
            return error.description + " Or pass --db with another file."
        default:
            return error.description
        }
    }

    /// A refusal as standard error shows it: the facts, then what to run.
    static func lines(_ refusal: DeskRefusal) -> [String] {
        let facts = RefusalFacts.sentences(refusal)
        switch refusal {
        case .placement:
            return ["Nothing was saved:"] + indented(facts) + ["Choose another --start."]
        case .lateConfirmation:
            return ["Nothing was saved yet:"] + indented(facts) + ["To book it anyway, run the same command with --late."]
        case .shiftProposal:
            return ["Nothing was saved: " + facts[0]] + indented(Array(facts.dropFirst()))
                + ["To book this plan, run the same command with --auto-shift."]
        case .conflicts, .planChanged, .rebookChanged:
            return [nothingSaved(facts[0])] + indented(Array(facts.dropFirst()))
        case .shiftNotConfirmed:
            return [nothingSaved(facts[0])] + indented(Array(facts.dropFirst()))
                + ["To book the proposed times instead, run the same command with --auto-shift."]
        case .laterSessionsInTheWay:
            return ["Nothing was saved:"] + indented(facts) + ["To move them along, run the same command with --move-later."]
        default:
            return [(facts + hint(refusal)).joined(separator: " ")]
        }
    }

    /// What to run about a one-paragraph refusal.
    private static func hint(_ refusal: DeskRefusal) -> [String] {
        switch refusal {
        case .placement, .lateConfirmation, .shiftProposal, .conflicts, .shiftNotConfirmed, .planChanged, .laterSessionsInTheWay,
             .rebookChanged:
            return []
        case let .shortNotice(change, _, _):
            return ["To \(change.verb) it at short notice, run the same command with --confirm-late."]
        case .slotTaken:
            return ["Choose another --start; nothing was saved."]
        case .notBookable(let reason):
            return hint(reason)
        case let .previousNotCompleted(_, _, bookingID):
            let command = bookingID.map { "`frontdesk complete \($0)`" } ?? "`frontdesk complete`"
            return ["Mark it completed (\(command)) once it has taken place, then book the next one."]
        case let .packageFull(remaining, _):
            return ["Book at most \(remaining), or sell a new package."]
        case let .packageExpired(treatment, _, _):
            return ["A manager can extend it first: `frontdesk extend \(treatment) --until DAY`."]
        case .treatmentClosed:
            return ["Book a new treatment with `frontdesk book`."]
        case let .wrongStatus(id, status, change):
            guard change != .reopen, status != .confirmed else { return [] }
            return ["If that was a mistake, reopen it first with `frontdesk reopen \(id)`."]
        case .inThePast:
            return ["Choose a future date and time."]
        case .duplicateCustomer:
            return ["Use that customer, or add anyway with --allow-duplicate."]
        case let .secondPackage(_, treatment, _, _):
            return ["Book into it with `frontdesk book --group \(treatment)`, or confirm a second package with --allow-second."]
        case let .completedTooEarly(session, _, _):
            return ["If it really took place early, run `frontdesk complete \(session.bookingID) --early`."]
        case let .reopenBlocked(_, holder, _):
            return ["Move that booking (`frontdesk reschedule \(holder.bookingID) --start WHEN`) or cancel it (`frontdesk cancel \(holder.bookingID)`) first, or book the session again."]
        case .treatmentCancelled:
            return ["Book a new treatment with `frontdesk book`."]
        case let .noShowBeforeStart(session, _):
            return ["Cancel it instead: `frontdesk cancel \(session.bookingID)`."]
        case .nothingToEnd, .nothingToExtend:
            return []
        case .clinicNotClosed:
            return ["List the closed days with `frontdesk clinic closed list`."]
        }
    }

    private static func hint(_ reason: NotBookable) -> [String] {
        switch reason {
        case .providerDoesNotDeliver: return ["Choose one of them with --provider."]
        case .noProviderDelivers: return ["Add one with `frontdesk provider add`."]
        case .noProviderCanTakePlan: return ["Choose another --start or --provider."]
        case .notImmediate: return ["Give one --start for each session."]
        case .treatmentOfOtherService: return ["Leave out --service to continue the treatment."]
        case .treatmentOfOtherCustomer: return ["List the treatments with `frontdesk groups`."]
        case .singleSessionHasNoTreatment: return ["Leave out --group."]
        case .sequentialOneAtATime: return ["Give one --start."]
        case .booksAllAtOnce: return ["Book the whole plan with `frontdesk book` and the first --start."]
        case .serviceInactive: return ["A manager can activate it again (`frontdesk service activate`)."]
        case .onlyImmediateMovesAlong(let treatment): return ["Book this one with `frontdesk book --group \(treatment)`, without --move-later."]
        case .nothingMissed: return []
        case .nothingToPreview: return ["Add one with `frontdesk provider add`."]
        case .noWorkingDay: return ["Check the working hours with `frontdesk provider list`."]
        }
    }

    private static func indented(_ lines: [String]) -> [String] { lines.map { "  " + $0 } }

    /// "The plan does not fit as requested:" → "The plan does not fit as requested; nothing was saved:".
    private static func nothingSaved(_ heading: String) -> String {
        (heading.hasSuffix(":") ? String(heading.dropLast()) : heading) + "; nothing was saved:"
    }

    /// The command that lists what `what` names ("customer", "treatment", "booking" …).
    static func listCommand(for kind: RecordKind) -> String {
        switch kind {
        case .customer: return "frontdesk customer list"
        case .service: return "frontdesk service list"
        case .provider: return "frontdesk provider list"
        case .treatment: return "frontdesk groups"
        case .booking: return "frontdesk agenda"
        case .followUp: return "frontdesk followups"
        }
    }

    /// Every `frontdesk …` command a hint can name, for the test that runs them.
    static let namedCommands: [String] = RecordKind.allCases
        .map(listCommand(for:))
}
