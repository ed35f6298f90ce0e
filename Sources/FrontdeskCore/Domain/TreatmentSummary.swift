import Foundation

/// One row of the grouped Bookings list: a whole treatment, or a single booking.
public struct TreatmentSummary: Sendable, Equatable, Identifiable {
    public enum Kind: Sendable, Equatable { case group, single }

    /// "g:<session_group_id>" or "b:<booking id>": unique across both kinds.
    public var id: String { kind == .group ? "g:" + (groupID ?? "") : "b:\(bookingID ?? 0)" }
    public var kind: Kind
    public var groupID: String?
    public var bookingID: Int64?
    public var customerID: Int64
    public var customerName: String
    public var serviceName: String
    public var sessionNoun: String
    /// nil for a single booking.
    public var strategy: Strategy?
    public var totalSessions: Int
    public var completed: Int
    public var booked: Int
    public var cancelled: Int
    public var noShow: Int
    /// The earliest confirmed session (a single booking's own start while it is confirmed).
    public var nextStart: Date?
    /// The listing position: next unresolved session, else the latest one.
    public var anchor: Date
    /// A single booking's status; nil for a treatment.
    public var singleStatus: BookingStatus?
    public var groupCancelled: Bool
    public var completedAt: Date?
    public var expiresAt: Date?
    /// A treatment's state when the page was read (`GroupState`, with expiry applied); `.active` for a single booking.
    public var state: GroupState
    /// The start of the treatment's earliest confirmed session that has ended without an outcome.
    public var needsOutcomeSince: Date?

    public init(kind: Kind, groupID: String?, bookingID: Int64?, customerID: Int64, customerName: String,
                serviceName: String, sessionNoun: String, strategy: Strategy?, totalSessions: Int, completed: Int,
                booked: Int, cancelled: Int, noShow: Int, nextStart: Date?, anchor: Date, singleStatus: BookingStatus?,
                groupCancelled: Bool, completedAt: Date?, expiresAt: Date?, state: GroupState = .active,
                needsOutcomeSince: Date? = nil) {
        self.kind = kind
        self.groupID = groupID
        self.bookingID = bookingID
        self.customerID = customerID
        self.customerName = customerName
        self.serviceName = serviceName
        self.sessionNoun = sessionNoun
        self.strategy = strategy
        self.totalSessions = totalSessions
        self.completed = completed
        self.booked = booked
        self.cancelled = cancelled
        self.noShow = noShow
        self.nextStart = nextStart
        self.anchor = anchor
        self.singleStatus = singleStatus
        self.groupCancelled = groupCancelled
        self.completedAt = completedAt
        self.expiresAt = expiresAt
        self.state = state
        self.needsOutcomeSince = needsOutcomeSince
    }

    /// Session numbers without a confirmed or completed booking (cancelled and missed ones count again).
    public var remaining: Int { max(totalSessions - completed - booked, 0) }
}

/// A position in the grouped list: the anchor time and the row's id break ties.
public struct TreatmentCursor: Sendable, Equatable, Hashable {
    public var anchor: Date
    public var rowID: String

    public init(anchor: Date, rowID: String) {
        self.anchor = anchor
        self.rowID = rowID
    }

    public init(_ row: TreatmentSummary) {
        self.init(anchor: row.anchor, rowID: row.id)
    }
}

/// Which rows the grouped list shows.
public struct TreatmentFilter: Sendable, Equatable {
    /// A treatment state (`GroupState`), or `needsOutcome`: a session has ended and is neither completed nor a no-show.
    public enum State: String, Sendable, Equatable, CaseIterable {
        case active
        case toBook = "to_book"
        case needsOutcome = "needs_outcome"
        case completed
        case cancelled
        case ended
        case expired

        /// The words the desk sees ("to book", "needs outcome").
        public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
    }

    public var from: Date?
    public var to: Date?
    public var providerID: Int64?
    public var strategy: Strategy?
    public var state: State?
    public var customerQuery: String?
    public var customerID: Int64?
    /// False lists treatments only, without single bookings.
    public var includeSingles: Bool

    public init(from: Date? = nil, to: Date? = nil, providerID: Int64? = nil, strategy: Strategy? = nil,
                state: State? = nil, customerQuery: String? = nil, customerID: Int64? = nil, includeSingles: Bool = true) {
        self.includeSingles = includeSingles
        self.from = from
        self.to = to
        self.providerID = providerID
        self.strategy = strategy
        self.state = state
        self.customerQuery = customerQuery
        self.customerID = customerID
    }
}
