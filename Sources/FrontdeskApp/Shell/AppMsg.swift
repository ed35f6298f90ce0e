import Foundation
import FrontdeskCore
import TerminalUI

/// Everything that can happen to the application: a key, a tick of the clock, or the answer to an effect.
public enum AppMsg: Sendable {
    /// The application opened: open the first screen.
    case started
    case key(Key)
    case resized(width: Int, height: Int)
    /// The timer: refreshes "now" and asks whether another terminal changed the data.
    case tick(now: Date)
    case dataVersion(Int)
    /// A runner's answer to the effect of the screen with this instance number.
    case answer(screen: Int, payload: any Sendable)
}

/// A store error as the screens see it: the message staff read, the typed refusal behind it (worded
/// by `RefusalWording`), and whether confirming lets it through.
public struct AppFailure: Error, Sendable, Equatable {
    public var message: String
    /// The change is within 48 hours: ask, then retry with the short notice confirmed.
    public var needsShortNoticeConfirmation: Bool
    /// What the store refused, typed; nil for failures that are only a message.
    public var refusal: DeskRefusal?

    public init(message: String, needsShortNoticeConfirmation: Bool = false, refusal: DeskRefusal? = nil) {
        self.message = message
        self.needsShortNoticeConfirmation = needsShortNoticeConfirmation
        self.refusal = refusal
    }

    /// A failure for a typed refusal, worded for the screens. The message names no key, since it
    /// does not know the screen that shows it; a host that binds keys words `refusal` itself
    /// (the session desk does, with its host's keymap).
    public init(refusal: DeskRefusal) {
        var needsConfirmation = false
        if case .shortNotice = refusal { needsConfirmation = true }
        self.init(message: RefusalWording.text(refusal, keys: .none), needsShortNoticeConfirmation: needsConfirmation, refusal: refusal)
    }
}
