import Foundation

/// Where a treatment stands as a whole, for lists, filters, follow-ups and KPIs: the one definition
/// the store (which keeps it in `session_groups.state`), the command line and the screens share.
///
/// Every state but `expired` depends only on the treatment's bookings and flags, so the store keeps
/// it current in the transactions that change them (`stored(...)`); `expired` depends on the clock
/// and is derived when read (`at(_:expiresAt:hasConfirmed:)`).
public enum GroupState: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Sessions are booked and nothing missed waits to be booked again.
    case active
    /// A session number needs a booking: nothing is booked ahead while sessions remain, or a
    /// cancelled or missed (no-show) session has not been booked again.
    case toBook = "to_book"
    /// Every session number has a completed booking.
    case completed
    /// The whole treatment was cancelled.
    case cancelled
    /// The desk ended it early with a reason (closed, not completed).
    case ended
    /// A package past its expiry date with nothing booked (derived from the clock, never stored).
    case expired

    /// The states the store keeps; `expired` is derived at read time.
    public static let storedCases: [GroupState] = [.active, .toBook, .completed, .cancelled, .ended]

    /// The state without the clock: what `session_groups.state` holds.
    ///
    /// A cancelled treatment is cancelled and an ended one ended, whatever their sessions; a
    /// treatment is completed only when every session number 1…total has a completed booking; it is
    /// "to book" when nothing is booked (confirmed) and it is not completed, or when a number whose
    /// booking was cancelled or missed has no confirmed or completed booking again; else active.
    public static func stored(totalSessions: Int, sessions: [(number: Int, status: BookingStatus)],
                              cancelled: Bool, ended: Bool) -> GroupState {
        if cancelled { return .cancelled }
        if ended { return .ended }
        let completedNumbers = Set(sessions.filter { $0.status == .completed }.map(\.number))
        if totalSessions > 0, (1...totalSessions).allSatisfy(completedNumbers.contains) { return .completed }
        guard sessions.contains(where: { $0.status == .confirmed }) else { return .toBook }
        let live = Set(sessions.filter { $0.status.holdsNumber }.map(\.number))
        let missed = sessions.contains { !$0.status.holdsNumber && !live.contains($0.number) }
        return missed ? .toBook : .active
    }

    /// The state at `now`, from the stored one: a package past `expiresAt` with nothing booked
    /// (no confirmed session) is expired. Sessions booked before the expiry keep it open.
    public func at(_ now: Date, expiresAt: Date?, hasConfirmed: Bool) -> GroupState {
        guard self == .toBook, !hasConfirmed, let expiresAt, expiresAt <= now else { return self }
        return .expired
    }

    /// The state of a treatment from its progress and flags, at `now`.
    public static func of(_ progress: GroupProgress, cancelled: Bool, ended: Bool = false, expiresAt: Date?,
                          now: Date) -> GroupState {
        stored(totalSessions: progress.totalSessions, sessions: progress.sessions.map { ($0.number, $0.status) },
               cancelled: cancelled, ended: ended)
            .at(now, expiresAt: expiresAt, hasConfirmed: progress.booked > 0)
    }

    /// Completed, cancelled, ended or expired: takes no new bookings and counts in the completion rate.
    public var isClosed: Bool {
        switch self {
        case .active, .toBook: return false
        case .completed, .cancelled, .ended, .expired: return true
        }
    }

    /// The word the desk sees in lists and filters ("to book").
    public var label: String {
        switch self {
        case .toBook: return "to book"
        default: return rawValue
        }
    }
}

/// Why the desk ended a treatment early (`frontdesk end ID --reason TEXT`).
public enum EndReason: Sendable, Equatable, Hashable {
    case customerWithdrew
    case clinicalDecision
    case movedAway
    /// Any other reason, in the desk's words.
    case other(String)

    /// The common reasons, in the order the desk is offered them.
    public static let offered: [EndReason] = [.customerWithdrew, .clinicalDecision, .movedAway]

    /// Reads a stored or typed reason: the common ones by their words ("customer withdrew",
    /// "clinical decision", "moved away", also with "-" or "_"), anything else as `.other`.
    public init(_ text: String) {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        switch key {
        case "customer withdrew", "withdrew": self = .customerWithdrew
        case "clinical decision", "clinical": self = .clinicalDecision
        case "moved away", "moved": self = .movedAway
        default: self = .other(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The words stored and shown.
    public var text: String {
        switch self {
        case .customerWithdrew: return "customer withdrew"
        case .clinicalDecision: return "clinical decision"
        case .movedAway: return "moved away"
        case .other(let text): return text
        }
    }
}
