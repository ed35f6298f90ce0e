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
    /// Session numbers held by a confirmed or completed booking (cancelled and missed ones free theirs).
    public let scheduled: Int
    /// Sessions of the treatment without a confirmed or completed booking: total − scheduled.
    public let remaining: Int
    /// Session numbers whose booking was cancelled or missed and that have not been booked again.
    public let missedNumbers: [Int]
    /// The earliest confirmed session at or after now; else the earliest confirmed one (overdue to be marked).
    public let next: SessionSnapshot?
    /// The most recent completed session.
    public let lastCompleted: SessionSnapshot?
    /// The lowest session number 1…total not held by a confirmed or completed booking; nil when all are held.
    public let nextFreeNumber: Int?

    public init(totalSessions: Int, sessions: [SessionSnapshot], now: Date) {
        self.totalSessions = totalSessions
        self.sessions = sessions.sorted { ($0.number, $0.start) < ($1.number, $1.start) }
        completed = sessions.count { $0.status == .completed }
        booked = sessions.count { $0.status == .confirmed }
        cancelled = sessions.count { $0.status == .cancelled }
        noShow = sessions.count { $0.status == .noShow }
        let held = Set(sessions.filter { $0.status.holdsNumber }.map(\.number))
        scheduled = held.count
        remaining = max(0, totalSessions - scheduled)
        missedNumbers = Set(sessions.filter { !$0.status.holdsNumber && !held.contains($0.number) }.map(\.number)).sorted()
        let confirmed = sessions.filter { $0.status == .confirmed }.sorted { $0.start < $1.start }
        next = confirmed.first { $0.start >= now } ?? confirmed.first
        lastCompleted = sessions.filter { $0.status == .completed }.max { ($0.start, $0.number) < ($1.start, $1.number) }
        nextFreeNumber = totalSessions >= 1 ? (1...totalSessions).first { !held.contains($0) } : nil
    }

    /// Every session number of the treatment has a completed booking.
    public var isFinished: Bool { totalSessions > 0 && completed >= totalSessions }

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
