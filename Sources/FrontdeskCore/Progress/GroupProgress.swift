import Foundation

/// One booking of a session group, as progress and follow-ups need it.
public struct SessionSnapshot: Sendable, Equatable {
    public var number: Int
    public var status: BookingStatus
    public var start: Date
    public var end: Date
    public var label: String

    public init(number: Int, status: BookingStatus, start: Date, end: Date, label: String) {
        self.number = number
        self.status = status
        self.start = start
        self.end = end
        self.label = label
    }
}

/// Where a multi-session treatment stands, always derived from its bookings (never stored).
public struct GroupProgress: Sendable, Equatable {
    public let totalSessions: Int
    /// The group's bookings in session-number order (then by start), cancelled ones included.
    public let sessions: [SessionSnapshot]
    public let completed: Int
    /// Confirmed bookings: taking place or waiting to be marked.
    public let booked: Int
    public let cancelled: Int
    public let noShow: Int
    /// Bookings that still hold a session number (everything but cancelled ones).
    public let scheduled: Int
    /// Sessions of the treatment nobody has booked yet: total − scheduled.
    public let remaining: Int
    /// The earliest confirmed session at or after now; else the earliest confirmed one (overdue to be marked).
    public let next: SessionSnapshot?
    /// The most recent completed session.
    public let lastCompleted: SessionSnapshot?
    /// The lowest session number 1…total not held by a non-cancelled booking; nil when all are held.
    public let nextFreeNumber: Int?

    public init(totalSessions: Int, sessions: [SessionSnapshot], now: Date) {
        self.totalSessions = totalSessions
        self.sessions = sessions.sorted { ($0.number, $0.start) < ($1.number, $1.start) }
        completed = sessions.count { $0.status == .completed }
        booked = sessions.count { $0.status == .confirmed }
        cancelled = sessions.count { $0.status == .cancelled }
        noShow = sessions.count { $0.status == .noShow }
        scheduled = sessions.count { $0.status.holdsSlot }
        remaining = max(0, totalSessions - scheduled)
        let confirmed = sessions.filter { $0.status == .confirmed }.sorted { $0.start < $1.start }
        next = confirmed.first { $0.start >= now } ?? confirmed.first
        lastCompleted = sessions.filter { $0.status == .completed }.max { ($0.start, $0.number) < ($1.start, $1.number) }
        let held = Set(sessions.filter { $0.status.holdsSlot }.map(\.number))
        nextFreeNumber = totalSessions >= 1 ? (1...totalSessions).first { !held.contains($0) } : nil
    }

    /// Every session of the treatment is completed.
    public var isFinished: Bool { totalSessions > 0 && completed >= totalSessions }

    /// Nothing is left to book or to attend: every number is held by a completed or missed session.
    public var isResolved: Bool { remaining == 0 && booked == 0 }

    /// Completed ÷ total, 0…1.
    public var fractionCompleted: Double {
        totalSessions > 0 ? min(1, Double(completed) / Double(totalSessions)) : 0
    }

    /// "2/3": completed of total.
    public var summary: String { "\(completed)/\(totalSessions)" }

    /// Confirmed sessions starting at or after now, earliest first.
    public func upcoming(now: Date) -> [SessionSnapshot] {
        sessions.filter { $0.status == .confirmed && $0.start >= now }.sorted { $0.start < $1.start }
    }
}

/// Where a treatment stands as a whole, for lists, filters and KPIs.
public enum GroupState: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case active
    case completed
    case cancelled
    case expired

    /// Decides the state: a cancelled group is cancelled; a group whose sessions are all completed
    /// (or resolved, some missed) is completed; a package past its expiry with nothing booked is
    /// expired; anything else is active. Sessions booked before expiry keep a package active.
    public static func of(_ progress: GroupProgress, cancelled: Bool, expiresAt: Date?, now: Date) -> GroupState {
        if cancelled { return .cancelled }
        if progress.isFinished || (progress.isResolved && progress.completed > 0) { return .completed }
        if let expiresAt, expiresAt <= now, progress.booked == 0 { return .expired }
        return .active
    }
}
