import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write bookings to a calendar file, or bookings, customers and treatments to CSV.",
        subcommands: [ICSExport.self, CSVExport.self])
}

/// The bookings an export covers: --from/--to days, a provider, a customer.
struct ExportSelection: ParsableArguments {
    @Option(help: "First day (\"today\", \"2026-03-01\", \"1.3.\"). Default: the first booking.") var from: String?
    @Option(help: "Last day, included. Default: the last booking.") var to: String?
    @Option(help: "Only this provider (name or number).") var provider: String?
    @Option(help: "Only this customer (name or number).") var customer: String?

    func filter(_ db: AppDatabase) throws(CommandFailure) -> AgendaFilter {
        var filter = AgendaFilter()
        if let provider { filter.providerID = try store { () throws(StoreError) in try db.resolveProvider(provider).id } }
        if let customer { filter.customerID = try store { () throws(StoreError) in try db.resolveCustomer(customer).id } }
        return filter
    }

    /// [start, end) as instants; nil when there is nothing to export.
    func range(_ db: AppDatabase, filter: AgendaFilter) throws(CommandFailure) -> (Date, Date)? {
        let parser = DateInputParser(calendar: db.calendar, now: db.now)
        func day(_ text: String, _ option: String) throws(CommandFailure) -> LocalDay {
            do { return try parser.parseDay(text) } catch { throw .invalid("--\(option) \(text): \(error)") }
        }
        let span = try store { () throws(StoreError) in try db.bookingSpan(filter: filter) }
        let start = try from.map { (text) throws(CommandFailure) in db.calendar.startOfDay(try day(text, "from")) } ?? span?.first
        let end = try to.map { (text) throws(CommandFailure) in db.calendar.startOfDay(try day(text, "to").adding(days: 1)) }
            ?? span.map { $0.last.addingTimeInterval(1) }
        guard let start, let end else { return nil }
        guard start < end else { throw .invalid("--to is before --from. Give the first day, then the last.") }
        return (start, end)
    }
}

struct ICSExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics", abstract: "Bookings as an iCalendar file (RFC 5545) for calendar apps.",
        discussion: """
        One event per booking, cancelled ones included (STATUS:CANCELLED) so a calendar that imported \
        them before removes them. Each event keeps its UID across exports and raises SEQUENCE whenever \
        it is moved, so importing again updates instead of duplicating.

        Examples:
          frontdesk export ics --from today --to +4w -o clinic.ics
          frontdesk export ics --provider "Dr. Anna Keller" --anonymous -o keller.ics
        """)
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var selection: ExportSelection
    @Flag(help: "Leave customer names, contact data and notes out (for a practitioner's phone).") var anonymous = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
            completion: .file(extensions: ["ics"])) var output: String?

    func run() throws {
        let db = try database.open(readOnly: true)
        let filter = try selection.filter(db)
        let range = try selection.range(db, filter: filter)
        let writer = ICalendarWriter(calendar: db.calendar, domain: try store { () throws(StoreError) in try db.calendarDomain() },
                                     anonymous: anonymous)
        let sink = try ExportSink(path: output)
        let now = db.now
        sink.write(writer.header(covering: range?.0 ?? now, to: range?.1 ?? now))
        var count = 0
        if let (start, end) = range {
            var cursor: AgendaCursor?
            repeat {
                let page = try store { () throws(StoreError) in
                    try db.exportedBookings(from: start, to: end, filter: filter, after: cursor, limit: 2000)
                }
                for exported in page { sink.write(writer.event(exported)) }
                count += page.count
                cursor = page.last.map { AgendaCursor(start: $0.booking.start, bookingID: $0.booking.id) }
                if page.count < 2000 { break }
            } while true
        }
        sink.write(writer.footer())
        try sink.finish()
        if let output, output != "-" { Output.error("Wrote \(count) event\(count == 1 ? "" : "s") to \(output).") }
    }
}
