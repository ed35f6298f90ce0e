import ArgumentParser
import Foundation

/// The `frontdesk` executable: the full-screen app without a subcommand, scripting subcommands otherwise.
@main
struct Frontdesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdesk",
        abstract: "The front desk for multi-session treatments: book, follow and complete them.",
        discussion: "Without a subcommand, opens the full-screen application.",
        version: "0.1.0",
        subcommands: [
            OpenCommand.self, InitCommand.self, DemoCommand.self, ProviderCommand.self, ServiceCommand.self,
            CustomerCommand.self, BookCommand.self, CompleteCommand.self, CancelCommand.self, NoShowCommand.self,
            RescheduleCommand.self, ReopenCommand.self, EndCommand.self, ExtendCommand.self, AgendaCommand.self,
            GroupsCommand.self, KPICommand.self, FollowUpsCommand.self, BackupCommand.self, RestoreCommand.self,
            DoctorCommand.self, TimeZoneCommand.self, ExportCommand.self, ImportCommand.self,
            ClinicCommand.self, AuditCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// Parses and runs, mapping every failure to SPEC §6's exit codes: 1 failure, 2 invalid input.
    static func main() {
        if let unknown = unknownCommand(in: Array(CommandLine.arguments.dropFirst())) {
            let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }.filter { !$0.isEmpty }
            Output.error("frontdesk: unknown command “\(unknown)”. The commands are: \(names.joined(separator: ", ")). See frontdesk --help.")
            Foundation.exit(2)
        }
        do {
            try RawArguments.requireUTF8()
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Output.error("frontdesk: " + failure.message)
            // A script that asked for JSON gets the refusal as JSON too (a plan that does not fit
            // lists its reasons), on standard output, with the same exit code.
            if CommandLine.arguments.dropFirst().contains("--json") { Output.json(FailureJSON(failure)) }
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            Output.error(fullMessage(for: error))
            // Usage mistakes (unknown option, missing value) are invalid input.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// The first word when it is neither an option nor a command: without this check the parser
    /// hands it to the default command (`open`) and prints that command's usage instead.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        return names.contains(first) ? nil : first
    }
}
