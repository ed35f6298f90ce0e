/// Why a theme could not be used; the description says what, why and what to do. The caller shows
/// it on the status line and carries on with the built-in theme.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    /// The file is not valid TOML.
    case syntax(file: String, line: Int, column: Int, reason: String)
    /// A table names a role the app does not have.
    case unknownRole(file: String, line: Int?, role: String)
    /// A role has a key other than fg, bg, bold, dim, reverse, underline.
    case unknownKey(file: String, line: Int?, key: String)
    /// A colour name that is not one of the 16 names, "default" or 0–255.
    case unknownColor(file: String, line: Int?, key: String, value: String)
    /// A value of the wrong kind (text where true/false is expected, and so on).
    case badValue(file: String, line: Int?, key: String, expected: String)
    /// No file for the theme in any search folder.
    case notFound(name: String, searched: [String])
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .syntax(file, line, column, reason):
            return "\(file), line \(line), column \(column): \(reason). The theme file is not valid TOML; fix that line. Using the built-in theme meanwhile."
        case let .unknownRole(file, line, role):
            let roles = ThemeLoader.roleNames.joined(separator: ", ")
            return "\(Self.place(file, line)): [\(role)] is not a theme role. Use one of: \(roles), symbols. Using the built-in theme meanwhile."
        case let .unknownKey(file, line, key):
            return "\(Self.place(file, line)): \(key) is not a style setting. A role may set fg, bg, bold, dim, reverse and underline. Using the built-in theme meanwhile."
        case let .unknownColor(file, line, key, value):
            return "\(Self.place(file, line)): \(key) = \"\(value)\" is not a colour. Use a name such as \"cyan\" or \"bright-red\", \"default\", or a number 0–255. Using the built-in theme meanwhile."
        case let .badValue(file, line, key, expected):
            return "\(Self.place(file, line)): \(key) should be \(expected). Correct the value. Using the built-in theme meanwhile."
        case let .notFound(name, searched):
            let folders = searched.isEmpty ? "no theme folders were found" : "looked in " + searched.joined(separator: ", ")
            return "There is no theme called \"\(name)\" (\(folders)). Choose default, high-contrast or monochrome, or put \(name).toml in one of those folders."
        case let .unreadable(path, reason):
            return "The theme file \(path) could not be read (\(reason)). Check that it exists and is readable. Using the built-in theme meanwhile."
        }
    }

    /// The line the error points at, when known.
    public var line: Int? {
        switch self {
        case let .syntax(_, line, _, _): return line
        case let .unknownRole(_, line, _), let .unknownKey(_, line, _), let .unknownColor(_, line, _, _), let .badValue(_, line, _, _):
            return line
        case .notFound, .unreadable: return nil
        }
    }

    private static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file), line \($0)" } ?? file
    }
}
