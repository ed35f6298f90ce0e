import Foundation
import FrontdeskApp
import FrontdeskConfiguration
import FrontdeskCore
import FrontdeskStore

/// Delivers follow-ups through the configured notify command: the data goes to its standard input
/// as JSON and is never interpolated into a shell line.
enum NotifyCommand {
    /// Sends each follow-up and marks it sent; returns how many were sent.
    @discardableResult
    static func deliver(_ followUps: [FollowUp], database: AppDatabase) throws(CommandFailure) -> Int {
        let environment = ProcessInfo.processInfo.environment
        let argv = try Settings.load(environment: environment).notifyCommand
        guard let program = argv.first else {
            let file = ConfigurationFiles.userFile(environment: environment)
            throw .invalid("No notify_command is configured. Add e.g. notify_command = [\"/usr/local/bin/send-sms\"] to \(file), or mark follow-ups called instead.")
        }
        var sent = 0
        for followUp in followUps {
            // The same shape as `followups --json`, one object per run of the command.
            let payload = Output.encodedJSON(FollowUpJSON(followUp, calendar: database.calendar), pretty: false)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
            process.arguments = program.hasPrefix("/") ? Array(argv.dropFirst()) : argv
            let input = Pipe()
            process.standardInput = input
            do {
                try process.run()
                input.fileHandleForWriting.write(payload)
                try input.fileHandleForWriting.close()
                process.waitUntilExit()
            } catch {
                throw .failed("The notify command \(program) could not be started: \(error). Nothing more was sent.")
            }
            guard process.terminationStatus == 0 else {
                throw .failed("The notify command exited with \(process.terminationStatus) for follow-up #\(followUp.id); it stays pending. \(sent) were sent.")
            }
            _ = try store { () throws(StoreError) in try database.markFollowUp(id: followUp.id, as: .sent) }
            sent += 1
        }
        return sent
    }
}
