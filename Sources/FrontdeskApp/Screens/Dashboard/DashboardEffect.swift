import Foundation
import FrontdeskCore

/// What the Dashboard asks the runtime to do; its runner reads the store's maintained counters
/// (`AppDatabase.dashboard`) and answers with a `DashboardAnswer`.
public enum DashboardEffect: Sendable, Equatable {
    /// Every figure for a period, provider and service (one read).
    case loadFigures(DashboardQuery)
    /// The providers and services the filter offers.
    case loadChoices
    /// The rows behind a tile (overdue, expiring, unscheduled, today).
    case loadList(KPIList, DashboardQuery)
    /// One treatment with its sessions, for the treatment panel.
    case loadGroup(DashboardGroupRequest)
    /// A session dialog's command (complete, cancel, no-show, move, notes, book next).
    case run(SessionCommand)
}

/// The runtime's answers to `DashboardEffect`s.
public enum DashboardAnswer: Sendable, Equatable {
    case figuresLoaded(DashboardQuery, Result<KPIReport, AppFailure>)
    case choicesLoaded(providers: [Provider], services: [Service])
    case listLoaded(KPIList, DashboardQuery, Result<KPIListRows, AppFailure>)
    case groupLoaded(DashboardGroupRequest, Result<SessionGroup, AppFailure>)
    case sessionChanged(SessionCommand, Result<SessionChangeResult, AppFailure>)
}

/// A treatment to load and what to do with it.
public struct DashboardGroupRequest: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// Open it in the treatment panel, its sessions focused.
        case open
        /// Open it, then run a session key on its next session (a key pressed on a list row).
        case openThen(SessionKey)
        /// Read the open treatment again after a change.
        case refresh
    }

    public var groupID: String
    public var purpose: Purpose

    public init(groupID: String, purpose: Purpose) {
        self.groupID = groupID
        self.purpose = purpose
    }
}
