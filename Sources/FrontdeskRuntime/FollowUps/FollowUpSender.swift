import Foundation
import FrontdeskCore
import FrontdeskStore

/// How `followups --send` (and the screen's "send now") deliver: from the configuration.
public struct FollowUpSending: Sendable, Equatable {
    /// The notify command, argv style.
    public var command: [String]
    /// Seconds a notify command may run before it is killed.
    public var timeout: TimeInterval
    public var templates: MessageTemplates
    public var quietHours: QuietHours
    /// Whether cancellation notices are sent (otherwise they wait for staff to call or dismiss).
    public var sendCancellationNotices: Bool

    public init(command: [String], timeout: TimeInterval = 30, templates: MessageTemplates = MessageTemplates(),
                quietHours: QuietHours = QuietHours(), sendCancellationNotices: Bool = true) {
        self.command = command
        self.timeout = timeout
        self.templates = templates
        self.quietHours = quietHours
        self.sendCancellationNotices = sendCancellationNotices
    }
}

/// What one sending run did.
public struct SendReport: Sendable, Equatable {
    public var sent: [Int64] = []
    /// Follow-up id and why it failed (exit status and first line of standard error, or the timeout).
    public var failed: [(id: Int64, reason: String)] = []
    /// Set when nothing was sent because of quiet hours.
    public var heldUntil: String?

    public init(sent: [Int64] = [], failed: [(id: Int64, reason: String)] = [], heldUntil: String? = nil) {
        self.sent = sent
        self.failed = failed
        self.heldUntil = heldUntil
    }

    public static func == (a: SendReport, b: SendReport) -> Bool {
        a.sent == b.sent && a.heldUntil == b.heldUntil && a.failed.map(\.id) == b.failed.map(\.id) && a.failed.map(\.reason) == b.failed.map(\.reason)
    }
}

/// Delivers due follow-ups one by one: each is claimed in a transaction, rendered from the data as it
/// is at that moment, passed as JSON to the notify command, and the attempt recorded. A failure or a
/// timeout is recorded and the run goes on with the next.
public struct FollowUpSender {
    public let database: AppDatabase
    public let settings: FollowUpSending
    /// Identifies this run's claims.
    public let claimant: String
    /// The notify command's input for a follow-up and its rendered text (the command line's one JSON
    /// shape of a follow-up, with the customer's consents).
    public let payload: (FollowUpDelivery, String) -> Data

    public init(database: AppDatabase, settings: FollowUpSending, claimant: String = "\(getpid()):\(UUID().uuidString)",
                payload: @escaping (FollowUpDelivery, String) -> Data) {
        self.database = database
        self.settings = settings
        self.claimant = claimant
        self.payload = payload
    }

    /// A claim older than this belongs to a sender that died; it is taken over.
    var staleAfter: TimeInterval { settings.timeout * 2 + 60 }

    /// Sends every due follow-up (or only `onlyID`), unless it is quiet hours.
    public func sendDue(onlyID: Int64? = nil) throws(StoreError) -> SendReport {
        var report = SendReport()
        if settings.quietHours.contains(database.now, calendar: database.calendar) {
            report.heldUntil = DateWording.time24(minuteOfDay: settings.quietHours.end)
            return report
        }
        var kinds = Set(FollowUpKind.allCases)
        if !settings.sendCancellationNotices { kinds.remove(.cancellation) }
        var tried = Set<Int64>()
        while true {
            let claimed: FollowUpDelivery?
            if let onlyID {
                claimed = tried.contains(onlyID) ? nil : try database.claimFollowUp(id: onlyID, claimant: claimant, staleAfter: staleAfter)
            } else {
                claimed = try database.claimNextFollowUp(claimant: claimant, skipping: tried, kinds: kinds, staleAfter: staleAfter)
            }
            guard let delivery = claimed else { break }
            tried.insert(delivery.followUp.id)
            let result = NotifyProcess.run(argv: settings.command, input: payload(delivery, render(delivery)), timeout: settings.timeout)
            let outcome: DeliveryOutcome = !result.started ? .notStarted : result.timedOut ? .timedOut : result.exitStatus == 0 ? .sent : .failed
            try database.recordDeliveryAttempt(id: delivery.followUp.id, claimant: claimant, outcome: outcome,
                                               exitStatus: result.exitStatus, stderrLine: result.stderrFirstLine)
            switch outcome {
            case .sent: report.sent.append(delivery.followUp.id)
            case .timedOut: report.failed.append((delivery.followUp.id, "killed after \(Int(settings.timeout)) s"))
            case .notStarted: report.failed.append((delivery.followUp.id, result.stderrFirstLine))
            case .failed:
                report.failed.append((delivery.followUp.id, "exit \(result.exitStatus ?? -1)"
                                      + (result.stderrFirstLine.isEmpty ? "" : ": \(result.stderrFirstLine)")))
            }
        }
        return report
    }

    public func render(_ delivery: FollowUpDelivery) -> String {
        settings.templates.render(delivery.followUp.kind, delivery.fields, calendar: database.calendar)
    }
}
