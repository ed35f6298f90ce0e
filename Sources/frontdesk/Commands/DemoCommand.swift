import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo clinic (and open it with --open).",
        discussion: """
        Without --bookings: a small clinic around today — a dental practice, physiotherapy and a driving school, with \
        treatments in every state. With --bookings N: N generated bookings (about 40% in treatments of 3–10 sessions) \
        over two years, for trying Frontdesk at scale. A database that already holds the demo is reused.

        Examples:
          frontdesk demo --db /tmp/demo.sqlite --open
          frontdesk demo --db /tmp/big.sqlite --bookings 100000
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Generate this many bookings instead of the story clinic.") var bookings: Int?
    @Option(help: "The clinic's time zone for a new database.") var timezone: String?
    @Flag(help: "Open the full-screen application afterwards.") var open = false
    @Option(help: ThemeArgument.help, completion: ThemeArgument.completion) var theme: String?
    @Flag(help: .hidden) var firstFrameExit = false
    @Flag(help: "Print JSON (not with --open).") var json = false

    func validate() throws {
        if let bookings { try NumericOption.check("--bookings", bookings, in: 0...20_000_000) }
        if json && open { throw ValidationError("--json and --open do not go together: --open starts the full-screen application.") }
    }

    func run() throws {
        // The zone for a new database, as init chooses it: --timezone, the configuration's, the system's.
        let zone = try timezone ?? (database.needsCreating ? (Settings.load().timezone ?? SystemTimeZone.identifier()) : nil)
        let db = try database.open(create: true, timeZone: zone)
        if !db.wasCreated, let timezone, timezone != db.timeZoneName {
            throw CommandFailure.failed("The database at \(db.path) exists (time zone \(db.timeZoneName)); --timezone only applies to a new one, so nothing was changed. To change the zone, run `frontdesk timezone \(timezone)`.")
        }
        var seeded = false, bookingsWritten: Int?
        if try store({ () throws(StoreError) in try db.isDemo() }) {
            Output.error("Using the demo database at \(db.path).")
        } else {
            seeded = true
            if let bookings {
                let started = Date()
                let written = try store { () throws(StoreError) in try db.seedVolume(bookings: bookings) }
                let seconds = Date().timeIntervalSince(started)
                Output.error(String(format: "Wrote %d bookings in %.1f s (%.0f rows/s) to %@.", written, seconds,
                                    Double(written) / max(seconds, 0.001), db.path))
                bookingsWritten = written
                let queued = try store { () throws(StoreError) in try db.generateDueFollowUps() }
                Output.error("Queued \(queued) follow-ups for the coming week.")
            } else {
                try store { () throws(StoreError) in try db.seedDemoClinic() }
                // Its reminders, check-ins and overdue notices are on the Follow-ups list from the start.
                try store { () throws(StoreError) in _ = try db.generateDueFollowUps() }
                Output.error("Created the demo clinic at \(db.path).")
            }
        }
        if json { Output.json(DemoJSON(path: db.path, timezone: db.timeZoneName, seeded: seeded, bookingsWritten: bookingsWritten)) }
        if open {
            try OpenCommand.runApplication(database: db, theme: theme, firstFrameExit: firstFrameExit)
        }
    }
}

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the full-screen application (the default).",
        discussion: """
        Examples:
          frontdesk open
          frontdesk open --db /srv/frontdesk/clinic.sqlite --theme high-contrast
        """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ThemeArgument.help, completion: ThemeArgument.completion) var theme: String?
    /// For benchmarks: draw the first full Bookings screen, then exit 0.
    @Flag(help: .hidden) var firstFrameExit = false

    func run() throws {
        let db = try database.open()
        try OpenCommand.runApplication(database: db, theme: theme, firstFrameExit: firstFrameExit)
    }

    /// The full-screen application; returns when staff quit, a signal arrives or the terminal hangs up.
    static func runApplication(database: AppDatabase, theme: String?, firstFrameExit: Bool = false) throws {
        try ApplicationLauncher.run(database: database, theme: theme, firstFrameExit: firstFrameExit)
    }
}
