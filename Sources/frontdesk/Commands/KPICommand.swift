import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

/// `frontdesk kpi`: the Dashboard's figures with their definitions, for a period and filters.
struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi", abstract: "The dashboard figures, each with its definition.",
        discussion: """
        Rates (completion, no-show, strategy popularity) cover the period: --period week|month|quarter|year|all \
        (default all) or --from DAY --to DAY (both included). The other figures are about now. --provider and \
        --service count only that provider's or service's treatments and sessions.

        Examples:
          frontdesk kpi --period month
          frontdesk kpi --from 2026-01-01 --to 2026-03-31 --service physio
          frontdesk kpi --list overdue --limit 20
        """)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "week, month, quarter, year or all (default all).") var period: String?
    @Option(help: "First day of the period (YYYY-MM-DD); needs --to.") var from: String?
    @Option(help: "Last day of the period (YYYY-MM-DD), included; needs --from.") var to: String?
    @Option(help: "Provider name or number.") var provider: String?
    @Option(help: "Service name, trigger word or number.") var service: String?
    @Flag(help: "Print the sessions per week (the 12 weeks before this one, this week and the 4 after).") var weeks = false
    @Option(help: "The list behind a tile: overdue, expiring, unscheduled or today.") var list: String?
    @Option(help: "With --list: at most this many rows (1–10000).") var limit = 200
    @Flag(help: "Recount every counter from the bookings and report any difference (exit 1 on a difference).") var verify = false
    @Flag(help: "Replace every counter with a recount from the bookings (after --verify found a difference).") var rebuild = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try NumericOption.check("--limit", limit, in: 1...10_000)
    }

    func run() throws {
        // Only --rebuild writes: everything else opens read-only, so it neither writes nor syncs the file.
        let db = try database.open(readOnly: !rebuild)
        if rebuild {
            try store { () throws(StoreError) in try db.rebuildKPICounters() }
            Output.line("The dashboard counters were recounted from the bookings and treatments.")
            return
        }
        if verify { return try runVerification(db) }
        let query = try dashboardQuery(db)
        let report = try store { () throws(StoreError) in try db.dashboard(query) }
        if let list { return try printList(db, list, query: query) }
        let names = try filterNames(db, query)
        if weeks {
            json ? Output.json(report.counts.weeks.map(KPIWeekJSON.init)) : KPIOutput.printWeeks(report.counts.weeks)
        } else if json {
            Output.json(KPISetJSON(report, query: query, today: db.calendar.localDay(of: db.now)))
        } else {
            KPIOutput.print(report, query: query, today: db.calendar.localDay(of: db.now), provider: names.provider, service: names.service)
        }
    }

    private func dashboardQuery(_ db: AppDatabase) throws -> DashboardQuery {
        var query = DashboardQuery()
        switch (from, to) {
        case (nil, nil):
            if let period {
                guard let named = KPIPeriod(name: period) else {
                    throw CommandFailure.invalid("--period “\(period)” is not a period. Use week, month, quarter, year or all.")
                }
                query.period = named
            }
        case let (from?, to?):
            if period != nil { throw CommandFailure.invalid("--period and --from/--to both name a period. Give one of them.") }
            guard let first = LocalDay(iso: from) else { throw CommandFailure.invalid("--from “\(from)” is not a day. Write it as YYYY-MM-DD, e.g. 2026-03-01.") }
            guard let last = LocalDay(iso: to) else { throw CommandFailure.invalid("--to “\(to)” is not a day. Write it as YYYY-MM-DD, e.g. 2026-03-31.") }
            guard first <= last else { throw CommandFailure.invalid("--from \(first) comes after --to \(last). Give the earlier day first.") }
            query.period = .days(from: first, to: last)
        default:
            throw CommandFailure.invalid("--from and --to go together: give both days of the period (or --period).")
        }
        if let provider { query.providerID = try store { () throws(StoreError) in try db.resolveProvider(provider).id } }
        if let service { query.serviceID = try store { () throws(StoreError) in try db.resolveService(service).id } }
        return query
    }

    /// The rows behind a tile, as `groups` and `agenda` print treatments and sessions.
    private func printList(_ db: AppDatabase, _ name: String, query: DashboardQuery) throws {
        guard let kind = KPIList(rawValue: name) else {
            throw CommandFailure.invalid("--list “\(name)” is not a list. Use overdue, expiring, unscheduled or today.")
        }
        let calendar = db.calendar, now = db.now
        let rows = try store { () throws(StoreError) in try db.dashboardList(kind, query: query, limit: limit) }
        switch rows {
        case .sessions(let bookings): if bookings.count == limit { Output.cutShort(limit, "sessions") }
        case .treatments(let treatments): if treatments.count == limit { Output.cutShort(limit, "treatments") }
        }
        switch rows {
        case .sessions(let bookings):
            if json { return Output.json(bookings.map { BookingJSON($0, calendar: calendar) }) }
            if bookings.isEmpty { Output.line("No sessions today.") }
            let nouns = try SessionNouns(db)
            for booking in bookings { Output.line(KPIOutput.escaped(Output.bookingLine(booking, calendar: calendar, noun: nouns[booking]))) }
        case .treatments(let rows):
            var groups: [SessionGroup] = []
            for row in rows { if let id = row.groupID { groups.append(try store { () throws(StoreError) in try db.group(id: id) }) } }
            if json { return Output.json(groups.map { TreatmentJSON($0, calendar: calendar, now: now) }) }
            if groups.isEmpty { Output.line("No treatments.") }
            for g in groups {
                let p = g.progress(now: now)
                let last = p.lastCompleted.map { " · last completed \(calendar.dayTime($0.start))" } ?? ""
                let expires = g.expiresAt.map { " · expires \(calendar.dayTime($0))" } ?? ""
                Output.line(KPIOutput.escaped("\(g.id)  \(g.customerName) · \(g.serviceName) · \(p.completed)/\(g.totalSessions) completed, "
                                              + "\(p.booked) booked, \(p.remaining) remaining\(last)\(expires)"))
            }
        }
    }

    private func filterNames(_ db: AppDatabase, _ query: DashboardQuery) throws -> (provider: String?, service: String?) {
        let provider = try query.providerID.map { id throws(CommandFailure) in try store { () throws(StoreError) in try db.provider(id: id).name } }
        let service = try query.serviceID.map { id throws(CommandFailure) in try store { () throws(StoreError) in try db.service(id: id).name } }
        return (provider, service)
    }

    private func runVerification(_ db: AppDatabase) throws {
        let differences = try store { () throws(StoreError) in try db.verifyKPICounters() }
        if differences.isEmpty {
            json ? Output.json(KPIVerificationJSON(ok: true, differences: []))
                 : Output.line("The dashboard counters match a recount of the bookings and treatments.")
            return
        }
        if !json { for difference in differences { Output.line(KPIOutput.escaped(difference.description)) } }
        // Under --json the refusal (with each difference as a reason) is the one JSON document printed.
        throw CommandFailure.failed("""
            \(differences.count)\(differences.count >= 100 ? " or more" : "") dashboard counter row(s) differ from a recount of the \
            bookings and treatments, so the figures are wrong. Back up the database, report this, then run \
            `frontdesk kpi --rebuild` to recount them.
            """ + (json ? "\n" + differences.map { KPIOutput.escaped($0.description) }.joined(separator: "\n") : ""))
    }

}
