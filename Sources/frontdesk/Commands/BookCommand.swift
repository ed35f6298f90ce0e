import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Book a treatment or continue one.",
        discussion: """
        immediate: books every session from the first --start. A session that does not fit is listed with \
        the shifted proposal and nothing is written, unless --auto-shift books the proposal. With --group, \
        books a missed or cancelled session again; --move-later moves the later sessions along to keep \
        their gaps.

        sequential: books session 1, or with --group the next session (after the previous one is completed).

        flexible: books one session per --start, or --count sessions from a weekly --pattern; with --group \
        the package's numbering continues.

        Dates: "tomorrow 10am", "fri 4pm", "March 10 at 2pm", "10.3. 14:00", "2026-03-10 14:00", "+2w". \
        A session beyond the maximum gap after the previous one is booked only with --late, which says by \
        how many days.

        Examples:
          frontdesk book --customer "Ben Meier" --service check-up --start "fri 10am"
          frontdesk book --customer 24 --service 5 --count 4 --pattern "Tue Thu 17:00"
          frontdesk book --group 6da0b217-88bd-4eb6-8c23-b8de508f4980 --start 4pm
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Customer name or number (not needed with --group).") var customer: String?
    @Option(help: "Service name, trigger word or number (not needed with --group).") var service: String?
    @Option(parsing: .unconditionalSingleValue, help: "When; repeat for several flexible sessions.") var start: [String] = []
    @Option(help: "Flexible: how many sessions to book from --pattern.") var count: Int?
    @Option(help: "Flexible: a weekly pattern such as \"Mon Wed 17:00, Sat 10:00\".") var pattern: String?
    @Option(help: "Provider name or number (default: any available).") var provider: String?
    @Option(help: "Continue this treatment (its session_group_id).") var group: String?
    @Flag(help: "Immediate: book the shifted proposal when a session does not fit.") var autoShift = false
    @Flag(help: "Immediate, with --group: booking a missed session again moves the later sessions along so their gaps stay.") var moveLater = false
    @Flag(help: "Book a session beyond the maximum gap after the previous one.") var late = false
    @Flag(help: "Flexible: book a second package even though the customer has an active one of this service.") var allowSecond = false
    @Flag(help: "Check and show what would be booked, without writing.") var dryRun = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if let count { try NumericOption.check("--count", count, in: 1...50) }
    }

    func run() throws {
        let opened = try database.open()
        let db = dryRun ? opened.preview() : opened
        let calendar = db.calendar
        let parser = DateInputParser(calendar: calendar, now: db.now)

        var existing: SessionGroup?
        if let group { existing = try store { () throws(StoreError) in try db.group(id: group) } }
        if existing == nil, service == nil {
            throw CommandFailure.invalid("--service is required (a name, trigger word or number), unless --group continues a treatment.")
        }
        if existing == nil, customer == nil {
            throw CommandFailure.invalid("--customer is required (a name or number), unless --group continues a treatment.")
        }
        let chosenService: Service = try store { () throws(StoreError) in
            if let existing { return try db.service(id: existing.serviceID) }
            return try db.resolveService(service ?? "")
        }
        let customerID: Int64 = try store { () throws(StoreError) in
            if let existing { return existing.customerID }
            return try db.resolveCustomer(customer ?? "").id
        }
        let providerID = try provider.map { key throws(CommandFailure) in try store { () throws(StoreError) in try db.resolveProvider(key).id } }
        var starts: [Date] = []
        for text in start {
            do { starts.append(try parser.parse(text)) } catch { throw CommandFailure.invalid("--start \(TextLimits.quote(text)): \(error)") }
        }

        let result: BookingResult
        var clockNotes: [String] = []
        if let existing, existing.strategy == .immediate, starts.count == 1, pattern == nil {
            // A missed session again: refused with the proposal when later sessions are in the way.
            result = try store { () throws(StoreError) in
                try db.rebookMissed(groupID: existing.id, start: starts[0], providerID: providerID, moveLater: moveLater,
                                    acceptProposal: autoShift, confirmedLate: late)
            }
        } else if chosenService.isMultiSession && chosenService.strategy == .immediate && existing == nil {
            guard starts.count == 1 else {
                throw CommandFailure.invalid("\(chosenService.name) books all \(chosenService.totalSessions) sessions from one --start (the first session). Give exactly one.")
            }
            // A planned time that a daylight-saving change skips or doubles is said, as the Book preview does.
            clockNotes = ((try? db.proposeImmediate(serviceID: chosenService.id, providerID: providerID, firstStart: starts[0]))?
                .plan.sessions ?? []).compactMap { session in
                    session.clockChange.map { "\(chosenService.definition.sessionNoun) \(session.number): " + PlacementWording.clockChange($0) }
                }
            result = try store { () throws(StoreError) in
                try db.bookImmediate(customerID: customerID, serviceID: chosenService.id, providerID: providerID,
                                     firstStart: starts[0], acceptShift: autoShift, confirmedLate: late)
            }
        } else {
            if let pattern {
                let weekly: WeeklyPattern
                do { weekly = try WeeklyPattern.parse(pattern) } catch { throw CommandFailure.invalid("--pattern \(TextLimits.quote(pattern)): \(error)") }
                let wanted = count ?? 1
                let proposal = try store { () throws(StoreError) in
                    try db.proposeFlexibleSlots(serviceID: chosenService.id, providerID: providerID, pattern: weekly, count: wanted,
                                                from: starts.first ?? db.now, groupID: existing?.id)
                }
                guard proposal.starts.count == wanted else {
                    throw CommandFailure.failed("Only \(proposal.starts.count) free slot(s) match “\(pattern)” within a year. Try another pattern or provider.")
                }
                starts = proposal.starts
                let chosenProvider = providerID ?? proposal.provider.id
                result = try store { () throws(StoreError) in
                    try db.bookSessions(customerID: customerID, serviceID: chosenService.id, providerID: chosenProvider,
                                        starts: starts, groupID: existing?.id, confirmedLate: late,
                                        allowSecondPackage: allowSecond)
                }
            } else {
                guard !starts.isEmpty else { throw CommandFailure.invalid("Give --start WHEN (or, for a flexible package, --pattern with --count).") }
                if let count, count != starts.count {
                    throw CommandFailure.invalid("--count \(count) does not match the \(starts.count) --start value(s). Give one --start per session, or use --pattern.")
                }
                result = try store { () throws(StoreError) in
                    try db.bookSessions(customerID: customerID, serviceID: chosenService.id, providerID: providerID,
                                        starts: starts, groupID: existing?.id, confirmedLate: late,
                                        allowSecondPackage: allowSecond)
                }
            }
        }
        report(result, service: chosenService, calendar: calendar, now: db.now, clockNotes: clockNotes)
    }

    private func report(_ result: BookingResult, service: Service, calendar: ClinicCalendar, now: Date, clockNotes: [String]) {
        if json {
            Output.json(BookingResultJSON(bookings: result.bookings.map { BookingJSON($0, calendar: calendar) }, dryRun: dryRun,
                                          shifted: result.shifted, group: result.group.map { TreatmentJSON($0, calendar: calendar, now: now) }))
            return
        }
        let verb = dryRun ? "Would book" : "Booked"
        let who = result.bookings.first?.customerName ?? ""
        let note = !result.shifted ? "" : moveLater ? " (later sessions moved along to keep their gaps)" : " (shifted to free slots)"
        Output.line("\(verb) \(service.name) for \(who)\(note):")
        for booking in result.bookings {
            Output.line("  " + Output.bookingLine(booking, calendar: calendar, noun: service.definition.sessionNoun))
        }
        if let group = result.group {
            let progress = group.progress(now: now)
            Output.line("Treatment \(group.id): \(progress.completed) completed, \(progress.booked) booked, \(progress.remaining) remaining of \(group.totalSessions).")
            if group.strategy == .sequential && progress.remaining > 0 {
                Output.line("The next session is booked after this one is marked completed.")
            }
        }
        for note in clockNotes { Output.line("Note: " + note) }
        if dryRun { Output.line("Nothing was written (--dry-run).") }
    }
}
