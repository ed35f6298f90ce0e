import Foundation
import FrontdeskApp

/// Performs one screen's effects against the store and answers each; nil for effects that need no answer.
/// Runners may be called from a background queue, so they hold nothing but the database.
public protocol ScreenRunner: Sendable {
    associatedtype Effect: Sendable
    associatedtype Answer: Sendable
    func perform(_ effect: Effect) -> Answer?
}
