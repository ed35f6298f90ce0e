import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

/// `frontdesk timezone ZONE`: the one way to change the clinic's zone of an existing database.
/// Appointments keep their moments; the clock times shown for them change. It shows what moves,
/// asks (or takes --yes), and is recorded in the audit trail.
struct TimeZoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timezone",
        abstract: "Show or change the clinic's time zone.",
        discussion: """
        Every appointment keeps its moment (the instant agreed with the customer); the clock times shown for it \
        change with the zone, and working hours and closed days are read in the new zone. Upcoming bookings whose \
        shown time changes are listed before you confirm. Without ZONE, prints the current zone.

        Examples:
          frontdesk timezone
          frontdesk timezone Europe/Zurich --yes
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The new zone, an IANA name such as Europe/Zurich.") var zone: String?
    @Flag(help: "Change without asking (for scripts).") var yes = false
    @Flag(help: "Print JSON (the question, if any, still goes to the terminal).") var json = false

    func run() throws {
        let db = try database.open()
        guard let zone else {
            if json { return Output.json(TimeZoneJSON(timezone: db.timeZoneName, changed: false)) }
            Output.line("The clinic's time zone is \(db.timeZoneName).")
            return
        }
        guard let newCalendar = ClinicCalendar(identifier: zone) else { throw CommandFailure(StoreError.timeZoneUnknown(zone)) }
        if zone == db.timeZoneName {
            if json { return Output.json(TimeZoneJSON(timezone: zone, changed: false)) }
            Output.line("The clinic's time zone is already \(zone); nothing was changed.")
            return
        }
        let preview = try store { () throws(StoreError) in try db.previewTimeZoneChange(to: zone) }
        if json {
            guard yes || Confirmation.ask("Change the time zone from \(preview.from) to \(preview.to)? \(preview.upcomingCount) upcoming booking(s) show other clock times.") else {
                throw CommandFailure.failed("Nothing was changed. Run again and answer y, or pass --yes.")
            }
            try store { () throws(StoreError) in try db.changeTimeZone(to: zone) }
            return Output.json(TimeZoneJSON(timezone: zone, changed: true, previous: preview.from, upcomingMoved: preview.upcomingCount))
        }
        Output.line("Changing the clinic's time zone from \(preview.from) to \(preview.to).")
        Output.line("Appointments keep their moments; the clock times shown for them change. \(preview.upcomingCount) upcoming booking\(preview.upcomingCount == 1 ? " moves" : "s move") on the clock, for example:")
        for booking in preview.examples {
            Output.line("  #\(booking.id)  \(db.calendar.dayTime(booking.start)) becomes \(newCalendar.dayTime(booking.start))  \(booking.customerName) · \(booking.serviceName)")
        }
        Output.line("Working hours and closed days stay as typed and are read in \(zone).")
        guard yes || Confirmation.ask("Change the time zone to \(zone)?") else {
            throw CommandFailure.failed("Nothing was changed. Run again and answer y, or pass --yes.")
        }
        try store { () throws(StoreError) in try db.changeTimeZone(to: zone) }
        Output.line("The clinic's time zone is now \(zone).")
    }
}

/// A yes/no question on the terminal; without a terminal the answer is no.
enum Confirmation {
    static func ask(_ question: String) -> Bool {
        guard isatty(STDIN_FILENO) == 1 else { return false }
        FileHandle.standardError.write(Data((TerminalSafeText.escaped(question) + " [y/N] ").utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
