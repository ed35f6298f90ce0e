/// Who may change services, providers and clinic closed days, and extend packages (SPEC §6):
/// the OS users named in `managers`, or members of the OS group `managers_group`; when neither is
/// configured, everyone (a one-person clinic).
public struct ManagerPolicy: Sendable, Equatable {
    public var managers: [String]
    public var managersGroup: String?

    public init(managers: [String] = [], managersGroup: String? = nil) {
        self.managers = managers
        self.managersGroup = managersGroup
    }

    /// No manager configured: everyone may change everything.
    public var isOpenToEveryone: Bool { managers.isEmpty && managersGroup == nil }

    /// Why `account` may not do manager work, naming `action` and who may.
    public func refusal(account: String, action: String = ManagerPolicy.defaultAction) -> String {
        var who: [String] = []
        if !managers.isEmpty { who.append("managers = [\(managers.map { "\"\($0)\"" }.joined(separator: ", "))]") }
        if let group = managersGroup { who.append("the group “\(group)”") }
        return "Only managers may \(action): the account “\(account)” is not in \(who.joined(separator: " or ")) of the configuration. Ask a manager, or log in as one."
    }

    /// The manager work the screens guard.
    public static let defaultAction = "change services, providers and closed days"

    /// Whether `account` may do manager work; a refusal says why in one line, naming `action`
    /// ("import services", "edit providers").
    public func decide(_ account: OSAccount, action: String = ManagerPolicy.defaultAction) -> ManagerDecision {
        if isOpenToEveryone || managers.contains(account.name) { return .allowed }
        if let group = managersGroup, account.groups.contains(group) { return .allowed }
        return .refused(reason: refusal(account: account.name, action: action))
    }
}

/// The operating-system account running the program: the acting user of every change.
public struct OSAccount: Sendable, Equatable {
    /// The login name of the effective user id (never `$USER`, which anyone can set).
    public var name: String
    /// Names of the groups the account belongs to, its primary group included.
    public var groups: [String]

    public init(name: String, groups: [String] = []) {
        self.name = name
        self.groups = groups
    }
}

/// The answer of `ManagerPolicy.decide`.
public enum ManagerDecision: Sendable, Equatable {
    case allowed
    /// Not a manager; `reason` is one line for the status bar or standard error.
    case refused(reason: String)

    public var isAllowed: Bool { self == .allowed }
}
