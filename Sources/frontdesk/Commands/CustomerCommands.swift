import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "The clinic's customers.",
                                                    subcommands: [Add.self, List.self, Show.self, Edit.self, Merge.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a customer.",
            discussion: """
            Refused (exit 1, naming the match) when a customer with the same name or phone exists, unless --allow-duplicate.

            Examples:
              frontdesk customer add --name "Eva Graf" --phone "079 555 01 02"
              frontdesk customer add --name "Luca Frey" --email luca@example.org
            """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Full name.") var name: String
        @Option(help: "Phone number: digits and + ( ) - space.") var phone: String?
        @Option(help: "Email address.") var email: String?
        @Option(help: "Notes.") var notes = ""
        @Option(help: "yes or no: agreed to text messages.") var smsConsent: Consent = .no
        @Option(help: "yes or no: agreed to e-mails.") var emailConsent: Consent = .no
        @Flag(help: "Add even when a customer with the same name or phone exists.") var allowDuplicate = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let c = try store { () throws(StoreError) in
                try db.addCustomer(name: name, phone: phone, email: email, notes: notes, smsConsent: smsConsent.value,
                                   emailConsent: emailConsent.value, allowDuplicate: allowDuplicate)
            }
            if json {
                Output.json(CustomerJSON(c))
            } else {
                Output.line("Added customer #\(c.id) \(e(c.name)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List or search customers.",
            discussion: """
            --search matches names (any case or accents), phones in any format (\"079 963\", \"+41 79 963\", \"4179963\"; default_country_code says what a leading 0 means) and e-mail addresses.

            Examples:
              frontdesk customer list --search "079 976"
              frontdesk customer list --search luthi --limit 10
            """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part of a name, a phone number's first digits, or an e-mail.") var search = ""
        @Option(help: "At most this many (1–10000).") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            try NumericOption.check("--limit", limit, in: 1...10_000)
        }

        func run() throws {
            let db = try database.open()
            let rows = try store { () throws(StoreError) in try db.customerList(search: search, limit: limit) }
            if rows.count == limit { Output.cutShort(limit, "customers") }
            // The customer's one shape; the next appointment and open treatments are in the text and in `customer show`.
            if json { Output.json(rows.map { CustomerJSON($0.customer) }); return }
            // Standard output stays empty for scripts; the notice goes to standard error.
            if rows.isEmpty { Output.error(search.isEmpty ? "No customers yet." : "No customer matches “\(e(search))”.") }
            for row in rows {
                let c = row.customer
                let next = row.nextAppointment.map { "  next \(db.calendar.dayTime($0.start)) \(e($0.serviceName))" } ?? ""
                let open = row.openTreatments > 0 ? "  \(row.openTreatments) open treatment\(row.openTreatments == 1 ? "" : "s")" : ""
                Output.line("#\(c.id)  \(e(c.name))  \(e(c.phone ?? ""))  \(e(c.email ?? ""))\(next)\(open)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A customer's contact details, treatments with progress, and bookings.",
            discussion: """
            Examples:
              frontdesk customer show 14
              frontdesk customer show "Ben Meier" --past 20
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Customer number or name.") var customer: String
        @Option(help: "At most this many past bookings (1–10000).") var past = 100
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            try NumericOption.check("--past", past, in: 1...10_000)
        }

        func run() throws {
            let db = try database.open()
            let calendar = db.calendar
            let id = try store { () throws(StoreError) in try db.resolveCustomer(customer).id }
            let card = try store { () throws(StoreError) in try db.customerCard(id: id, pastLimit: past) }
            if card.past.count == past { Output.cutShort(past, "past bookings", option: "--past", first: "latest") }
            if json { Output.json(CustomerCardJSON(card, calendar: calendar, now: db.now)); return }
            let c = card.customer
            Output.line("#\(c.id)  \(e(c.name))")
            Output.line("  Phone   \(e(c.phone ?? "—"))   SMS consent \(c.smsConsent ? "yes" : "no")")
            Output.line("  E-mail  \(e(c.email ?? "—"))   e-mail consent \(c.emailConsent ? "yes" : "no")")
            if !c.notes.isEmpty { Output.line("  Notes   " + c.notes.split(separator: "\n", omittingEmptySubsequences: false).map { e(String($0)) }.joined(separator: "\n          ")) }
            Output.line()
            Output.line(card.treatments.isEmpty ? "No treatments." : "Treatments:")
            for g in card.treatments {
                let p = g.progress(now: db.now)
                Output.line("  \(e(g.serviceName)) (\(g.strategy.rawValue)) \(g.id): \(p.completed)/\(g.totalSessions) completed, \(p.booked) booked, \(p.remaining) not booked yet"
                            + (g.expiresAt.map { ", expires \(calendar.dayTime($0))" } ?? ""))
                for b in g.sessions { Output.line("    " + Output.bookingLine(b, calendar: calendar, noun: g.sessionNoun)) }
            }
            Output.line()
            Output.line(card.upcoming.isEmpty ? "Nothing booked ahead." : "Upcoming:")
            let nouns = try SessionNouns(db)
            for b in card.upcoming { Output.line("  " + Output.bookingLine(b, calendar: calendar, noun: nouns[b])) }
            Output.line(card.past.isEmpty ? "No past bookings." : "Past (latest first, including no-shows and cancellations):")
            for b in card.past { Output.line("  " + Output.bookingLine(b, calendar: calendar, noun: nouns[b])) }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a customer's contact details, notes or consent.",
            discussion: """
            Examples:
              frontdesk customer edit 14 --email anna@example.org --email-consent yes
              frontdesk customer edit "Ben Meier" --notes "prefers mornings"
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Customer number or name.") var customer: String
        @Option(help: "Full name.") var name: String?
        @Option(help: "Phone number (digits and + ( ) - space); \"\" removes it.") var phone: String?
        @Option(help: "Email address; \"\" removes it.") var email: String?
        @Option(help: "Notes (replaces them).") var notes: String?
        @Option(help: "yes or no.") var smsConsent: Consent?
        @Option(help: "yes or no.") var emailConsent: Consent?
        @Flag(help: "Save even when another customer has the same name or phone.") var allowDuplicate = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let current = try store { () throws(StoreError) in try db.resolveCustomer(customer) }
            var details = CustomerDetails(current)
            if let name { details.name = name }
            if let phone { details.phone = phone }
            if let email { details.email = email }
            if let notes { details.notes = notes }
            if let smsConsent { details.smsConsent = smsConsent.value }
            if let emailConsent { details.emailConsent = emailConsent.value }
            guard details != CustomerDetails(current) else {
                throw CommandFailure.invalid("Nothing to change: give --name, --phone, --email, --notes, --sms-consent or --email-consent.")
            }
            let saved = try store { () throws(StoreError) in
                try db.updateCustomer(id: current.id, to: details, allowDuplicate: allowDuplicate)
            }
            if json { Output.json(CustomerJSON(saved)); return }
            Output.line("Saved customer #\(saved.id) \(e(saved.name)).")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge a duplicate customer into another.",
            discussion: """
            OTHER's treatments, bookings and follow-ups move to KEEP, KEEP's empty phone or e-mail is filled from OTHER, notes are joined, and OTHER is removed. One transaction, audited.

            Examples:
              frontdesk customer merge 14 40
            """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The customer to keep (number).") var keep: Int64
        @Argument(help: "The duplicate to merge into it and remove (number).") var other: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let result = try store { () throws(StoreError) in try db.mergeCustomers(keep: keep, other: other) }
            if json { return Output.json(CustomerMergeJSON(result, removedID: other)) }
            Output.line("Merged #\(other) \(e(result.removedName)) into #\(result.kept.id) \(e(result.kept.name)): "
                        + "\(result.bookings) booking\(result.bookings == 1 ? "" : "s"), \(result.treatments) treatment\(result.treatments == 1 ? "" : "s"), "
                        + "\(result.followUps) follow-up\(result.followUps == 1 ? "" : "s") moved.")
        }
    }

    /// Text from the database on one line: line breaks too are shown as escapes.
    static func e(_ text: String) -> String { TerminalSafeText.escaped(text, keepingNewlines: false) }

    enum Consent: String, ExpressibleByArgument {
        case yes, no
        var value: Bool { self == .yes }
    }
}
