import ArgumentParser
import Foundation

/// `frontdesk doctor`: examines the database and the configuration, read-only, and says what to do.
/// Exit 0 when nothing is wrong (warnings allowed), 1 when a check found a problem.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database and the configuration, and say what to do.",
        discussion: """
        Reads only: runs SQLite's integrity and foreign-key checks, recounts the Dashboard's counters, looks at \
        the file's permissions and schema version, and reads the configuration. Exits 1 when a check finds a problem.

        Examples:
          frontdesk doctor
          frontdesk doctor --db /srv/frontdesk/clinic.sqlite --json
        """)

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON.") var json = false

    /// Every check, in the order they run and print. Add new groups here.
    static var checks: [DoctorCheck] { DatabaseChecks.all + ConfigurationChecks.all + InstallChecks.all }

    func run() throws {
        let context = DoctorContext(databasePath: try database.path, environment: ProcessInfo.processInfo.environment)
        var results: [(name: String, findings: [DoctorFinding])] = []
        for check in Self.checks {
            results.append((check.name, check.run(context)))
        }
        let problems = results.flatMap(\.findings).filter { $0.level == .problem }.count
        if json {
            Output.json(results.map { result in
                DoctorCheckJSON(check: result.name, findings: result.findings.map {
                    DoctorCheckJSON.Finding(level: $0.level.rawValue.lowercased(), text: $0.text, advice: $0.advice)
                })
            })
        } else {
            Output.line("Checking \(context.databasePath)")
            for result in results {
                for finding in result.findings {
                    Output.line("[\(finding.level.rawValue)] \(result.name): \(finding.text)")
                    if let advice = finding.advice { Output.line("    → \(advice)") }
                }
            }
            Output.line(problems == 0 ? "No problems found." : "\(problems) problem\(problems == 1 ? "" : "s") found; see → for what to do.")
        }
        if problems > 0 { throw ExitCode(1) }
    }
}
