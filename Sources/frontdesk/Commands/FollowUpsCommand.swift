import ArgumentParser
import Foundation
import FrontdeskConfiguration
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore

struct FollowUpsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "Work out what is due (idempotently), list it, send it or mark it.",
        discussion: """
        --send claims each due follow-up in a transaction (so overlapping runs never send one twice), \
        renders its text from the data as it is then, and passes it as JSON on standard input to the \
        notify command (notify_command in the configuration, argv style, never through a shell). Each \
        attempt is recorded; a failure does not stop the run; a command running past notify_timeout is \
        killed. Nothing is sent in quiet_hours, nor to customers without SMS or e-mail consent.

        Examples:
          frontdesk followups
          frontdesk followups --send
          frontdesk followups --mark "3=called" --note "books next week"
        """)
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Deliver the due follow-ups with the notify command.") var send = false
    @Option(help: "With --send: only this follow-up.") var id: Int64?
    @Option(help: "Mark one follow-up: ID=sent|called|dismissed.") var mark: String?
    @Option(help: "With --mark: what was agreed or why.") var note = ""
    @Option(help: "List at most this many due follow-ups (1–10000).") var limit = 1000
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try NumericOption.check("--limit", limit, in: 1...10_000)
    }

    func run() throws {
        let db = try database.open()
        let calendar = db.calendar
        if let mark {
            let parts = mark.split(separator: "=")
            guard parts.count == 2, let id = Int64(parts[0]), let status = FollowUpStatus(rawValue: String(parts[1])),
                  [.sent, .called, .dismissed].contains(status) else {
                throw CommandFailure.invalid("--mark takes ID=sent, ID=called or ID=dismissed, e.g. --mark 12=called.")
            }
            let done = try store { () throws(StoreError) in try db.markFollowUp(id: id, as: status, note: note) }
            if json { Output.json(FollowUpJSON(done, calendar: calendar)); return }
            Output.line("Follow-up #\(done.id) marked \(done.status.rawValue).")
            return
        }
        let created = try store { () throws(StoreError) in try db.generateDueFollowUps() }
        if send {
            try deliver(db)
            return
        }
        let pending = try store { () throws(StoreError) in try db.followUps(status: .pending, dueBefore: db.now, limit: limit) }
        if pending.count == limit { Output.cutShort(limit, "follow-ups due") }
        if json {
            Output.json(pending.map { FollowUpJSON($0, calendar: calendar) })
            return
        }
        Output.error("\(created) new follow-up\(created == 1 ? "" : "s") generated.")
        if pending.isEmpty { Output.line("Nothing is due.") }
        for f in pending {
            Output.line("#\(f.id)  \(f.kind.rawValue)  \(TerminalSafeText.escaped(f.customerName, keepingNewlines: false))  due \(calendar.dayTime(f.dueAt))")
            Output.line("    " + f.text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafeText.escaped(String($0), keepingNewlines: false) }.joined(separator: "\n    "))
        }
    }

    private func deliver(_ db: AppDatabase) throws(CommandFailure) {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try Settings.load(environment: environment)
        guard !configuration.notifyCommand.isEmpty else {
            let file = ConfigurationFiles.userFile(environment: environment)
            throw .invalid("No notify_command is configured. Add e.g. notify_command = [\"/usr/local/bin/frontdesk-notify-sms\"] to \(file) (see examples/notify/), or mark follow-ups called instead.")
        }
        let settings = FollowUpSending(command: configuration.notifyCommand, timeout: configuration.notifyTimeout,
                                       templates: configuration.messageTemplates, quietHours: configuration.quietHours,
                                       sendCancellationNotices: configuration.sendCancellationNotices)
        let calendar = db.calendar
        let sender = FollowUpSender(database: db, settings: settings) { notifyPayload($0, text: $1, calendar: calendar) }
        let report = try store { () throws(StoreError) in try sender.sendDue(onlyID: id) }
        let toCall = try store { () throws(StoreError) in try db.dueFollowUpsToCall() }
        if json {
            Output.json(SendReportJSON(sent: report.sent, failed: report.failed.map { .init(id: $0.id, reason: $0.reason) },
                                       heldUntil: report.heldUntil, toCall: toCall))
        } else if let until = report.heldUntil {
            Output.line("Quiet hours (\(configuration.quietHours.description)): nothing sent; due follow-ups wait until \(until).")
            return
        } else {
            for failure in report.failed {
                Output.error("Follow-up #\(failure.id) was not sent (\(TerminalSafeText.escaped(failure.reason, keepingNewlines: false))); it stays pending.")
            }
            Output.line("Sent \(report.sent.count) follow-up\(report.sent.count == 1 ? "" : "s")"
                        + (report.failed.isEmpty ? "." : "; \(report.failed.count) failed and stay pending."))
            if toCall > 0 {
                Output.line("\(toCall) due follow-up\(toCall == 1 ? " is" : "s are") for customers without SMS or e-mail consent: call them (frontdesk followups lists them).")
            }
        }
        if !report.failed.isEmpty { throw .failed("\(report.failed.count) follow-up\(report.failed.count == 1 ? "" : "s") could not be sent; see above.") }
    }
}
