/// A dashboard tile: a title, one big value and a caption, in a box.
public struct Tile: Widget, Equatable {
    public var title: String
    public var value: String
    public var caption: String
    public var valueRole: ThemeRole

    /// A tile such as ("Completion rate", "82%", "41 of 50 closed").
    public init(title: String, value: String, caption: String = "", valueRole: ThemeRole = .accent) {
        self.title = title
        self.value = value
        self.caption = caption
        self.valueRole = valueRole
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let box = Box(title: title)
        box.render(into: &buffer, area: area, theme: theme)
        let inner = box.inner(of: area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let ellipsis = theme.symbols.ellipsis
        let valueStyle = theme[valueRole].patched(with: Style(bold: true))
        buffer.write(value, at: inner.x, y: inner.y, style: valueStyle, maxWidth: inner.width, ellipsis: ellipsis)
        if inner.height > 1, !caption.isEmpty {
            buffer.write(caption, at: inner.x, y: inner.y + 1, style: theme[.dim], maxWidth: inner.width, ellipsis: ellipsis)
        }
    }
}
