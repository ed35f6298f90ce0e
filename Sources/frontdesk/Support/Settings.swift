import Foundation
import FrontdeskConfiguration

/// The configuration files, read once per process; a broken file is invalid input (exit 2) naming
/// the file and the line.
enum Settings {
    nonisolated(unsafe) private static var cached: AppConfiguration?

    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> AppConfiguration {
        if let cached { return cached }
        do {
            let configuration = try AppConfiguration.load(environment: environment)
            cached = configuration
            return configuration
        } catch {
            throw .invalid(error.description)
        }
    }
}
