/// How the sessions of a multi-session service are booked (SPEC §3).
public enum Strategy: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// All sessions at once, spaced by the buffer rules (e.g. a dental implant).
    case immediate
    /// The next session is booked after each completion (e.g. physiotherapy).
    case sequential
    /// The customer books at their own pace from a package (e.g. driving lessons).
    case flexible

    /// The one-line explanation staff see next to the strategy.
    public var summary: String {
        switch self {
        case .immediate: return "all sessions booked at once, e.g. dental implant"
        case .sequential: return "next session after completion, e.g. physiotherapy"
        case .flexible: return "customer decides how many, e.g. driving lessons"
        }
    }
}

/// The life of one booking.
public enum BookingStatus: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case confirmed
    case completed
    case cancelled
    case noShow = "no_show"

    /// Whether the booking still holds its provider's time (cancelled ones free it).
    public var holdsSlot: Bool { self != .cancelled }

    /// Whether the booking holds its session number: a cancelled or missed (no-show) session leaves
    /// its number to be booked again.
    public var holdsNumber: Bool { self == .confirmed || self == .completed }
}

/// The kinds of customer follow-up of SPEC §4.
public enum FollowUpKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case confirmation
    case reminder
    case progress
    case completion
    case nextSession = "next_session"
    case overdue
    case checkIn = "check_in"
    case expiry
}

/// Where a follow-up stands.
public enum FollowUpStatus: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case pending
    case sent
    case called
    case dismissed
}
