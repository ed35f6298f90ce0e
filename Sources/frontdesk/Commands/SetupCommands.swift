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
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Write a consistent copy of the database to PATH.",
        discussion: """
        Examples:
          frontdesk backup /var/backups/clinic-2026-03-10.sqlite
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Where to write the copy: a new file, or a folder (gets frontdesk-YYYYMMDD-HHMM.sqlite).", completion: .file())
    var destination: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let db = try database.open()
        let written = try store { () throws(StoreError) in try db.backup(to: destination) }
        if json { Output.json(BackupJSON(database: db.path, backup: written)); return }
        Output.line("Backed up \(db.path) to \(written).")
    }
}
