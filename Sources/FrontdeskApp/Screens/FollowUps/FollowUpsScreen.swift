import Foundation
import FrontdeskCore
import TerminalUI

/// The Follow-ups screen (issue 11): what is due now, overdue and upcoming, by kind, with the
/// customer, phone and text; send now, mark called, dismiss, open the customer, book the next session.
public struct FollowUpsScreen: TopLevelScreen {
    public static let tab = ScreenTab(title: "Follow-ups", functionKey: 9, letter: "U")

    public var followUps = FollowUpsState()

    public init(context: ScreenContext) {}

    public var title: String { "Follow-ups" }
    public var keyFocus: KeyFocus { followUps.callNote != nil ? .text : .screen }
    public var legend: Keymap<String> { FollowUpsKeymap.legend(for: followUps) }

    public static let hasTabBadge = true

    /// The count of follow-ups due now or overdue, over every kind.
    public var tabBadge: String? { followUps.queue.map { "\($0.pendingDue)" } }

    public mutating func start(_ context: inout ScreenContext) -> [FollowUpsEffect] { FollowUps.load(state: &followUps) }

    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [FollowUpsEffect] {
        FollowUps.handle(key, state: &followUps, &context)
    }

    public mutating func receive(_ answer: FollowUpsAnswer, _ context: inout ScreenContext) -> [FollowUpsEffect] {
        FollowUps.receive(answer, state: &followUps, &context)
    }

    public mutating func reload(_ context: inout ScreenContext) -> [FollowUpsEffect] { FollowUps.load(state: &followUps) }

    public mutating func resume(after outcome: ScreenOutcome, _ context: inout ScreenContext) -> [FollowUpsEffect] {
        if case let .booked(_, _, message) = outcome { context.succeed(message) }
        return FollowUps.load(state: &followUps)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        FollowUpsView.render(followUps, into: &buffer, area: area, context: context)
    }
}
