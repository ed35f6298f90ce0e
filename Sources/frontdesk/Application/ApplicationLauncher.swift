import CursesBackend
import Foundation
import Glibc
import FrontdeskApp
import FrontdeskConfiguration
import FrontdeskRuntime
import FrontdeskStore
import TerminalUI

/// Opens the full-screen application on a database: checks the terminal, picks the theme, runs the
/// loop and always gives the terminal back in its normal state.
enum ApplicationLauncher {
    /// A parent may start us with SIGTERM, SIGINT or SIGHUP blocked (some supervisors and test
    /// runners do); then a hangup would never reach the loop and the process would linger.
    static func allowQuitSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    static func run(database: AppDatabase, theme flag: String?, firstFrameExit: Bool) throws(CommandFailure) {
        // Before ncurses: an unknown TERM would otherwise make initscr print its own message and exit.
        if let problem = CursesTerminal.checkTerminal() { throw .invalid(problem) }
        let environment = ProcessInfo.processInfo.environment
        var warnings: [String] = []
        let configuration: AppConfiguration
        do {
            configuration = try Settings.load(environment: environment)
        } catch {
            warnings.append(error.message)
            configuration = AppConfiguration()
        }
        allowQuitSignals()
        let terminal = CursesTerminal()
        do {
            try terminal.start()
        } catch {
            throw .invalid(error.description)
        }
        defer { terminal.stop() }
        let choice = ThemeSelection.choose(flag: flag, configuration: configuration, environment: environment,
                                           terminalHasColors: terminal.colorsAvailable, searchPaths: ThemeSearchPaths.current())
        if let warning = choice.warning { warnings.insert(warning, at: 0) }
        var theme = choice.theme
        if let notice = terminal.textMode.notice {
            // Marks and bars in ASCII too, and say why names look plainer than they are.
            theme.symbols = .ascii
            warnings.insert(notice, at: 0)
        }
        let status = warnings.first.map { StatusLine($0, kind: .error) }
        let size = terminal.size
        let session = AppSession(database: database, theme: theme, width: size.width, height: size.height, status: status,
                                 execution: .background, managers: configuration.managerPolicy,
                                 sendFollowUp: sendNow(configuration, database: database))
        TerminalLoop.run(session, on: terminal, firstFrameOnly: firstFrameExit)
        terminal.stop()
        // Ended by SIGTERM, SIGINT or SIGHUP (or a hangup): say so as a killed program would, with
        // 143, 130 or 129, so a supervisor or script can tell it from staff quitting.
        if let signal = terminal.quitSignal { exit(128 + signal) }
    }

    /// The Follow-ups screen's "send now": the same sender as `followups --send --id`, with the same settings.
    static func sendNow(_ configuration: AppConfiguration, database: AppDatabase) -> FollowUpSendNow? {
        guard !configuration.notifyCommand.isEmpty else { return nil }
        let settings = FollowUpSending(command: configuration.notifyCommand, timeout: configuration.notifyTimeout,
                                       templates: configuration.messageTemplates, quietHours: configuration.quietHours,
                                       sendCancellationNotices: configuration.sendCancellationNotices)
        return { id throws(StoreError) in
            let calendar = database.calendar
            return try FollowUpSender(database: database, settings: settings) { notifyPayload($0, text: $1, calendar: calendar) }
                .sendDue(onlyID: id)
        }
    }
}
