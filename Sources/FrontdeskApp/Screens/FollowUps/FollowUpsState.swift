import Foundation
import FrontdeskCore
import TerminalUI

/// The Follow-ups screen as data: the queue by kind, the row under the cursor, the kind filter and
/// the "mark called" note being typed.
public struct FollowUpsState: Sendable, Equatable {
    public var queue: FollowUpQueue?
    /// Only this kind, or every kind.
    public var kind: FollowUpKind?
    /// Index into `entries`.
    public var selected = 0
    /// The note for "mark called", with the follow-up it is for.
    public var callNote: CallNote?
    /// A request is with the store: a second key must not act twice.
    public var busy = false

    public init() {}

    /// Every entry in the order shown: kind by kind, overdue first.
    public var entries: [FollowUpQueueEntry] { queue?.groups.flatMap(\.entries) ?? [] }

    public var selectedEntry: FollowUpQueueEntry? {
        let all = entries
        return all.indices.contains(selected) ? all[selected] : nil
    }
}

/// The note typed for "mark called".
public struct CallNote: Sendable, Equatable {
    public var followUpID: Int64
    public var field = TextField(value: "", placeholder: "what was agreed (optional)")
}
