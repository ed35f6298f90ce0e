import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

/// What `export csv` and `import csv` read and write.
enum SpreadsheetKind: String, ExpressibleByArgument, CaseIterable {
    case bookings, customers, treatments
}

struct CSVExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv", abstract: "Bookings, customers or treatments as CSV (RFC 4180, UTF-8, header row).",
        discussion: """
        Times are the clinic's local ISO 8601 with its offset (2026-03-10T14:00:00+01:00). The files \
        import into an empty database with `frontdesk import csv`: customers first, then bookings, then \
        treatments (created, package expiry, how each was closed, and the rules it was booked under).

        Examples:
          frontdesk export csv customers -o customers.csv
          frontdesk export csv treatments -o treatments.csv
          frontdesk export csv bookings --from 2026-01-01 --to 2026-12-31 -o 2026.csv
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("What to export.", valueName: "bookings|customers|treatments")) var kind: SpreadsheetKind
    @OptionGroup var selection: ExportSelection
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
            completion: .file(extensions: ["csv"])) var output: String?

    func validate() throws {
        if kind != .bookings, selection.from != nil || selection.to != nil || selection.provider != nil || selection.customer != nil {
            throw ValidationError("--from, --to, --provider and --customer select bookings; \(kind.rawValue) are exported whole.")
        }
    }

    func run() throws {
        let db = try database.open(readOnly: true)
        let sink = try ExportSink(path: output)
        var count = 0
        switch kind {
        case .customers:
            sink.write(CSVWriter.row(SpreadsheetRows.customerHeader))
            var last: Int64 = 0
            while true {
                let page = try store { () throws(StoreError) in try db.customersPage(after: last, limit: 2000) }
                for customer in page { sink.write(CSVWriter.row(SpreadsheetRows.customerRow(customer))) }
                count += page.count
                guard let next = page.last?.id, page.count == 2000 else { break }
                last = next
            }
        case .treatments:
            sink.write(CSVWriter.row(SpreadsheetRows.treatmentHeader))
            var last = ""
            while true {
                let page = try store { () throws(StoreError) in try db.exportedTreatments(after: last, limit: 2000) }
                for treatment in page { sink.write(CSVWriter.row(SpreadsheetRows.treatmentRow(treatment, calendar: db.calendar))) }
                count += page.count
                guard let next = page.last?.id, page.count == 2000 else { break }
                last = next
            }
        case .bookings:
            sink.write(CSVWriter.row(SpreadsheetRows.bookingHeader))
            let filter = try selection.filter(db)
            if let (start, end) = try selection.range(db, filter: filter) {
                var cursor: AgendaCursor?
                while true {
                    let page = try store { () throws(StoreError) in
                        try db.exportedBookings(from: start, to: end, filter: filter, after: cursor, limit: 2000)
                    }
                    for exported in page { sink.write(CSVWriter.row(SpreadsheetRows.bookingRow(exported, calendar: db.calendar))) }
                    count += page.count
                    guard let last = page.last, page.count == 2000 else { break }
                    cursor = AgendaCursor(start: last.booking.start, bookingID: last.booking.id)
                }
            }
        }
        try sink.finish()
        if let output, output != "-" { Output.error("Wrote \(count) \(kind.rawValue) to \(output).") }
    }
}
