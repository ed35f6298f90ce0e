import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct FollowUpsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "Generate the follow-ups that are due (idempotently) and list them.",
        discussion: """
        --send passes each pending follow-up as JSON on standard input to the notify command
        (notify_command in the configuration file, an argv list; never run through a shell) and marks it sent
        when the command exits 0.
        """)
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Deliver the pending follow-ups with the notify command.") var send = false
    @Option(help: "Mark one follow-up: ID=sent|called|dismissed.") var mark: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let calendar = db.calendar
        if let mark {
            let parts = mark.split(separator: "=")
            guard parts.count == 2, let id = Int64(parts[0]), let status = FollowUpStatus(rawValue: String(parts[1])) else {
                throw CommandFailure.invalid("--mark takes ID=sent, ID=called or ID=dismissed, e.g. --mark 12=called.")
            }
            let done = try store { () throws(StoreError) in try db.markFollowUp(id: id, as: status) }
            if json { Output.json(FollowUpJSON(done, calendar: calendar)); return }
            Output.line("Follow-up #\(done.id) marked \(done.status.rawValue).")
            return
        }
        let created = try store { () throws(StoreError) in try db.generateDueFollowUps() }
        let pending = try store { () throws(StoreError) in try db.followUps(status: .pending, dueBefore: db.now, limit: 1_000) }
        if send {
            let sent = try NotifyCommand.deliver(pending, database: db)
            if json { Output.json(["sent": sent]) } else { Output.line("Sent \(sent) follow-up\(sent == 1 ? "" : "s").") }
            return
        }
        if json {
            Output.json(pending.map { FollowUpJSON($0, calendar: calendar) })
            return
        }
        Output.error("\(created) new follow-up\(created == 1 ? "" : "s") generated.")
        if pending.isEmpty { Output.line("Nothing is due.") }
        for f in pending {
            Output.line("#\(f.id)  \(f.kind.rawValue)  \(f.customerName)  due \(calendar.dayTime(f.dueAt))")
            Output.line("    " + f.text.replacingOccurrences(of: "\n", with: "\n    "))
        }
    }
}
