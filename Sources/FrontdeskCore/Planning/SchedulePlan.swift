import Foundation

/// One session of a plan preview: where it was asked for, where it goes, and why it moved.
public struct PlannedSession: Sendable, Equatable {
    /// 1-based session number within the group.
    public var number: Int
    public var label: String
    public var durationMinutes: Int
    /// Where the rules (or staff) put it: the previous session's start plus the planned gap.
    public var requestedStart: Date
    /// Where it goes: the requested start when that fits, else the earliest free slot found.
    public var start: Date
    public var end: Date
    /// Why the requested start did not fit (or, for a pinned session, which rule it breaks); nil if it fitted.
    public var conflict: SlotConflict?
    /// Whether `start` can be booked as it is.
    public var isPlaceable: Bool
    /// Staff typed this date; the planner keeps it even when it breaks a rule.
    public var isPinned: Bool
    /// Every rule the session still breaks where it is (the placement rule's findings at `start`):
    /// refusals make it unplaceable; a warning (beyond the maximum gap) needs confirming.
    public var problems: [PlacementProblem]
    /// The plan's wall-clock time does not exist (or happens twice) that day; `start` is the
    /// resolution typed input uses.
    public var clockChange: ClockChange?

    public init(number: Int, label: String, durationMinutes: Int, requestedStart: Date, start: Date,
                conflict: SlotConflict?, isPlaceable: Bool, isPinned: Bool = false,
                problems: [PlacementProblem] = [], clockChange: ClockChange? = nil) {
        self.number = number
        self.label = label
        self.durationMinutes = durationMinutes
        self.requestedStart = requestedStart
        self.start = start
        self.end = start.addingTimeInterval(Double(durationMinutes) * 60)
        self.conflict = conflict
        self.isPlaceable = isPlaceable
        self.isPinned = isPinned
        self.problems = problems
        self.clockChange = clockChange
    }

    /// Problems that a confirmation lets through and must list (beyond the maximum gap).
    public var warnings: [PlacementProblem] { problems.filter(\.needsConfirmation) }

    /// Whether the session was moved away from its requested start.
    public var wasMoved: Bool { start != requestedStart }

    /// The time the session occupies.
    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// The preview of a whole group before it is booked.
public struct SchedulePlan: Sendable, Equatable {
    public var sessions: [PlannedSession]

    public init(sessions: [PlannedSession]) {
        self.sessions = sessions
    }

    /// Every session fits exactly where the rules put it: nothing moved, nothing flagged.
    public var fitsAsRequested: Bool { sessions.allSatisfy { $0.conflict == nil && !$0.wasMoved } }

    /// Every session has a bookable start, so the group can be written.
    public var isComplete: Bool { sessions.allSatisfy(\.isPlaceable) }

    /// The sessions staff should look at: moved, flagged or not placeable.
    public var flagged: [PlannedSession] { sessions.filter { $0.conflict != nil || $0.wasMoved || !$0.isPlaceable } }

    /// Every problem still standing in the plan, session by session, refusals and warnings alike.
    public var findings: [PlacementFinding] {
        sessions.flatMap { session in
            session.problems.map { PlacementFinding(number: session.number, start: session.start, problem: $0) }
        }
    }
}

/// When the next session of a sequential treatment may, should and must take place.
public struct SessionWindow: Sendable, Equatable {
    /// Previous session + minimum gap: nothing earlier.
    public var earliest: Date
    /// Previous session + recommended gap: what to suggest.
    public var recommended: Date
    /// Previous session + maximum gap, nil when there is no maximum: later is overdue.
    public var latest: Date?

    public init(earliest: Date, recommended: Date, latest: Date?) {
        self.earliest = earliest
        self.recommended = recommended
        self.latest = latest
    }
}
