/// How a cell looks: colours and emphasis. Nil colours inherit when patched.
public struct Style: Sendable, Equatable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    /// Creates a style; everything unset means the terminal default.
    public init(
        foreground: Color? = nil, background: Color? = nil,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// Layers `other` on top: its colours win where set, emphasis accumulates.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground ?? foreground,
            background: other.background ?? background,
            bold: bold || other.bold,
            dim: dim || other.dim,
            reverse: reverse || other.reverse,
            underline: underline || other.underline
        )
    }

    /// The foreground to draw with (nil resolves to the terminal default).
    public var resolvedForeground: Color { foreground ?? .default }
    /// The background to draw with (nil resolves to the terminal default).
    public var resolvedBackground: Color { background ?? .default }
}
