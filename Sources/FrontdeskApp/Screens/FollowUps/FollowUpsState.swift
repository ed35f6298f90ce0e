import Foundation
import FrontdeskCore
import TerminalUI

/// The Follow-ups screen as data: the queue by kind, the row under the cursor, the kind filter and
/// the "mark called" note being typed.
public struct FollowUpsState: Sendable, Equatable {
    /// Entries read per kind at a time: a kind with more shows how many are left and loads the next
    /// page as the selection comes near the end of what is shown, so nothing is silently cut.
    public static let pageSize = 100
    /// How close to the end of a kind's loaded entries the selection comes before the next page is read.
    public static let prefetchMargin = 8

    public var queue: FollowUpQueue?
    /// Kinds whose next page has been asked for and not answered yet.
    public var loadingMore: Set<FollowUpKind> = []
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

    /// How many entries of each kind are on screen (so a reload reads as many again).
    public var loadedCounts: [FollowUpKind: Int] {
        Dictionary(uniqueKeysWithValues: (queue?.groups ?? []).map { ($0.kind, $0.entries.count) })
    }

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
