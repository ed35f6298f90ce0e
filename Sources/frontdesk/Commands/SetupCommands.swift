import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty clinic database.",
        discussion: """
        With --shared GROUP the database is made for every account in GROUP: its folder becomes \
        group-owned with mode 2770 (setgid), and the database, its -wal and -shm files and its lock \
        file are group-owned with mode 0660. A new database created in a folder that is already setgid \
        is shared the same way with the folder's group.

        Examples:
          frontdesk init --timezone Europe/Berlin
          sudo frontdesk init --shared reception --db /srv/frontdesk/clinic.sqlite
        """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The clinic's time zone (IANA name such as Europe/Zurich). Default: `timezone` in config.toml, else the system's.")
    var timezone: String?
    @Option(help: ArgumentHelp("Share the database with every account in this group.", valueName: "group"))
    var shared: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        // The zone for a new database: --timezone, else the configuration's, else the system's.
        let configured = try Settings.load().timezone
        let zone = try timezone ?? configured ?? (database.needsCreating ? SystemTimeZone.identifier() : nil)
        let db = try database.open(create: true, timeZone: zone, sharedGroup: shared)
        // An existing database is never changed by init: its bookings were made in its own zone.
        if !db.wasCreated, let timezone, timezone != db.timeZoneName {
            throw CommandFailure.failed("A database already exists at \(db.path) and its time zone stays \(db.timeZoneName); nothing was changed. To change it, run `frontdesk timezone \(timezone) --db \(db.path)`: it shows what moves and asks first.")
        }
        if json {
            Output.json(DatabaseJSON(path: db.path, timezone: db.timeZoneName, sharedGroup: shared))
            return
        }
        var line = db.wasCreated ? "Database ready at \(db.path) (time zone \(db.timeZoneName))"
                                 : "A database already exists at \(db.path) (time zone \(db.timeZoneName)); its data and zone were not changed"
        if let shared { line += ", shared with the group \(shared)" }
        Output.line(line + ".")
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Write a consistent copy of the database to PATH.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Where to write the copy: a new file, or a folder (gets frontdesk-YYYYMMDD-HHMM.sqlite).", completion: .file())
    var destination: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let written = try store { () throws(StoreError) in try db.backup(to: destination) }
        if json { Output.json(["database": db.path, "backup": written]); return }
        Output.line("Backed up \(db.path) to \(written).")
    }
}

struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "provider", abstract: "Practitioners, instructors, rooms and cars.",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a provider.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The provider's name.") var name: String
        @Option(help: "Weekly working hours, e.g. \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\".") var hours = "Mon-Fri 08:00-18:00"
        @Option(help: "A closed day (YYYY-MM-DD); repeat for several.") var closed: [String] = []
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            var days: [LocalDay] = []
            for text in closed {
                guard let day = LocalDay(iso: text) else { throw CommandFailure.invalid("--closed \(text) is not a date. Use YYYY-MM-DD, e.g. 2026-12-25.") }
                days.append(day)
            }
            let provider = try store { () throws(StoreError) in try db.addProvider(name: name, hours: hours, closedDays: days) }
            if json { Output.json(ProviderJSON(provider)); return }
            Output.line("Added provider #\(provider.id) \(provider.name) (\(provider.hours)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List providers.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let providers = try store { () throws(StoreError) in try db.providers() }
            if json {
                Output.json(providers.map(ProviderJSON.init))
                return
            }
            if providers.isEmpty { Output.line("No providers yet. Add one with `frontdesk provider add --name NAME`.") }
            for p in providers { Output.line("#\(p.id)  \(p.name)  \(p.hours)") }
        }
    }
}

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "The clinic's customers.",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a customer.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Full name.") var name: String
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "Email address.") var email: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let c = try store { () throws(StoreError) in try db.addCustomer(name: name, phone: phone, email: email) }
            if json {
                Output.json(CustomerJSON(c))
            } else {
                Output.line("Added customer #\(c.id) \(c.name).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List or search customers.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part of a name or phone number.") var search = ""
        @Option(help: "At most this many (1–10000).") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            try NumericOption.check("--limit", limit, in: 1...10_000)
        }

        func run() throws {
            let db = try database.open()
            let customers = try store { () throws(StoreError) in try db.searchCustomers(search, limit: limit) }
            if customers.count == limit { Output.cutShort(limit, "customers") }
            if json { Output.json(customers.map(CustomerJSON.init)); return }
            for c in customers {
                Output.line("#\(c.id)  \(c.name)  \(c.phone ?? "")  \(c.email ?? "")")
            }
        }
    }

}

struct ServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "service", abstract: "Services and their session rules.",
                                                    subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import services from the guide's JSON (one object or an array).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "A JSON file; - reads standard input.") var file: String

        func run() throws {
            let text = try ServiceFile.read(file)
            let db = try database.open()
            let results = try store { () throws(StoreError) in try db.importServices(json: text) }
            for (service, created) in results {
                Output.line("\(created ? "Added" : "Updated") service #\(service.id) \(service.name): \(ServiceCommand.summary(service))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List services.")
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let services = try store { () throws(StoreError) in try db.services() }
            if json {
                Output.json(services.map { s -> [String: Any] in
                    let config = (try? JSONSerialization.jsonObject(with: Data(s.bufferRules.canonicalJSON.utf8))) ?? [:]
                    return [
                        "id": s.id, "name": s.name, "requires_multiple_sessions": s.definition.requiresMultipleSessions,
                        "total_sessions_required": s.totalSessions, "multi_session_strategy": s.strategy.rawValue,
                        "session_buffer_config": config, "duration_minutes": s.definition.defaultDurationMinutes,
                        "price": s.priceCents.map { Double($0) / 100 } as Any? ?? NSNull(), "trigger_words": s.triggerWords,
                        "session_noun": s.definition.sessionNoun, "expiry_days": s.definition.expiryDays as Any? ?? NSNull(),
                        "session_plan": s.definition.plan.map { ["label": $0.label, "duration_minutes": $0.durationMinutes] },
                    ]
                })
                return
            }
            if services.isEmpty { Output.line("No services yet. Import some with `frontdesk service import FILE`.") }
            for s in services { Output.line("#\(s.id)  \(s.name): \(ServiceCommand.summary(s))") }
        }
    }

    static func summary(_ s: Service) -> String {
        guard s.isMultiSession else { return "single session, \(s.definition.defaultDurationMinutes) min" }
        return "\(s.totalSessions) \(s.definition.sessionNoun.lowercased())s, \(s.strategy.rawValue) (\(s.strategy.summary))"
    }
}
