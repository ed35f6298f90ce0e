import Foundation
import FrontdeskCore

/// What the Bookings screen asks the runtime to do. Plain data: the runtime performs it against
/// the store and answers with a `BookingsAnswer`.
public enum BookingsEffect: Sendable, Equatable {
    /// A page of the grouped list (keyset paging: a cursor, never an offset).
    case loadTreatments(TreatmentPageRequest)
    /// One treatment with all its sessions.
    case loadGroup(GroupRequest)
    /// Bookings of a day or a week.
    case loadAgenda(AgendaRequest)
    /// The providers, for the filter.
    case loadProviders
    /// Change a session (complete, cancel …) or book the next one.
    case run(SessionCommand)
}

/// The runtime's answers to `BookingsEffect`s.
public enum BookingsAnswer: Sendable, Equatable {
    case treatmentsLoaded(TreatmentPageRequest, Result<[TreatmentSummary], AppFailure>)
    case groupLoaded(GroupRequest, Result<SessionGroup, AppFailure>)
    case agendaLoaded(AgendaRequest, Result<[Booking], AppFailure>)
    case providersLoaded([Provider])
    case sessionChanged(SessionCommand, Result<SessionChangeResult, AppFailure>)
}

/// What a session command wrote.
public enum SessionChangeResult: Sendable, Equatable {
    case completed(CompletionOutcome)
    case bookings([Booking])
    /// A change to the whole treatment (ended, extended).
    case treatment(SessionGroup)
}

/// Why a page of the grouped list is wanted, which decides where its rows go.
public enum TreatmentPagePurpose: Sendable, Equatable {
    /// Replace the list (start, new filter); select the row with this id when it is there.
    case replace(selecting: String?)
    /// Rows after the last one (scrolling down).
    case append
    /// Rows before the first one (scrolling up, or filling the screen above today).
    case prepend
    /// The same place again after a change, keeping the selection on the same row.
    case refresh(selecting: String?)
}

/// A page of the grouped list.
public struct TreatmentPageRequest: Sendable, Equatable {
    public var filter: TreatmentFilter
    public var cursor: TreatmentCursor?
    public var backward: Bool
    public var limit: Int
    public var purpose: TreatmentPagePurpose

    public init(filter: TreatmentFilter, cursor: TreatmentCursor?, backward: Bool, limit: Int, purpose: TreatmentPagePurpose) {
        self.filter = filter
        self.cursor = cursor
        self.backward = backward
        self.limit = limit
        self.purpose = purpose
    }
}

/// What to do with a treatment once it is loaded.
public enum GroupPurpose: Sendable, Equatable {
    /// Show it open below the list.
    case open(focusSessions: Bool)
    /// Open it and then run an action on its next session (a session key pressed on a collapsed row).
    case openThen(BookingsAction)
    /// Refresh the open treatment after a change.
    case refresh
    /// Open it and move the list to it (after the booking flow booked it).
    case focus
}

/// One treatment to load.
public struct GroupRequest: Sendable, Equatable {
    public var groupID: String
    public var purpose: GroupPurpose

    public init(groupID: String, purpose: GroupPurpose) {
        self.groupID = groupID
        self.purpose = purpose
    }
}

/// The agenda of one or more whole days.
public struct AgendaRequest: Sendable, Equatable {
    public var firstDay: LocalDay
    public var days: Int
    public var filter: AgendaFilter
    public var limit: Int

    public init(firstDay: LocalDay, days: Int, filter: AgendaFilter, limit: Int) {
        self.firstDay = firstDay
        self.days = days
        self.filter = filter
        self.limit = limit
    }
}

/// A change to one session, as the store's intent-named operations take it.
public enum SessionCommand: Sendable, Equatable {
    case complete(bookingID: Int64)
    case cancel(bookingID: Int64, confirmedShortNotice: Bool)
    case noShow(bookingID: Int64)
    /// Moves a session; the flags say what staff confirmed after being asked (short notice, a late
    /// session beyond the maximum gap, the proposed plan for the later sessions).
    case reschedule(bookingID: Int64, to: Date, shiftLater: Bool, confirmedShortNotice: Bool,
                    confirmedLate: Bool = false, acceptProposal: Bool = false)
    case setNotes(bookingID: Int64, notes: String)
    /// Undo: a completed, cancelled or no-show session back to confirmed (`reopen`).
    case reopen(bookingID: Int64)
    /// Closes a treatment before its last session, with the reason (`endTreatment`).
    case endTreatment(groupID: String, reason: EndReason)
    /// Moves an expired or expiring package's end (`extendPackage`).
    case extendPackage(groupID: String, until: Date)
    /// The next session of a treatment (`bookSessions(groupID:)`).
    case bookNext(customerID: Int64, serviceID: Int64, groupID: String, start: Date, confirmedLate: Bool = false)

    /// The same command, confirmed for a change within 48 hours.
    public var confirmingShortNotice: SessionCommand {
        switch self {
        case let .cancel(id, _): return .cancel(bookingID: id, confirmedShortNotice: true)
        case let .reschedule(id, to, shift, _, late, proposal):
            return .reschedule(bookingID: id, to: to, shiftLater: shift, confirmedShortNotice: true, confirmedLate: late,
                               acceptProposal: proposal)
        default: return self
        }
    }

    /// The same command, with what the refusal asked for confirmed (a late session, a proposed plan);
    /// nil when the refusal is not one that confirming lets through.
    public func confirming(_ refusal: DeskRefusal) -> SessionCommand? {
        switch (self, refusal) {
        case let (.reschedule(id, to, shift, notice, _, proposal), .lateConfirmation):
            return .reschedule(bookingID: id, to: to, shiftLater: shift, confirmedShortNotice: notice, confirmedLate: true,
                               acceptProposal: proposal)
        case let (.reschedule(id, to, shift, notice, late, _), .shiftProposal):
            return .reschedule(bookingID: id, to: to, shiftLater: shift, confirmedShortNotice: notice, confirmedLate: late,
                               acceptProposal: true)
        case let (.bookNext(customer, service, group, start, _), .lateConfirmation):
            return .bookNext(customerID: customer, serviceID: service, groupID: group, start: start, confirmedLate: true)
        case (_, .shortNotice):
            return confirmingShortNotice
        default:
            return nil
        }
    }
}
