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
            let known = ConfigurationKey.usedNames.joined(separator: ", ")
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
