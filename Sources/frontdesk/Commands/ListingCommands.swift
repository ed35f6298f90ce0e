import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda", abstract: "Bookings day by day.",
        discussion: """
        Examples:
          frontdesk agenda
          frontdesk agenda --from 2026-03-16 --days 5 --provider "Lea Meier"
        """)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "First day: \"today\", \"mon\", \"2026-03-10\", \"10.3.\" (default: today).") var from = "today"
    @Option(help: "How many days.") var days = 1
    @Option(help: "Only this provider.") var provider: String?
    @Flag(help: "Include cancelled sessions.") var all = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try NumericOption.check("--days", days, in: 1...366)
    }

    func run() throws {
        let db = try database.open(readOnly: true)
        let calendar = db.calendar
        let first: LocalDay
        do { first = try DateInputParser(calendar: calendar, now: db.now).parseDay(from) } catch {
            throw CommandFailure.invalid("--from \(TextLimits.quote(from)): \(error)")
        }
        guard (1...366).contains(days) else { throw CommandFailure.invalid("--days must be between 1 and 366.") }
        var filter = AgendaFilter()
        if let provider { filter.providerID = try store { () throws(StoreError) in try db.resolveProvider(provider).id } }
        if !all { filter.statuses = [.confirmed, .completed, .noShow] }
        var cursor: AgendaCursor?
        var objects: [BookingJSON] = []
        var currentDay: LocalDay?
        var printed = 0
        let nouns = json ? nil : try SessionNouns(db)
        // Page through the range so even a busy week never sits in memory at once.
        repeat {
            let page = try store { () throws(StoreError) in try db.agenda(day: first, days: days, filter: filter, after: cursor, limit: 500) }
            for b in page {
                if json { objects.append(BookingJSON(b, calendar: calendar)); continue }
                let day = calendar.localDay(of: b.start)
                if day != currentDay {
                    if currentDay != nil { Output.line() }
                    Output.line(calendar.longDay(b.start))
                    currentDay = day
                }
                Output.line("  " + Output.bookingLine(b, calendar: calendar, noun: nouns?[b] ?? "Session"))
                printed += 1
            }
            cursor = page.last.map { AgendaCursor(start: $0.start, bookingID: $0.id) }
            if page.count < 500 { break }
        } while true
        if json { Output.json(objects); return }
        if printed == 0 { Output.line("No bookings from \(first) for \(days) day\(days == 1 ? "" : "s").") }
    }
}

struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "Treatments with their progress.",
        discussion: """
        Examples:
          frontdesk groups --customer "Lukas Huber"
          frontdesk groups --state needs_outcome
          frontdesk groups --strategy flexible --state to_book
        """)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only this customer's treatments (name or number).") var customer: String?
    @Option(help: "Only treatments in this state.") var state: TreatmentFilter.State?
    @Option(help: "Only treatments with this strategy.") var strategy: Strategy?
    @Option(help: "At most this many (1–10000).") var limit = 200
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try NumericOption.check("--limit", limit, in: 1...10_000)
    }

    func run() throws {
        let db = try database.open(readOnly: true)
        let calendar = db.calendar
        var filter = TreatmentFilter(includeSingles: false)
        if let customer { filter.customerID = try store { () throws(StoreError) in try db.resolveCustomer(customer).id } }
        filter.state = state
        filter.strategy = strategy
        let rows = try store { () throws(StoreError) in try db.treatments(filter: filter, limit: limit) }
        if rows.count == limit { Output.cutShort(limit, "treatments") }
        var groups: [SessionGroup] = []
        for row in rows { if let id = row.groupID { groups.append(try store { () throws(StoreError) in try db.group(id: id) }) } }
        if json {
            Output.json(groups.map { TreatmentJSON($0, calendar: calendar, now: db.now) })
            return
        }
        if groups.isEmpty { Output.line("No treatments match.") }
        for g in groups {
            let p = g.progress(now: db.now)
            let next = p.next.map { " · next \(calendar.dayTime($0.start))" } ?? ""
            Output.line("\(g.id)  \(g.customerName) · \(g.serviceName) · \(g.strategy.rawValue)  \(g.state(now: db.now).label) · \(p.completed)/\(g.totalSessions) completed, \(p.booked) booked, \(p.remaining) remaining\(next)")
        }
    }
}
