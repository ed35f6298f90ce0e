/// What a piece of the screen means; themes map each role to a style.
public enum ThemeRole: String, Sendable, CaseIterable, Hashable, Codable {
    case normal, dim, title, header, selection, border
    case statusInfo, statusError, statusSuccess
    case legendKey, legendLabel
    case progressCompleted, progressBooked, progressEmpty
    case accent, warning
    case completed, confirmed, cancelled, noShow

    /// The key used in theme files: snake_case ("status_error", "no_show").
    public var fileKey: String {
        var result = ""
        for character in rawValue {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The role for a theme-file key, accepting snake_case, kebab-case or camelCase.
    public init?(fileKey: String) {
        let wanted = fileKey.lowercased().filter { $0 != "_" && $0 != "-" }
        guard let role = ThemeRole.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = role
    }
}
