import Foundation
import FrontdeskCore
import TOMLKit

/// Settings from `$XDG_CONFIG_HOME/frontdesk/config.toml` (default `~/.config`). A missing file
/// means defaults; a broken one is an error naming the line.
public struct AppConfiguration: Sendable, Equatable {
    /// Theme name or path.
    public var theme: String?
    /// IANA time zone of the clinic, e.g. "Europe/Berlin".
    public var timezone: String?
    /// Program and arguments run to send a follow-up, argv style (no shell).
    public var notifyCommand: [String]
    /// Name recorded on actions taken at this desk.
    public var staffName: String?
    /// `managers` and `managers_group`: who may change services, providers and closed days.
    public var managerPolicy = ManagerPolicy()
    /// How many days ahead a session may be booked (`max_booking_horizon_days`, default 730).
    public var maxBookingHorizonDays: Int?

    /// A configuration; everything unset by default.
    public init(theme: String? = nil, timezone: String? = nil, notifyCommand: [String] = [], staffName: String? = nil) {
        self.theme = theme
        self.timezone = timezone
        self.notifyCommand = notifyCommand
        self.staffName = staffName
    }

    /// `$XDG_CONFIG_HOME/frontdesk`, or `~/.config/frontdesk`.
    public static func configFolder(environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".config")
        }
        return base.appendingPathComponent("frontdesk")
    }

    /// Reads the configuration file for this environment; defaults when it does not exist.
    public static func load(environment: [String: String]) throws(ConfigurationError) -> AppConfiguration {
        let file = configFolder(environment: environment).appendingPathComponent("config.toml")
        guard FileManager.default.fileExists(atPath: file.path) else { return AppConfiguration() }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable(path: file.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(text, file: file.path)
    }

    static let knownKeys = ["theme", "timezone", "notify_command", "staff_name", "max_booking_horizon_days", "managers", "managers_group"]

    /// Parses configuration text; `file` names it in error messages.
    public static func parse(_ text: String, file: String = "config.toml") throws(ConfigurationError) -> AppConfiguration {
        let table: TOMLTable, locator: TOMLLineLocator
        do {
            (table, locator) = try TOMLText.table(text)
        } catch {
            throw .syntax(file: file, line: error.line, column: error.column, reason: error.reason)
        }
        var configuration = AppConfiguration()
        for key in table.keys.sorted() {
            let line = locator.line(ofKey: key, inTable: nil) ?? locator.line(ofTable: key)
            guard let value = table[key] else { continue }
            func string() throws(ConfigurationError) -> String {
                guard let text = value.string else { throw .badValue(file: file, line: line, key: key, expected: "text in quotes") }
                return text
            }
            switch key {
            case "theme": configuration.theme = try string()
            case "timezone":
                let zone = try string()
                guard TimeZone(identifier: zone) != nil else {
                    throw .badValue(file: file, line: line, key: key, expected: "a time zone name such as \"Europe/Berlin\"")
                }
                configuration.timezone = zone
            case "staff_name": configuration.staffName = try string()
            case "managers_group": configuration.managerPolicy.managersGroup = try string()
            case "managers":
                let expected = "a list of OS user names, e.g. [\"anna\", \"ben\"]"
                guard let array = value.array else { throw .badValue(file: file, line: line, key: key, expected: expected) }
                var names: [String] = []
                for element in array {
                    guard let name = element.string, !name.isEmpty else { throw .badValue(file: file, line: line, key: key, expected: expected) }
                    names.append(name)
                }
                configuration.managerPolicy.managers = names
            case "max_booking_horizon_days":
                guard let days = value.int, (1...36_600).contains(days) else {
                    throw .badValue(file: file, line: line, key: key, expected: "a whole number of days from 1 to 36600, e.g. 730")
                }
                configuration.maxBookingHorizonDays = days
            case "notify_command":
                guard let array = value.array, !array.isEmpty else {
                    throw .badValue(file: file, line: line, key: key, expected: "a list of texts, e.g. [\"notify-send\", \"Frontdesk\"]")
                }
                var parts: [String] = []
                for element in array {
                    guard let part = element.string else {
                        throw .badValue(file: file, line: line, key: key, expected: "a list of texts, e.g. [\"notify-send\", \"Frontdesk\"]")
                    }
                    parts.append(part)
                }
                configuration.notifyCommand = parts
            default:
                throw .unknownKey(file: file, line: line, key: key)
            }
        }
        return configuration
    }
}

/// Why the configuration file could not be used; says what, why and what to do.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case syntax(file: String, line: Int, column: Int, reason: String)
    case unknownKey(file: String, line: Int?, key: String)
    case badValue(file: String, line: Int?, key: String, expected: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .syntax(file, line, column, reason):
            return "\(file), line \(line), column \(column): \(reason). The settings file is not valid TOML; fix that line."
        case let .unknownKey(file, line, key):
            let known = AppConfiguration.knownKeys.joined(separator: ", ")
            return "\(Self.place(file, line)): \(key) is not a setting. Known settings: \(known). Remove or rename it."
        case let .badValue(file, line, key, expected):
            return "\(Self.place(file, line)): \(key) should be \(expected). Correct the value."
        case let .unreadable(path, reason):
            return "The settings file \(path) could not be read (\(reason)). Check its permissions."
        }
    }

    /// The line the error points at, when known.
    public var line: Int? {
        switch self {
        case let .syntax(_, line, _, _): return line
        case let .unknownKey(_, line, _), let .badValue(_, line, _, _): return line
        case .unreadable: return nil
        }
    }

    private static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file), line \($0)" } ?? file
    }
}
