import Foundation

/// One thing `frontdesk doctor` examines. Checks are data: a name and a function from the context
/// to findings. Groups of checks live in one file each (database, configuration …) and are listed
/// in `DoctorCommand.checks`; adding a check means adding it to a group's list.
struct DoctorCheck: Sendable {
    var name: String
    var run: @Sendable (DoctorContext) -> [DoctorFinding]
}

/// What the checks look at.
struct DoctorContext {
    var databasePath: String
    var environment: [String: String]
}

/// One result of a check: how serious it is, what was found and what to do about it.
struct DoctorFinding: Equatable {
    enum Level: String, Equatable {
        case ok = "ok"
        case warning = "warning"
        case problem = "PROBLEM"
    }

    var level: Level
    var text: String
    var advice: String?

    static func ok(_ text: String) -> DoctorFinding { DoctorFinding(level: .ok, text: text, advice: nil) }
    static func warning(_ text: String, _ advice: String) -> DoctorFinding { DoctorFinding(level: .warning, text: text, advice: advice) }
    static func problem(_ text: String, _ advice: String) -> DoctorFinding { DoctorFinding(level: .problem, text: text, advice: advice) }
}
