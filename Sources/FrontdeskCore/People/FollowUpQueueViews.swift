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

/// The follow-ups of one kind: overdue first, then due now, then upcoming, each by due time.
public struct FollowUpKindGroup: Sendable, Equatable {
    public var kind: FollowUpKind
    public var entries: [FollowUpQueueEntry]

    public init(kind: FollowUpKind, entries: [FollowUpQueueEntry]) {
        self.kind = kind
        self.entries = entries
    }
    /// Overdue and due now (the part that needs doing).
    public var dueCount: Int { entries.filter { $0.timing != .upcoming }.count }
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
