import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct ClinicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clinic", abstract: "Clinic-wide settings.",
                                                    subcommands: [Closed.self])

    struct Closed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "closed",
            abstract: "Days the whole clinic is closed (public holidays); every planner skips them.",
            subcommands: [Add.self, Remove.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Close the clinic on DATE. Manager work.",
                discussion: """
                Examples:
                  frontdesk clinic closed add 2026-12-25 --reason Christmas
                """)
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The day (YYYY-MM-DD).") var date: String
            @Option(help: "Why, e.g. \"Christmas\".") var reason = ""
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try ManagerGate.require("change clinic closed days")
                let db = try database.open()
                let day = try Closed.day(date, db: db)
                let bookings = try store { () throws(StoreError) in try db.addClinicClosedDay(day, reason: reason) }
                if json {
                    Output.json(ClosedDayJSON(day: day.description, reason: reason,
                                              bookingsOnIt: bookings.map { BookingJSON($0, calendar: db.calendar) }))
                    return
                }
                Output.line("The clinic is closed on \(day) (\(day.shortText))\(reason.isEmpty ? "" : ": \(TerminalText.safe(reason))").")
                ProviderCommand.printUncovered(bookings, provider: "the clinic", calendar: db.calendar)
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "remove", abstract: "Open the clinic again on DATE. Manager work.",
                discussion: """
                Examples:
                  frontdesk clinic closed remove 2026-12-25
                """)
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "The day (YYYY-MM-DD).") var date: String
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                try ManagerGate.require("change clinic closed days")
                let db = try database.open()
                let day = try Closed.day(date, db: db)
                try store { () throws(StoreError) in try db.removeClinicClosedDay(day) }
                if json { Output.json(ClinicOpenJSON(day: day.description, open: true)); return }
                Output.line("The clinic is open again on \(day) (\(day.shortText)).")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the clinic's closed days.",
                discussion: """
                Examples:
                  frontdesk clinic closed list --from 2026-01-01
                """)
            @OptionGroup var database: DatabaseOptions
            @Option(help: "Only from this day on (YYYY-MM-DD).") var from: String?
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let db = try database.open()
                let first = try from.map { (text: String) throws(CommandFailure) in try Closed.day(text, db: db) }
                let days = try store { () throws(StoreError) in try db.clinicClosedDays(from: first) }
                if json { Output.json(days.map { ClosedDayJSON(day: $0.day.description, reason: $0.reason, bookingsOnIt: nil) }); return }
                if days.isEmpty { Output.line("No closed days. Add one with `frontdesk clinic closed add YYYY-MM-DD --reason TEXT`.") }
                for closed in days {
                    Output.line("\(closed.day)  \(closed.day.shortText)\(closed.reason.isEmpty ? "" : "  \(TerminalText.safe(closed.reason))")")
                }
            }
        }

        static func day(_ text: String, db: AppDatabase) throws(CommandFailure) -> LocalDay {
            if let day = LocalDay(iso: text) { return day }
            do { return try DateInputParser(calendar: db.calendar, now: db.now).parseDay(text) } catch {
                throw .invalid("\(text): \(error) Use YYYY-MM-DD, e.g. 2026-12-25.")
            }
        }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Who changed what, when: services, providers, closed days, bookings.",
        discussion: """
        Examples:
          frontdesk audit --since 2026-03-01 --limit 50
          frontdesk audit --since yesterday
        """)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "From this day or time on: \"2026-03-01\", \"mon\", \"yesterday\".") var since: String?
    @Option(help: "At most this many (the newest; 1–10000).") var limit = 1000
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try NumericOption.check("--limit", limit, in: 1...10_000)
    }

    func run() throws {
        let db = try database.open()
        let calendar = db.calendar
        var start: Date?
        if let since {
            let parser = DateInputParser(calendar: calendar, now: db.now)
            if let day = LocalDay(iso: since) {
                start = calendar.startOfDay(day)
            } else if let day = try? parser.parseDay(since) {
                start = calendar.startOfDay(day)
            } else {
                do { start = try parser.parse(since) } catch { throw CommandFailure.invalid("--since \(since): \(error)") }
            }
        }
        let events = try store { () throws(StoreError) in try db.auditEvents(since: start, limit: limit) }
        if events.count == limit { Output.cutShort(limit, "changes") }
        if json {
            Output.json(events.map { event in
                AuditEventJSON(id: event.id, at: calendar.iso8601(event.at), actor: event.actor, action: event.action,
                               entity: event.entity, entityID: event.entityID,
                               before: event.before.map(JSONValue.init(storedText:)), after: event.after.map(JSONValue.init(storedText:)))
            })
            return
        }
        if events.isEmpty { Output.line("No changes recorded\(since.map { " since \($0)" } ?? "").") }
        for event in events {
            Output.line(TerminalText.safe("\(calendar.dayTime(event.at))  \(event.actor)  \(event.action) \(event.entity) \(event.entityID)"))
            if let before = event.before { Output.line("    before: " + TerminalText.safe(before)) }
            if let after = event.after { Output.line("    after:  " + TerminalText.safe(after)) }
        }
    }
}
