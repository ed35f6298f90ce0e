import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring customers, bookings and treatments in from CSV.", subcommands: [CSVImport.self])
}

struct CSVImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv", abstract: "Import customers, bookings or treatments from a CSV file (the columns of `export csv`).",
        discussion: """
        Every row is checked before anything is written: one bad row refuses the whole file with exit 2, \
        naming its row (the header is row 1) and column; otherwise the file is written in one transaction. \
        Customers: name, and optionally phone, email, notes; customers with the same name or phone as one \
        already known are reported. Bookings: customer, service, provider, start, end, and optionally status, \
        treatment_id, session_number, total_sessions, customer_phone, notes; the customers, services and \
        providers must exist; they create the treatments they name. Imported bookings create no follow-ups. \
        Treatments (after their bookings): treatment_id, customer, service, strategy, state, total_sessions, \
        created, and optionally expires, completed_at, ended_at, ended_reason, ended_by, buffer_config, \
        session_plan, duration_minutes; the state and the completed and booked counts must be what the \
        bookings make them.

        Examples:
          frontdesk import csv customers patients.csv --dry-run
          frontdesk import csv bookings bookings.csv
          frontdesk import csv treatments treatments.csv
        """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("What the file holds: customers, bookings, then treatments.", valueName: "customers|bookings|treatments"))
    var kind: SpreadsheetKind
    @Argument(help: "The CSV file.", completion: .file(extensions: ["csv"])) var file: String
    @Flag(help: "Check every row and report what would be imported, without writing.") var dryRun = false
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CommandFailure.failed("Cannot read \(file): \((error as NSError).localizedDescription).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.invalid("\(file) is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\".")
        }
        let table: CSVReader.Table
        do { table = try CSVReader.table(text) } catch { throw CommandFailure.invalid("\(file): \(error)") }
        let opened = try database.open()
        let db = dryRun ? opened.preview() : opened
        let checker = SpreadsheetImport(calendar: db.calendar)
        let summary: AppDatabase.ImportSummary
        var duplicates: [String] = []
        switch kind {
        case .customers:
            let rows: [CustomerImport]
            do { rows = try checker.customers(table) } catch { throw CommandFailure.invalid("\(file): \(error)") }
            duplicates = try store { () throws(StoreError) in try db.customerDuplicates(rows) }
                .map { "row \($0.row): same \($0.by) as \($0.of)" }
            summary = try importing(file) { () throws(StoreError) in try db.importCustomers(rows, progress: Self.progress(rows.count)) }
        case .treatments:
            let rows: [TreatmentImport]
            do { rows = try checker.treatments(table) } catch { throw CommandFailure.invalid("\(file): \(error)") }
            summary = try importing(file) { () throws(StoreError) in try db.importTreatments(rows) }
        case .bookings:
            let directory = try store { () throws(StoreError) in try db.importDirectory() }
            let rows: [BookingImport]
            do { rows = try checker.bookings(table, directory: directory) } catch { throw CommandFailure.invalid("\(file): \(error)") }
            summary = try importing(file) { () throws(StoreError) in try db.importBookings(rows, progress: Self.progress(rows.count)) }
        }
        for line in duplicates { Output.error("Possible duplicate, \(line).") }
        if json {
            Output.json(ImportJSON(customers: summary.customers, bookings: summary.bookings, treatments: summary.treatments,
                                   dryRun: dryRun, possibleDuplicates: duplicates))
            return
        }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let what = switch kind {
        case .customers: count(summary.customers, "customer")
        case .bookings: "\(count(summary.bookings, "booking")) (\(count(summary.treatments, "treatment")))"
        case .treatments: count(summary.treatments, "treatment")
        }
        Output.line(dryRun ? "Checked \(file): \(what) would be imported; nothing was written." : "Imported \(what) from \(file).")
    }

    /// "Written 20000 of 150000 rows" on the same line of a terminal's standard error; nothing for a script.
    static func progress(_ total: Int) -> ((Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1, total >= 10_000 else { return nil }
        return { done in
            FileHandle.standardError.write(Data("\rWritten \(done) of \(total) rows…\(done + 10_000 > total ? "\n" : "")".utf8))
        }
    }

    /// A refused row is invalid input (exit 2); nothing was written either way.
    private func importing(_ file: String, _ body: () throws(StoreError) -> AppDatabase.ImportSummary) throws(CommandFailure) -> AppDatabase.ImportSummary {
        do { return try body() } catch {
            if case .invalid = error { throw .invalid("\(file): \(error.description) Nothing was imported.") }
            throw CommandFailure(error)
        }
    }
}
