import Foundation
import FrontdeskConfiguration
import FrontdeskCore
import FrontdeskStore

/// Manager work on the command line (services, providers, clinic closed days, extending packages):
/// the one place that reads `managers` / `managers_group` and the OS account and says yes or no.
enum ManagerGate {
    /// The configured policy and the account running this process.
    static func decision(action: String,
                         environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> ManagerDecision {
        let configuration: AppConfiguration
        do { configuration = try AppConfiguration.load(environment: environment) } catch { throw .invalid("\(error)") }
        return configuration.managerPolicy.decide(SystemAccount.current(), action: action)
    }

    /// Refuses with exit 1 and one line saying why, unless the account is a manager.
    static func require(_ action: String) throws(CommandFailure) {
        if case let .refused(reason) = try decision(action: action) { throw .failed(reason) }
    }
}
