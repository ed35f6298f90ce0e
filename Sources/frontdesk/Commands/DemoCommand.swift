import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo clinic (and open it with --open).",
        discussion: """
        Without --bookings: a small clinic around today — a dental practice, physiotherapy and a driving school, with
        treatments in every state. With --bookings N: N generated bookings (about 40% in treatments of 3–10 sessions)
        over two years, for trying Frontdesk at scale. A database that already holds the demo is reused.
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Generate this many bookings instead of the story clinic.") var bookings: Int?
    @Option(help: "The clinic's time zone for a new database.") var timezone: String?
    @Flag(help: "Open the full-screen application afterwards.") var open = false
    @Option(help: "Theme for --open.") var theme: String?

    func run() throws {
        let db = try database.open(create: true, timeZone: timezone)
        if try store({ () throws(StoreError) in try db.isDemo() }) {
            Output.error("Using the demo database at \(db.path).")
        } else {
            if let bookings {
                guard bookings >= 0, bookings <= 20_000_000 else { throw CommandFailure.invalid("--bookings must be between 0 and 20,000,000.") }
                let started = Date()
                let written = try store { () throws(StoreError) in try db.seedVolume(bookings: bookings) }
                let seconds = Date().timeIntervalSince(started)
                Output.error(String(format: "Wrote %d bookings in %.1f s (%.0f rows/s) to %@.", written, seconds,
                                    Double(written) / max(seconds, 0.001), db.path))
            } else {
                try store { () throws(StoreError) in try db.seedDemoClinic() }
                Output.error("Created the demo clinic at \(db.path).")
            }
        }
        if open {
            try OpenCommand.runApplication(database: db, theme: theme)
        }
    }
}

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the full-screen application (the default).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Colour theme: default, high-contrast, monochrome, or a .toml file.") var theme: String?

    func run() throws {
        let db = try database.open()
        try OpenCommand.runApplication(database: db, theme: theme)
    }

    static func runApplication(database: AppDatabase, theme: String?) throws {
        // Until the full-screen application lands, show today's agenda.
        let calendar = database.calendar
        let today = calendar.localDay(of: database.now)
        let page = try store { () throws(StoreError) in try database.agenda(day: today, days: 1) }
        Output.line("Today, \(calendar.longDay(database.now)):")
        for booking in page { Output.line("  " + Output.bookingLine(booking, calendar: calendar)) }
    }
}
