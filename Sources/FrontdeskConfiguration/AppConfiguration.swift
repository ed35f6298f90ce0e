import Foundation
import FrontdeskCore
import TOMLKit

/// Settings from the system's and the user's `config.toml` (see `ConfigurationFiles` for where they
/// are and which wins). A missing file means defaults; a broken one is an error naming the file and line.
public struct AppConfiguration: Sendable, Equatable {
    /// Theme name or path.
    public var theme: String?
    /// IANA time zone a new database is created for (`frontdesk init`), e.g. "Europe/Berlin".
    public var timezone: String?
    /// Program and arguments run to send a follow-up, argv style (no shell).
    public var notifyCommand: [String]
    /// The database file every command opens when neither `--db` nor `FRONTDESK_DB` is given.
    public var database: String?
    /// How many days ahead a session may be booked (`max_booking_horizon_days`, default 730).
    public var maxBookingHorizonDays: Int?
    /// `managers` and `managers_group`: who may change services, providers and closed days.
    public var managerPolicy = ManagerPolicy()
    /// Keys that were read but are no longer used, with the file that still sets them.
    public var retiredKeysSet: [RetiredKeyUse]
    /// The files read, least important first.
    public var files: [String]

    /// A configuration; everything unset by default.
    public init(theme: String? = nil, timezone: String? = nil, notifyCommand: [String] = [], database: String? = nil,
                retiredKeysSet: [RetiredKeyUse] = [], files: [String] = []) {
        self.theme = theme
        self.timezone = timezone
        self.notifyCommand = notifyCommand
        self.database = database
        self.retiredKeysSet = retiredKeysSet
        self.files = files
    }

    /// `$XDG_CONFIG_HOME/frontdesk`, or `~/.config/frontdesk`.
    public static func configFolder(environment: [String: String]) -> URL {
        URL(fileURLWithPath: XDGFolders.configHome(environment: environment)).appendingPathComponent("frontdesk")
    }

    /// Reads every configuration file for this environment (system first, the user's last, each key
    /// from the most important file that sets it); defaults when none exists.
    public static func load(environment: [String: String], systemFile: String = ConfigurationFiles.systemFile)
        throws(ConfigurationError) -> AppConfiguration {
        let paths = ConfigurationFiles.paths(environment: environment, systemFile: systemFile)
        var texts: [(file: String, text: String)] = []
        for path in paths where FileManager.default.fileExists(atPath: path) {
            do {
                texts.append((path, try String(contentsOfFile: path, encoding: .utf8)))
            } catch {
                throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
            }
        }
        return try parse(files: texts, environment: environment)
    }

    /// Parses one configuration text; `file` names it in error messages.
    public static func parse(_ text: String, file: String = "config.toml") throws(ConfigurationError) -> AppConfiguration {
        try parse(files: [(file, text)], environment: [:])
    }

    /// Parses configuration texts, least important first; a later file's key replaces an earlier one's.
    static func parse(files: [(file: String, text: String)], environment: [String: String]) throws(ConfigurationError) -> AppConfiguration {
        var winners: [String: (value: TOMLValueConvertible, file: String, line: Int?)] = [:]
        for (file, text) in files {
            let table: TOMLTable, locator: TOMLLineLocator
            do {
                (table, locator) = try TOMLText.table(text)
            } catch {
                throw .syntax(file: file, line: error.line, column: error.column, reason: error.reason)
            }
            for key in table.keys {
                guard let value = table[key] else { continue }
                let line = locator.line(ofKey: key, inTable: nil) ?? locator.line(ofTable: key)
                guard ConfigurationKey.named(key) != nil else { throw .unknownKey(file: file, line: line, key: key) }
                winners[key] = (value, file, line)
            }
        }
        var configuration = AppConfiguration(files: files.map(\.file))
        for key in winners.keys.sorted() {
            guard let (value, file, line) = winners[key], let known = ConfigurationKey.named(key) else { continue }
            try configuration.apply(known, value: value, file: file, line: line, environment: environment)
        }
        return configuration
    }

    private mutating func apply(_ key: ConfigurationKey, value: TOMLValueConvertible, file: String, line: Int?,
                                environment: [String: String]) throws(ConfigurationError) {
        func string() throws(ConfigurationError) -> String {
            guard let text = value.string else { throw .badValue(file: file, line: line, key: key.name, expected: "text in quotes") }
            return text
        }
        switch key.name {
        case "theme": theme = try string()
        case "timezone":
            let zone = try string()
            guard TimeZone(identifier: zone) != nil else {
                throw .badValue(file: file, line: line, key: key.name, expected: "a time zone name such as \"Europe/Berlin\"")
            }
            timezone = zone
        case "database":
            let path = try string()
            guard !path.isEmpty else { throw .badValue(file: file, line: line, key: key.name, expected: "the path of the database file") }
            database = ConfigurationFiles.resolve(path, relativeTo: file, environment: environment)
        case "max_booking_horizon_days":
            guard let days = value.int, (1...36_600).contains(days) else {
                throw .badValue(file: file, line: line, key: key.name, expected: "a whole number of days from 1 to 36600, e.g. 730")
            }
            maxBookingHorizonDays = days
        case "managers":
            let expected = "a list of OS user names, e.g. [\"anna\", \"ben\"]"
            guard let array = value.array else { throw .badValue(file: file, line: line, key: key.name, expected: expected) }
            var names: [String] = []
            for element in array {
                guard let name = element.string, !name.isEmpty else { throw .badValue(file: file, line: line, key: key.name, expected: expected) }
                names.append(name)
            }
            managerPolicy.managers = names
        case "managers_group":
            let group = try string()
            guard !group.isEmpty else { throw .badValue(file: file, line: line, key: key.name, expected: "the name of an OS group") }
            managerPolicy.managersGroup = group
        case "notify_command":
            let expected = "a list of texts, e.g. [\"notify-send\", \"Frontdesk\"]"
            guard let array = value.array, !array.isEmpty else { throw .badValue(file: file, line: line, key: key.name, expected: expected) }
            var parts: [String] = []
            for element in array {
                guard let part = element.string else { throw .badValue(file: file, line: line, key: key.name, expected: expected) }
                parts.append(part)
            }
            notifyCommand = parts
        default:
            // Retired keys parse (an old file keeps working) and are reported by `frontdesk doctor`.
            retiredKeysSet.append(RetiredKeyUse(key: key.name, file: file, line: line))
        }
    }
}

/// A retired key still set in a file; `doctor` asks to remove it.
public struct RetiredKeyUse: Sendable, Equatable {
    public var key: String
    public var file: String
    public var line: Int?
}
