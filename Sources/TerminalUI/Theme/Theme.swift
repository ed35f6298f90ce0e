/// Named styles for every semantic role plus the glyph set; a plain value so screens stay pure.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: Style]
    public var symbols: Symbols

    /// A theme; roles missing from `styles` draw in the terminal default.
    public init(name: String, styles: [ThemeRole: Style], symbols: Symbols) {
        self.name = name
        self.styles = styles
        self.symbols = symbols
    }

    /// The style for a role.
    public subscript(role: ThemeRole) -> Style {
        get { styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// The status mark for a session status role (completed, confirmed, cancelled, noShow).
    public func mark(for role: ThemeRole) -> String {
        switch role {
        case .completed: return symbols.completed
        case .confirmed: return symbols.confirmed
        case .cancelled: return symbols.cancelled
        case .noShow: return symbols.noShow
        default: return " "
        }
    }

    /// No colours at all: emphasis by bold, reverse and underline, ASCII marks. Used for NO_COLOR,
    /// colourless terminals and whenever a theme file cannot be loaded.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .normal: .plain,
            .dim: Style(dim: true),
            .title: Style(bold: true),
            .header: Style(bold: true, underline: true),
            .selection: Style(reverse: true),
            .border: .plain,
            .statusInfo: .plain,
            .statusError: Style(bold: true, reverse: true),
            .statusSuccess: Style(bold: true),
            .legendKey: Style(reverse: true),
            .legendLabel: .plain,
            .progressCompleted: Style(bold: true),
            .progressBooked: .plain,
            .progressEmpty: Style(dim: true),
            .accent: Style(bold: true),
            .warning: Style(bold: true, underline: true),
            .completed: .plain,
            .confirmed: Style(bold: true),
            .cancelled: Style(dim: true),
            .noShow: Style(bold: true, underline: true),
        ],
        symbols: .ascii
    )

    /// The colour theme compiled in, matching themes/default.toml, for when no file is found.
    public static let standard = Theme(
        name: "default",
        styles: [
            .normal: .plain,
            .dim: Style(foreground: .brightBlack),
            .title: Style(foreground: .cyan, bold: true),
            .header: Style(foreground: .blue, bold: true),
            .selection: Style(foreground: .black, background: .cyan),
            .border: Style(foreground: .brightBlack),
            .statusInfo: Style(foreground: .cyan),
            .statusError: Style(foreground: .white, background: .red, bold: true),
            .statusSuccess: Style(foreground: .green, bold: true),
            .legendKey: Style(foreground: .black, background: .cyan),
            .legendLabel: .plain,
            .progressCompleted: Style(foreground: .green),
            .progressBooked: Style(foreground: .cyan),
            .progressEmpty: Style(foreground: .brightBlack),
            .accent: Style(foreground: .magenta, bold: true),
            .warning: Style(foreground: .yellow, bold: true),
            .completed: Style(foreground: .green),
            .confirmed: Style(foreground: .cyan),
            .cancelled: Style(foreground: .brightBlack),
            .noShow: Style(foreground: .red, bold: true),
        ],
        symbols: .unicode
    )
}
