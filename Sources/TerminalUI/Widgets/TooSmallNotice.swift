/// What every screen shows instead of itself when the terminal is smaller than the layouts allow.
public struct TooSmallNotice: Widget, Equatable {
    /// The smallest terminal the screens are laid out for.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    /// True when a terminal of this size cannot show the screens.
    public static func isTooSmall(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }

    public init() {}

    /// The sentence shown for a terminal of the given size.
    public static func message(width: Int, height: Int) -> String {
        "Please enlarge the window to at least \(minimumWidth)×\(minimumHeight) (now \(width)×\(height))"
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.normal])
        let lines = TextWidth.wrap(TooSmallNotice.message(width: area.width, height: area.height), to: max(1, area.width - 2))
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (row, line) in lines.prefix(area.height).enumerated() {
            let x = area.x + max(0, (area.width - TextWidth.width(of: line)) / 2)
            buffer.write(line, at: x, y: top + row, style: theme[.warning], maxWidth: area.width)
        }
    }
}
