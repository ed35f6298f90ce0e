import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Sends one follow-up now, exactly as `followups --send --id` does (claimed in a transaction, the
/// notify command run with its timeout, the attempt recorded). The executable makes it from the
/// configuration; nil when no notify command is configured.
public typealias FollowUpSendNow = @Sendable (_ id: Int64) throws(StoreError) -> SendReport

/// Performs the Follow-ups screen's effects against the store; "send now" goes through the sender,
/// so the screen never runs a process itself.
public struct FollowUpsRunner: ScreenRunner {
    public let database: AppDatabase
    public let sendNow: FollowUpSendNow?

    public init(database: AppDatabase, sendNow: FollowUpSendNow?) {
        self.database = database
        self.sendNow = sendNow
    }

    public func perform(_ effect: FollowUpsEffect) -> FollowUpsAnswer? {
        switch effect {
        case let .load(kind, loaded):
            return .loaded(kind: kind, StoreAttempt.run { () throws(StoreError) in
                try database.followUpQueue(kind: kind, limitPerKind: FollowUpsState.pageSize, loaded: loaded)
            })
        case let .loadMore(kind, after):
            return .moreLoaded(kind: kind, after: after, StoreAttempt.run { () throws(StoreError) in
                try database.followUpQueuePage(kind: kind, after: after, limit: FollowUpsState.pageSize)
            })
        case let .markCalled(id, note):
            return .marked(id: id, StoreAttempt.run { () throws(StoreError) in try database.markFollowUpCalled(id: id, note: note) })
        case .dismiss(let id):
            return .marked(id: id, StoreAttempt.run { () throws(StoreError) in try database.dismissFollowUp(id: id) })
        case .loadTreatment(let groupID):
            return .treatmentLoaded(StoreAttempt.run { () throws(StoreError) in try database.group(id: groupID) })
        case .send(let id):
            guard let sendNow else {
                return .sent(id: id, .failure(AppFailure(message:
                    "No notify_command is configured, so nothing can be sent from here. Add one to the configuration "
                    + "(see examples/notify/), or call the customer and mark it called (c).")))
            }
            return .sent(id: id, StoreAttempt.run { () throws(StoreError) in try Self.wording(sendNow(id)) }.flatMap { $0 })
        }
    }

    /// The report of a one-message run, in words for the status line.
    static func wording(_ report: SendReport) -> Result<String, AppFailure> {
        if let until = report.heldUntil {
            return .failure(AppFailure(message: "Quiet hours: nothing is sent before \(until). Call instead, or send it then."))
        }
        if let failure = report.failed.first {
            return .failure(AppFailure(message: "Not sent: the notify command failed (\(failure.reason)). It stays pending."))
        }
        if report.sent.isEmpty {
            return .failure(AppFailure(message: "Not sent: it is no longer pending, or another terminal is sending it."))
        }
        return .success("Sent.")
    }
}
