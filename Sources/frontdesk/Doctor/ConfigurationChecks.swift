import Foundation
import FrontdeskConfiguration

/// The configuration's checks: `config.toml` is readable and valid.
enum ConfigurationChecks {
    static let all: [DoctorCheck] = [
        DoctorCheck(name: "configuration", run: configuration),
    ]

    static func configuration(_ context: DoctorContext) -> [DoctorFinding] {
        let file = AppConfiguration.configFolder(environment: context.environment).appendingPathComponent("config.toml").path
        guard FileManager.default.fileExists(atPath: file) else { return [.ok("no \(file); defaults apply")] }
        do {
            _ = try AppConfiguration.load(environment: context.environment)
            return [.ok("\(file) is readable and valid")]
        } catch {
            return [.problem(error.description, "Correct the line named, or move the file away to use the defaults.")]
        }
    }
}
