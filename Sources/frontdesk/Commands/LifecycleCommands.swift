import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

/// `frontdesk end ID --reason TEXT`: close a treatment early (closed, not completed).
struct EndCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end", abstract: "End a treatment early with a reason (it counts as closed, not completed).",
        discussion: """
        Sessions that have not started are cancelled with it; pending follow-ups are withdrawn. Undo with `frontdesk reopen` on one of its sessions.

        Examples:
          frontdesk end 6da0b217-88bd-4eb6-8c23-b8de508f4980 --reason "moved away"
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The treatment (session_group_id, as `frontdesk groups` shows it).") var id: String
    @Option(help: "Why: \"customer withdrew\", \"clinical decision\", \"moved away\", or your own words.") var reason: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let outcome = try store { () throws(StoreError) in try db.endTreatment(groupID: id, reason: EndReason(reason)) }
        let calendar = db.calendar
        if json {
            Output.json(EndJSON(group: TreatmentJSON(outcome.group, calendar: calendar, now: db.now),
                                cancelledSessions: outcome.cancelledSessions.map { BookingJSON($0, calendar: calendar) }))
            return
        }
        let g = outcome.group
        let progress = g.progress(now: db.now)
        // The reason and the names are the desk's own text: control characters are shown, not sent.
        let why = KPIOutput.escaped(g.ended?.reason.text ?? reason)
        Output.line("Ended early (\(why)): \(KPIOutput.escaped(g.customerName)) · \(KPIOutput.escaped(g.serviceName)), \(progress.completed) of \(g.totalSessions) completed.")
        for b in outcome.cancelledSessions { Output.line("Cancelled: " + Output.bookingLine(b, calendar: calendar, noun: g.sessionNoun)) }
    }
}

/// `frontdesk reopen ID`: undo a session's outcome (completed, cancelled or no-show back to confirmed).
struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Undo a session's outcome: completed, cancelled or no-show back to confirmed.",
        discussion: """
        Refused when another booking holds the session's time or number. A completed or ended treatment opens again.

        Examples:
          frontdesk reopen 68
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The booking number.") var id: Int64
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let outcome = try store { () throws(StoreError) in try db.reopen(bookingID: id) }
        let calendar = db.calendar
        if json {
            Output.json(ReopenJSON(booking: BookingJSON(outcome.booking, calendar: calendar),
                                   previousStatus: outcome.previousStatus.rawValue, treatmentReopened: outcome.treatmentReopened,
                                   group: outcome.group.map { TreatmentJSON($0, calendar: calendar, now: db.now) }))
            return
        }
        let noun = outcome.group?.sessionNoun ?? "Session"
        Output.line("Reopened (was \(outcome.previousStatus.rawValue.replacingOccurrences(of: "_", with: "-"))): "
                    + Output.bookingLine(outcome.booking, calendar: calendar, noun: noun))
        if let group = outcome.group {
            let state = group.state(now: db.now)
            Output.line("Treatment \(outcome.treatmentReopened ? "open again" : "stays open"): \(state.label).")
        }
    }
}

/// `frontdesk extend GROUP --until DAY`: give a package more time.
struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Extend a package until a day (an expired package takes bookings again).",
        discussion: """
        Examples:
          frontdesk extend 6da0b217-88bd-4eb6-8c23-b8de508f4980 --until 2026-12-31
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The treatment (session_group_id).") var id: String
    @Option(help: "The last day the package can be used, e.g. 2026-12-31 or +3m.") var until: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try ManagerGate.require("extend packages")
        let db = try database.open()
        let calendar = db.calendar
        let parser = DateInputParser(calendar: calendar, now: db.now)
        let day: LocalDay
        do { day = try parser.parseDay(until) } catch { throw CommandFailure.invalid("--until \(until): \(error)") }
        // Usable through the whole of that day.
        let end = calendar.startOfDay(day.adding(days: 1)).addingTimeInterval(-1)
        let group = try store { () throws(StoreError) in try db.extendPackage(groupID: id, until: end) }
        if json { Output.json(TreatmentJSON(group, calendar: calendar, now: db.now)); return }
        Output.line("Extended until \(calendar.shortDayWithYear(day)): \(KPIOutput.escaped(group.customerName)) · \(KPIOutput.escaped(group.serviceName)) (\(group.state(now: db.now).label)).")
    }
}

/// `end --json`: the treatment as it is now and the sessions cancelled with it.
struct EndJSON: Encodable {
    var group: TreatmentJSON
    var cancelledSessions: [BookingJSON]

    enum CodingKeys: String, CodingKey { case group, cancelledSessions = "cancelled_sessions" }
}

/// `reopen --json`: the session back to confirmed, what it was, and its treatment (null for a single).
struct ReopenJSON: Encodable {
    var booking: BookingJSON
    var previousStatus: String
    var treatmentReopened: Bool
    var group: TreatmentJSON?

    enum CodingKeys: String, CodingKey {
        case booking, group, previousStatus = "previous_status", treatmentReopened = "treatment_reopened"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(booking, forKey: .booking)
        try c.encode(previousStatus, forKey: .previousStatus)
        try c.encode(treatmentReopened, forKey: .treatmentReopened)
        try c.encode(group, forKey: .group)
    }
}
