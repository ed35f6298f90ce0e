import Foundation
import FrontdeskCore
import TerminalUI

/// The keys a refusal may name on the screen that shows it, taken from that screen's keymap; nil
/// where the screen has no such key (the sentence then names none).
public struct RefusalKeys: Sendable, Equatable {
    /// The key that confirms what the refusal asks (a late session, a proposed plan).
    public var confirm: String?
    public var complete: String?
    public var reschedule: String?
    public var cancel: String?
    public var reopen: String?
    public var extend: String?

    public init(confirm: String? = nil, complete: String? = nil, reschedule: String? = nil, cancel: String? = nil,
                reopen: String? = nil, extend: String? = nil) {
        self.confirm = confirm
        self.complete = complete
        self.reschedule = reschedule
        self.cancel = cancel
        self.reopen = reopen
        self.extend = extend
    }

    /// No keys: for screens that offer none of these actions (the Book flow, Services).
    public static let none = RefusalKeys()

    /// The keys a screen's keymap binds to these actions, found by the actions' names
    /// (`complete`, `reschedule`, `cancel`, `reopen`, `extendPackage`), as every screen that hosts
    /// the session desk names them.
    public init(keymap: Keymap<String>) {
        func key(_ action: String) -> String? { keymap.binding(for: action)?.legendKey }
        self.init(complete: key("complete"), reschedule: key("reschedule"), cancel: key("cancel"), reopen: key("reopen"),
                  extend: key("extendPackage"))
    }

    /// Every session key: what the desk says when its host did not say which it binds.
    public static let sessionDesk = RefusalKeys(keymap: SessionKeys.keymap.erased)

    /// These keys with a confirming key.
    public func confirming(_ key: String?) -> RefusalKeys {
        var keys = self
        keys.confirm = key
        return keys
    }
}

/// What the screens say when the store refuses: the typed refusal in the desk's words. Where the
/// sentence names a key ("press u"), it is one of `keys`, so the words and the keymap agree.
public enum RefusalWording {
    /// The whole refusal in one paragraph. `confirmKey` is the key that confirms (a late session,
    /// a proposed plan) where the screen offers that; without it no key confirms.
    public static func text(_ refusal: DeskRefusal, confirmKey: String? = nil, keys: RefusalKeys = .sessionDesk) -> String {
        lines(refusal, confirmKey: confirmKey, keys: keys).joined(separator: " ")
    }

    /// The refusal one sentence per line, for dialogs and the confirmation; the last line says
    /// what to do (or that nothing was saved).
    public static func lines(_ refusal: DeskRefusal, confirmKey: String? = nil, keys: RefusalKeys = .sessionDesk) -> [String] {
        let keys = confirmKey.map { keys.confirming($0) } ?? keys
        let facts = RefusalFacts.sentences(refusal)
        switch refusal {
        case .placement:
            return facts + ["Nothing was saved; choose another date."]
        case .lateConfirmation:
            return facts + [keys.confirm.map { "Press \($0) to book it anyway." } ?? "Nothing was saved."]
        case .shiftProposal:
            return facts + [keys.confirm.map { "Press \($0) to book this plan." } ?? "Nothing was saved."]
        case .shortNotice:
            // The confirmation dialog asks the question itself.
            return facts
        default:
            return facts + advice(refusal, keys: keys)
        }
    }

    /// One finding in the screens' words (the confirmation's warning lines).
    public static func line(_ finding: PlacementFinding, provider: String, calendar: ClinicCalendar) -> String {
        PlacementWording.sentence(finding, provider: provider, calendar: calendar)
    }

    /// What staff can do about it on this screen.
    private static func advice(_ refusal: DeskRefusal, keys: RefusalKeys) -> [String] {
        switch refusal {
        case .placement, .lateConfirmation, .shiftProposal, .shortNotice:
            return []
        case .slotTaken:
            return ["Choose another time; nothing was saved."]
        case .conflicts, .shiftNotConfirmed, .planChanged, .laterSessionsInTheWay, .rebookChanged:
            return ["Nothing was saved."]
        case .notBookable(let reason):
            return advice(reason)
        case .previousNotCompleted:
            return [keys.complete.map { "Once it has taken place, press \($0) on it, then book the next one." }
                    ?? "Mark it completed once it has taken place, then book the next one."]
        case let .packageFull(remaining, _):
            return ["Book at most \(remaining), or sell a new package."]
        case .packageExpired:
            return [keys.extend.map { "A manager can press \($0) to extend it first." } ?? "A manager can extend it first."]
        case .treatmentClosed, .treatmentCancelled:
            return ["Book a new treatment instead."]
        case let .wrongStatus(_, status, change):
            guard change != .reopen, status != .confirmed, let reopen = keys.reopen else { return [] }
            return ["If that was a mistake, press \(reopen) to reopen it first."]
        case .inThePast:
            return ["Choose a future date and time."]
        case .duplicateCustomer:
            return [keys.confirm.map { "Use that customer, or press \($0) to add anyway." } ?? "Use that customer."]
        case .secondPackage:
            return ["Book into that package instead."]
        case .completedTooEarly:
            return [keys.complete.map { "If it really took place early, press \($0) and confirm." } ?? "Nothing was changed."]
        case let .reopenBlocked(_, holder, _):
            switch (keys.reschedule, keys.cancel) {
            case let (move?, cancel?):
                return ["Select booking #\(holder.bookingID) and press \(move) to move it or press \(cancel) to cancel it first, "
                        + "or book the session again."]
            default:
                return ["Move or cancel booking #\(holder.bookingID) first, or book the session again."]
            }
        case .noShowBeforeStart:
            return [keys.cancel.map { "Press \($0) to cancel it instead." } ?? "Cancel it instead."]
        case .nothingToEnd, .nothingToExtend, .clinicNotClosed:
            return []
        }
    }

    private static func advice(_ reason: NotBookable) -> [String] {
        switch reason {
        case .providerDoesNotDeliver: return ["Choose one of them."]
        case .noProviderDelivers, .nothingToPreview: return ["Add one on the Services screen."]
        case .noProviderCanTakePlan: return ["Choose another start or provider."]
        case .treatmentOfOtherCustomer: return ["Open it again from the Bookings screen."]
        case .serviceInactive: return ["A manager can activate it again on the Services screen."]
        case .noWorkingDay: return ["Check the provider's working hours on the Services screen."]
        case .notImmediate, .treatmentOfOtherService, .singleSessionHasNoTreatment, .sequentialOneAtATime, .booksAllAtOnce,
             .onlyImmediateMovesAlong, .nothingMissed:
            return []
        }
    }
}
