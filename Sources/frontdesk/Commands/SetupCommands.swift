import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty clinic database.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The clinic's time zone (IANA name such as Europe/Zurich). Default: the system's.")
    var timezone: String?

    func run() throws {
        let db = try database.open(create: true, timeZone: timezone)
        Output.line("Database ready at \(db.path) (time zone \(db.calendar.timeZone.identifier)).")
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Write a consistent copy of the database to PATH.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Where to write the copy (must not exist).") var destination: String

    func run() throws {
        let db = try database.open()
        try store { () throws(StoreError) in try db.backup(to: destination) }
        Output.line("Backed up \(db.path) to \(destination).")
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
                Output.json(CustomerCommand.object(c))
            } else {
                Output.line("Added customer #\(c.id) \(c.name).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List or search customers.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Part of a name or phone number.") var search = ""
        @Option(help: "At most this many.") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let db = try database.open()
            let customers = try store { () throws(StoreError) in try db.searchCustomers(search, limit: limit) }
            if json { Output.json(customers.map(CustomerCommand.object)); return }
            for c in customers {
                Output.line("#\(c.id)  \(c.name)  \(c.phone ?? "")  \(c.email ?? "")")
            }
        }
    }

    static func object(_ c: Customer) -> [String: Any] {
        ["id": c.id, "name": c.name, "phone": c.phone as Any? ?? NSNull(), "email": c.email as Any? ?? NSNull(), "notes": c.notes]
    }
}
