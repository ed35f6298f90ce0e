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
            RescheduleCommand.self, AgendaCommand.self, GroupsCommand.self, KPICommand.self, FollowUpsCommand.self,
            BackupCommand.self, ClinicCommand.self, AuditCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// Parses and runs, mapping every failure to SPEC §6's exit codes: 1 failure, 2 invalid input.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Output.error("frontdesk: " + failure.message)
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
}
