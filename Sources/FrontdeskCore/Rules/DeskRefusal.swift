import Foundation

/// A refusal as the screens receive it: typed, so that the screens word it themselves (naming
/// their keys) instead of cutting apart a sentence written for the command line.
public enum DeskRefusal: Sendable, Equatable {
    /// The placement rule refuses the session(s) where they were asked for.
    case placement(PlacementRefusal)
    /// Only the maximum gap is exceeded: confirming books it.
    case lateConfirmation(PlacementRefusal)
    /// Moving the later sessions by the same amount does not fit; this plan does, once confirmed.
    case shiftProposal(provider: String, ShiftPlan, calendar: ClinicCalendar)
    /// The change is within the 48-hour notice period: ask, then retry confirmed. `action` is
    /// "cancel" or "move"; `start` the session's start as the clinic reads it.
    case shortNotice(action: String, start: String)
}
