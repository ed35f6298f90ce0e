/// The one-line message after an action: information, an error or a success.
public struct StatusLine: Widget, Equatable {
    /// What kind of message it is; decides the style.
    public enum Kind: Sendable, Equatable, Hashable {
        case info, error, success

        /// The theme role the message is drawn in.
        public var role: ThemeRole {
            switch self {
            case .info: return .statusInfo
            case .error: return .statusError
            case .success: return .statusSuccess
            }
        }
    }

    public var message: String
    public var kind: Kind

    /// A status message.
    public init(_ message: String, kind: Kind = .info) {
        self.message = message
        self.kind = kind
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty, !message.isEmpty else { return }
        let style = theme[kind.role]
        // Errors fill the whole line so they cannot be missed, even in monochrome.
        if kind == .error { buffer.fill(area.row(0), style: style) }
        buffer.write(" \(message)", at: area.x, y: area.y, style: style, maxWidth: area.width, ellipsis: theme.symbols.ellipsis)
    }
}
