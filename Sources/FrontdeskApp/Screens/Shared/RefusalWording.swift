import Foundation
import FrontdeskCore

/// What the screens say when the store refuses: the typed refusal in the desk's words. Where the
/// sentence names a key, the caller passes it from its keymap, so the words and the keys agree.
public enum RefusalWording {
    /// The whole refusal in one paragraph. `confirmKey` is the key that confirms (a late session,
    /// a proposed plan) where the screen offers that; without it no key is named.
    public static func text(_ refusal: DeskRefusal, confirmKey: String? = nil) -> String {
        lines(refusal, confirmKey: confirmKey).joined(separator: " ")
    }

    /// The refusal one sentence per line, for dialogs and the confirmation.
    public static func lines(_ refusal: DeskRefusal, confirmKey: String? = nil) -> [String] {
        switch refusal {
        case .placement(let placement):
            return PlacementWording.sentences(placement) + ["Nothing was saved; choose another date."]
        case .lateConfirmation(let placement):
            let ask = confirmKey.map { "Press \($0) to book it anyway." } ?? "Nothing was saved."
            return PlacementWording.sentences(placement) + [ask]
        case let .shiftProposal(provider, plan, calendar):
            let ask = confirmKey.map { "Press \($0) to book this plan." } ?? "Nothing was saved."
            return PlacementWording.shiftSentences(plan, provider: provider, calendar: calendar) + [ask]
        case let .shortNotice(_, start):
            return ["The session on \(start) is less than 48 hours away."]
        }
    }

    /// One finding in the screens' words (the confirmation's warning lines).
    public static func line(_ finding: PlacementFinding, provider: String, calendar: ClinicCalendar) -> String {
        PlacementWording.sentence(finding, provider: provider, calendar: calendar)
    }
}
