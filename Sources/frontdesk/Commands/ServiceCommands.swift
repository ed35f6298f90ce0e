import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct ServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service", abstract: "Services and their session rules.",
        subcommands: [Import.self, Export.self, List.self, Show.self, Activate.self, Deactivate.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import services from the guide's JSON (one object or an array). Manager work.",
            discussion: """
            A service whose name exists is updated in the fields the file gives only; what changed is printed as before → after. Treatments already booked keep their rules.

            Examples:
              frontdesk service import services.json --dry-run
              frontdesk service import services.json
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "A JSON file; - reads standard input.") var file: String
        @Flag(help: "Check and show what would change, without saving.") var dryRun = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try ManagerGate.require("import services")
            let text = try ServiceFile.read(file)
            let opened = try database.open()
            let db = dryRun ? opened.preview() : opened
            let results = try store { () throws(StoreError) in try db.importServiceFile(json: text) }
            if json { Output.json(results.map { ServiceImportJSON($0, dryRun: dryRun) }); return }
            for outcome in results {
                let s = outcome.service
                let name = TerminalText.safe(s.name)
                switch outcome.kind {
                case .added:
                    Output.line("\(dryRun ? "Would add" : "Added") service\(dryRun ? "" : " #\(s.id)") \(name): \(ServiceCommand.summary(s))")
                case .unchanged:
                    Output.line("Unchanged: service #\(s.id) \(name) (the file matches what is saved).")
                case .updated:
                    Output.line("\(dryRun ? "Would update" : "Updated") service #\(s.id) \(name):")
                    for change in outcome.changes { Output.line("  " + TerminalText.safe(change.description)) }
                    if !s.isActive { Output.line("  It stays deactivated; `frontdesk service activate` offers it again.") }
                    if outcome.activeTreatments > 0 {
                        let n = outcome.activeTreatments
                        Output.line("  \(n) active treatment\(n == 1 ? "" : "s") keep\(n == 1 ? "s" : "") \(n == 1 ? "its" : "their") current rules.")
                    }
                }
            }
            if dryRun { Output.line("Nothing was saved (--dry-run).") }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print services in the import format, with every field; importing the output changes nothing.",
            discussion: """
            Examples:
              frontdesk service export > services.json
              frontdesk service export "Dental Check-up"
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Service names (default: every service).") var names: [String] = []
        @Flag(help: "Print JSON (the import format; the default as well).") var json = false

        func run() throws {
            let db = try database.open()
            let objects = try store { () throws(StoreError) in try db.exportServices(names: names) }
            Output.json(objects.count == 1 && !names.isEmpty ? objects[0] as Any : objects as Any)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List services.",
            discussion: """
            Examples:
              frontdesk service list --all
            """)
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Include deactivated services.") var all = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let services = try store { () throws(StoreError) in try db.services(includeInactive: all) }
            if json {
                var objects: [[String: Any]] = []
                for s in services {
                    let names = try store { () throws(StoreError) in try db.providerNames(of: s) }
                    var object = ServiceExport.object(s, providerNames: names)
                    object["id"] = s.id
                    object["active"] = s.isActive
                    object["rule"] = ServiceRuleWords.short(s)
                    objects.append(object)
                }
                Output.json(objects)
                return
            }
            if services.isEmpty { Output.line("No services yet. Import some with `frontdesk service import FILE`.") }
            for s in services {
                Output.line("#\(s.id)  \(TerminalText.safe(s.name)): \(ServiceCommand.summary(s))\(s.isActive ? "" : "  [deactivated]")")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "A service: its rule in words and the How it works preview the editor shows.",
            discussion: """
            Examples:
              frontdesk service show "Physiotherapy Treatment Plan"
              frontdesk service show 2 --from "2026-03-16 10:00"
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The service's name or number.") var name: String
        @Option(help: "The example first session (default: 10:00 on the first provider's next working day).") var from: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let calendar = db.calendar
            let service = try store { () throws(StoreError) in try db.resolveService(name, includeInactive: true) }
            var start: Date?
            if let from {
                do { start = try DateInputParser(calendar: calendar, now: db.now).parse(from) } catch {
                    throw CommandFailure.invalid("--from \(from): \(error)")
                }
            }
            let preview = try store { () throws(StoreError) in try db.servicePreview(service, from: start) }
            let providers = try store { () throws(StoreError) in try db.providerNames(of: service) }
            let active = try store { () throws(StoreError) in try db.activeTreatmentCount(serviceID: service.id) }
            if json {
                var object = ServiceExport.object(service, providerNames: providers)
                object["id"] = service.id
                object["active"] = service.isActive
                object["rule"] = ServiceRuleWords.short(service)
                object["active_treatments"] = active
                object["preview"] = ServiceCommand.previewObject(preview, calendar: calendar)
                Output.json(object)
                return
            }
            Output.line("#\(service.id)  \(TerminalText.safe(service.name))\(service.isActive ? "" : "  [deactivated]")")
            Output.line("  \(ServiceCommand.summary(service))")
            Output.line("  Rule: \(TerminalText.safe(ServiceRuleWords.short(service)))")
            let d = service.definition
            Output.line("  \(d.defaultDurationMinutes) min, price \(service.priceCents.map { Self.money($0) } ?? "not set")"
                        + (d.expiryDays.map { ", package valid \($0) days" } ?? ""))
            if !service.triggerWords.isEmpty { Output.line("  Trigger words: \(TerminalText.safe(service.triggerWords.joined(separator: ", ")))") }
            Output.line("  Providers: \(providers.isEmpty ? "everyone" : TerminalText.safe(providers.joined(separator: ", ")))")
            Output.line("  Active treatments: \(active)")
            Output.line()
            for line in preview.lines(calendar: calendar) { Output.line(TerminalText.safe(line)) }
        }

        static func money(_ cents: Int) -> String {
            cents % 100 == 0 ? "\(cents / 100)" : String(format: "%d.%02d", cents / 100, cents % 100)
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "activate", abstract: "Offer a deactivated service again. Manager work.",
            discussion: """
            Examples:
              frontdesk service activate "Dental Check-up"
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The service's name or number.") var name: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try ManagerGate.require("activate services")
            let db = try database.open()
            let service = try store { () throws(StoreError) in try db.resolveService(name, includeInactive: true) }
            _ = try store { () throws(StoreError) in try db.setServiceActive(id: service.id, active: true) }
            if json {
                let active = try store { () throws(StoreError) in try db.activeTreatmentCount(serviceID: service.id) }
                Output.json(ServiceStateJSON(id: service.id, name: service.name, active: true, activeTreatments: active))
                return
            }
            Output.line("Service #\(service.id) \(TerminalText.safe(service.name)) is active\(service.isActive ? " already" : "") and can be booked.")
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate",
            abstract: "Stop offering a service; its treatments go on. Services are never deleted. Manager work.",
            discussion: """
            Examples:
              frontdesk service deactivate "Dental Check-up"
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The service's name or number.") var name: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try ManagerGate.require("deactivate services")
            let db = try database.open()
            let service = try store { () throws(StoreError) in try db.resolveService(name, includeInactive: true) }
            _ = try store { () throws(StoreError) in try db.setServiceActive(id: service.id, active: false) }
            let active = try store { () throws(StoreError) in try db.activeTreatmentCount(serviceID: service.id) }
            if json { Output.json(ServiceStateJSON(id: service.id, name: service.name, active: false, activeTreatments: active)); return }
            Output.line("Service #\(service.id) \(TerminalText.safe(service.name)) is deactivated: no new treatments; \(active) active treatment\(active == 1 ? "" : "s") go on.")
        }
    }

    /// "3 sessions, immediate (…); 14 d, then 30 d", safe to print (the noun and frequency are typed by managers).
    static func summary(_ s: Service) -> String {
        guard s.isMultiSession else { return "single session, \(s.definition.defaultDurationMinutes) min" }
        return TerminalText.safe("\(s.totalSessions) \(s.definition.sessionNoun.lowercased())s, \(s.strategy.rawValue) (\(s.strategy.summary)); \(ServiceRuleWords.short(s))")
    }

    /// The preview as JSON: each session's start, the days after the previous one, and why it moved.
    static func previewObject(_ preview: ServicePreview, calendar: ClinicCalendar) -> [String: Any] {
        var object: [String: Any] = [
            "provider": preview.providerName, "first_start": calendar.iso8601(preview.firstStart), "rule": preview.ruleWords,
            "sessions": preview.sessions.map { s -> [String: Any] in
                [
                    "number": s.number, "label": s.label, "duration_minutes": s.durationMinutes, "start": calendar.iso8601(s.start),
                    "days_after_previous": s.daysAfterPrevious as Any? ?? NSNull(),
                    "moved_from": s.movedFrom.map { calendar.iso8601($0) } as Any? ?? NSNull(),
                    "moved_because": s.moveReason.map { $0.message(provider: preview.providerName, calendar: calendar) } as Any? ?? NSNull(),
                ]
            },
            "span_days": preview.spanDays(calendar: calendar) as Any? ?? NSNull(),
            "lines": preview.lines(calendar: calendar),
        ]
        if let window = preview.nextWindow {
            object["next_window"] = ["earliest": calendar.iso8601(window.earliest), "recommended": calendar.iso8601(window.recommended),
                                     "latest": window.latest.map { calendar.iso8601($0) } as Any? ?? NSNull(),
                                     "suggested": preview.suggestedNext.map { calendar.iso8601($0) } as Any? ?? NSNull()]
        }
        if let frequency = preview.frequencyText { object["frequency"] = frequency }
        return object
    }
}
