import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskStore

/// `frontdesk restore BACKUP`: puts a backup back in place of the database, keeping the replaced file.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup back in place of the database.",
        discussion: """
        The backup is checked first (SQLite's integrity check, and that this version can use its schema). The file \
        it replaces is kept beside it as NAME.before-restore-DATE. Close every Frontdesk using the database first: \
        restore refuses while another one has it open.

        Examples:
          frontdesk restore /var/backups/clinic-2026-03-10.sqlite
        """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The backup file (from `frontdesk backup`).", completion: .file()) var backup: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let clock = try Clock.fromEnvironment()
        let path = try database.path
        let outcome = try store { () throws(StoreError) in
            try AppDatabase.restore(backup: backup, to: path, clock: clock)
        }
        let restored = try database.open()
        try store { () throws(StoreError) in try restored.recordRestore(from: backup, keptAs: outcome.keptAs) }
        if json { return Output.json(RestoreJSON(restored: outcome.path, from: backup, keptAs: outcome.keptAs)) }
        Output.line("Restored \(backup) to \(outcome.path).")
        if let kept = outcome.keptAs { Output.line("The replaced database is kept as \(kept).") }
    }
}
