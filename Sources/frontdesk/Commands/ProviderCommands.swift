import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "provider", abstract: "Practitioners, instructors, rooms and cars.",
                                                    subcommands: [Add.self, List.self, Show.self, Edit.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a provider. Manager work.",
            discussion: """
            Examples:
              frontdesk provider add "Dr Roth" --hours "Mon-Fri 08:00-12:00 13:00-18:00"
              frontdesk provider add "Dr Vogel" --service "Dental Check-up"
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The provider's name (or give --name).") var positionalName: String?
        @Option(help: "The provider's name.") var name: String?
        @Option(help: "Weekly working hours, e.g. \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\" (several ranges a day: \"Mon 08:00-12:00 13:00-17:00\").") var hours = "Mon-Fri 08:00-18:00"
        @Option(help: "A service this provider delivers; repeat for several (who else delivers it is unchanged).") var service: [String] = []
        @Option(help: "A day away (YYYY-MM-DD); repeat for several.") var closed: [String] = []
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let given = [positionalName, name].compactMap { $0 }
            guard let providerName = given.first else {
                throw CommandFailure.invalid("Give the provider's name: frontdesk provider add NAME [--hours TEXT] [--service S].")
            }
            if given.count == 2, given[0] != given[1] {
                throw CommandFailure.invalid("Two names given (\(TextLimits.quote(given[0])) and --name \(TextLimits.quote(given[1]))). Give one.")
            }
            try ManagerGate.require("add providers")
            let parsedHours: WorkingHours
            do { parsedHours = try WorkingHours.parse(hours, refusingOverlaps: true) } catch { throw CommandFailure.invalid("--hours: \(error)") }
            let db = try database.open()
            var absences: [ProviderEdit.NewAbsence] = []
            for text in closed {
                guard let day = LocalDay(iso: text) else { throw CommandFailure.invalid("--closed \(text) is not a date. Use YYYY-MM-DD, e.g. 2026-12-25.") }
                absences.append(ProviderEdit.NewAbsence(first: day))
            }
            let record = try store { () throws(StoreError) in
                try db.addProvider(NewProvider(name: providerName, hours: parsedHours, services: service, absences: absences))
            }
            if json {
                Output.json(ProviderJSON(record))
                return
            }
            Output.line("Added provider #\(record.provider.id) \(TerminalText.safe(record.provider.name)) (\(record.provider.hours)).")
            if !service.isEmpty { Output.line("  Services: \(TerminalText.safe(record.services.joined(separator: ", ")))") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List providers.",
            discussion: """
            Examples:
              frontdesk provider list --all
            """)
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Include inactive providers.") var all = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let providers = try store { () throws(StoreError) in try db.providers(includeInactive: all) }
            if json {
                Output.json(try providers.map { p in ProviderJSON(try store { () throws(StoreError) in try db.providerRecord(id: p.id) }) })
                return
            }
            if providers.isEmpty { Output.line("No providers yet. Add one with `frontdesk provider add --name NAME`.") }
            for p in providers { Output.line("#\(p.id)  \(TerminalText.safe(p.name))  \(p.hours)\(p.isActive ? "" : "  [inactive]")") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A provider's hours, absences and services.",
            discussion: """
            Examples:
              frontdesk provider show "Jonas Weber"
              frontdesk provider show 4 --json
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The provider's name or number.") var name: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let provider = try store { () throws(StoreError) in try db.resolveProvider(name, includeInactive: true) }
            let record = try store { () throws(StoreError) in try db.providerRecord(id: provider.id) }
            if json { Output.json(ProviderJSON(record)); return }
            ProviderCommand.print(record)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a provider's hours, absences, services or status. Manager work.",
            discussion: """
            Confirmed bookings that an absence or shorter hours leave outside the provider's time are listed (nothing is cancelled): move each one with `frontdesk reschedule`.

            Examples:
              frontdesk provider edit 4 --add-absence 2026-07-06..2026-07-17
              frontdesk provider edit 4 --hours "Tue-Fri 09:00-19:00; Sat 09:00-13:00"
              frontdesk provider edit "Sara Rossi" --no-active
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The provider's name or number.") var name: String
        @Option(help: "Weekly hours, e.g. \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\" (several ranges a day: \"Mon 08:00-12:00 13:00-17:00\").") var hours: String?
        @Option(help: "A day or range away: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD.") var addAbsence: String?
        @Option(help: "Why (with --add-absence), e.g. holiday.") var reason = ""
        @Option(help: "Remove the absence starting on this day (YYYY-MM-DD).") var removeAbsence: String?
        @Option(help: "Exactly the services this provider delivers, comma-separated; who else delivers each is unchanged.") var services: String?
        @Option(help: "A new name.") var rename: String?
        @Flag(inversion: .prefixedNo, help: "Active (takes bookings) or not.") var active: Bool?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try ManagerGate.require("edit providers")
            let db = try database.open()
            var edit = ProviderEdit(name: rename, isActive: active)
            if let hours {
                do { edit.hours = try WorkingHours.parse(hours, refusingOverlaps: true) } catch { throw CommandFailure.invalid("--hours: \(error)") }
            }
            if let addAbsence {
                let (first, last) = try ProviderCommand.dayRange(addAbsence, option: "--add-absence", db: db)
                edit.addAbsences = [ProviderEdit.NewAbsence(first: first, last: last, reason: reason)]
            } else if !reason.isEmpty {
                throw CommandFailure.invalid("--reason goes with --add-absence. Give the days away too.")
            }
            if let removeAbsence {
                edit.removeAbsences = [try ProviderCommand.dayRange(removeAbsence, option: "--remove-absence", db: db).0]
            }
            if let services {
                edit.services = services.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            guard !edit.isEmpty else {
                throw CommandFailure.invalid("Nothing to change. Give --hours, --add-absence, --remove-absence, --services, --rename or --active/--no-active.")
            }
            let provider = try store { () throws(StoreError) in try db.resolveProvider(name, includeInactive: true) }
            let outcome = try store { () throws(StoreError) in try db.editProvider(id: provider.id, edit) }
            if json {
                Output.json(ProviderEditJSON(provider: ProviderJSON(outcome.record),
                                             uncoveredBookings: outcome.uncoveredBookings.map { BookingJSON($0, calendar: db.calendar) }))
                return
            }
            ProviderCommand.print(outcome.record)
            ProviderCommand.printUncovered(outcome.uncoveredBookings, provider: outcome.record.provider.name, calendar: db.calendar)
        }
    }

    /// "2026-07-20" or "2026-07-20..2026-08-02" (other day forms too: "20.7.", "mon").
    static func dayRange(_ text: String, option: String, db: AppDatabase) throws(CommandFailure) -> (LocalDay, LocalDay) {
        let parser = DateInputParser(calendar: db.calendar, now: db.now)
        let parts = text.components(separatedBy: "..")
        guard (1...2).contains(parts.count) else {
            throw .invalid("\(option) \(text): give one day or a range FROM..TO, e.g. 2026-07-20..2026-08-02.")
        }
        var days: [LocalDay] = []
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if let day = LocalDay(iso: trimmed) { days.append(day); continue }
            do { days.append(try parser.parseDay(trimmed)) } catch { throw .invalid("\(option) \(trimmed): \(error)") }
        }
        return (days[0], days.last!)
    }

    static func print(_ record: ProviderRecord) {
        let p = record.provider
        Output.line("#\(p.id)  \(TerminalText.safe(p.name))\(p.isActive ? "" : "  [inactive]")")
        Output.line("  Hours: \(p.hours)")
        if p.absences.isEmpty {
            Output.line("  Absences: none")
        } else {
            Output.line("  Absences:")
            for absence in p.absences {
                let off = absence.dayOff(who: p.name)
                Output.line("    \(absence.first == absence.last ? "\(absence.first)" : "\(absence.first)..\(absence.last)")  \(off.daysText)\(absence.reason.isEmpty ? "" : "  \(TerminalText.safe(absence.reason))")")
            }
        }
        Output.line("  Services: \(record.services.isEmpty ? "none" : TerminalText.safe(record.services.joined(separator: ", ")))")
    }

    /// Bookings a change left outside the provider's time: never dropped silently.
    static func printUncovered(_ bookings: [Booking], provider: String, calendar: ClinicCalendar) {
        guard !bookings.isEmpty else { return }
        let n = bookings.count
        Output.line("\(n) confirmed booking\(n == 1 ? " is" : "s are") now outside \(TerminalText.safe(provider))'s time; move each one (frontdesk reschedule ID --start WHEN):")
        for booking in bookings { Output.line("  " + TerminalText.safe(Output.bookingLine(booking, calendar: calendar))) }
    }
}
