import Foundation

// What the Follow-ups screen and `followups` read: shaped by the store, shown by the screens.

/// Where a pending follow-up stands against the clock.
public enum FollowUpTiming: String, Sendable, Equatable, CaseIterable {
    /// Due for more than a day.
    case overdue
    /// Due within the last day.
    case dueNow = "due_now"
    /// Not due yet, within the look-ahead.
    case upcoming
}

/// One line of the Follow-ups screen.
public struct FollowUpQueueEntry: Sendable, Equatable {
    public var followUp: FollowUp
    public var timing: FollowUpTiming

    public init(followUp: FollowUp, timing: FollowUpTiming) {
        self.followUp = followUp
        self.timing = timing
    }
}

/// Where a page of one kind's follow-ups ends, so the next page continues after it (keyset paging).
public struct FollowUpQueueCursor: Sendable, Equatable {
    public var dueAt: Date
    public var id: Int64

    public init(dueAt: Date, id: Int64) {
        self.dueAt = dueAt
        self.id = id
    }

    /// The cursor just after `entry`.
    public init(after entry: FollowUpQueueEntry) {
        self.init(dueAt: entry.followUp.dueAt, id: entry.followUp.id)
    }
}

/// The follow-ups of one kind: overdue first, then due now, then upcoming, each by due time.
/// `entries` may be the first pages only; `total` and `dueTotal` count every one up to the horizon.
public struct FollowUpKindGroup: Sendable, Equatable {
    public var kind: FollowUpKind
    public var entries: [FollowUpQueueEntry]
    /// Every pending follow-up of this kind up to the horizon, loaded or not.
    public var total: Int
    /// Of `total`, those due now or overdue.
    public var dueTotal: Int

    /// A kind's group; without totals, `entries` is the whole of it.
    public init(kind: FollowUpKind, entries: [FollowUpQueueEntry], total: Int? = nil, dueTotal: Int? = nil) {
        self.kind = kind
        self.entries = entries
        self.total = max(total ?? entries.count, entries.count)
        self.dueTotal = dueTotal ?? entries.filter { $0.timing != .upcoming }.count
    }

    /// Overdue and due now (the part that needs doing), loaded or not.
    public var dueCount: Int { dueTotal }
    /// Not due yet, within the look-ahead.
    public var upcomingCount: Int { max(0, total - dueTotal) }
    /// Follow-ups of this kind not loaded yet (the next page continues after the last entry).
    public var notLoaded: Int { max(0, total - entries.count) }
}

/// The Follow-ups screen's data.
public struct FollowUpQueue: Sendable, Equatable {
    /// Kinds with at least one entry, in `FollowUpKind.allCases` order.
    public var groups: [FollowUpKindGroup]
    /// Pending and due now or overdue, over every kind (the tab's count).
    public var pendingDue: Int

    public init(groups: [FollowUpKindGroup], pendingDue: Int) {
        self.groups = groups
        self.pendingDue = pendingDue
    }
}
