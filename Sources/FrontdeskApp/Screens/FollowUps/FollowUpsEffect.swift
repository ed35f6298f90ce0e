import Foundation
import FrontdeskCore

/// What the Follow-ups screen asks the runtime to do; answered with a `FollowUpsAnswer`.
public enum FollowUpsEffect: Sendable, Equatable {
    /// The queue (one kind, or every kind) with what is due now, overdue and upcoming: a page of
    /// each kind, or as many as `loaded` says are on screen already (a reload keeps the place).
    case load(kind: FollowUpKind?, loaded: [FollowUpKind: Int] = [:])
    /// The next page of one kind, after the last entry shown (keyset paging).
    case loadMore(kind: FollowUpKind, after: FollowUpQueueCursor)
    /// Deliver one follow-up now with the configured notify command (as `followups --send --id`).
    case send(id: Int64)
    case markCalled(id: Int64, note: String)
    case dismiss(id: Int64)
    /// The treatment a follow-up is about, to book its next session.
    case loadTreatment(groupID: String)
}

/// The runtime's answers to `FollowUpsEffect`s.
public enum FollowUpsAnswer: Sendable, Equatable {
    case loaded(kind: FollowUpKind?, Result<FollowUpQueue, AppFailure>)
    case moreLoaded(kind: FollowUpKind, after: FollowUpQueueCursor, Result<[FollowUpQueueEntry], AppFailure>)
    /// What a send did, in words for the status line; failures are errors.
    case sent(id: Int64, Result<String, AppFailure>)
    case marked(id: Int64, Result<FollowUp, AppFailure>)
    case treatmentLoaded(Result<SessionGroup, AppFailure>)
}

extension FollowUpKind {
    /// The kind's name on the screen.
    public var title: String {
        switch self {
        case .confirmation: return "Confirmation"
        case .reminder: return "Reminder"
        case .progress: return "Progress"
        case .completion: return "Completion"
        case .nextSession: return "Next session"
        case .overdue: return "Overdue session"
        case .checkIn: return "Check-in"
        case .expiry: return "Expiry"
        case .cancellation: return "Cancellation notice"
        case .change: return "Change notice"
        }
    }
}
