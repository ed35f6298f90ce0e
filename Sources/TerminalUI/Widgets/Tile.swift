/// A dashboard tile: a title, one big value, a caption and any further lines, in a box whose
/// border shows when the tile is selected.
public struct Tile: Widget, Equatable {
    public var title: String
    public var value: String
    public var caption: String
    public var valueRole: ThemeRole
    /// Lines under the caption (a figure per strategy …).
    public var details: [String]
    /// The border's role: `.accent` marks the selected tile.
    public var borderRole: ThemeRole

    /// A tile such as ("Completion rate", "82%", "41 of 50 closed").
    public init(title: String, value: String, caption: String = "", valueRole: ThemeRole = .accent,
                details: [String] = [], borderRole: ThemeRole = .border) {
        self.title = title
        self.value = value
        self.caption = caption
        self.valueRole = valueRole
        self.details = details
        self.borderRole = borderRole
    }

    /// Rows the tile needs to show everything: the border, the value, the caption and the details.
    public var height: Int { 3 + (caption.isEmpty ? 0 : 1) + details.count }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let box = Box(title: title, role: borderRole, titleRole: borderRole == .border ? .title : borderRole)
        box.render(into: &buffer, area: area, theme: theme)
        let inner = box.inner(of: area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let ellipsis = theme.symbols.ellipsis
        let valueStyle = theme[valueRole].patched(with: Style(bold: true))
        buffer.write(value, at: inner.x, y: inner.y, style: valueStyle, maxWidth: inner.width, ellipsis: ellipsis)
        var y = inner.y + 1
        if !caption.isEmpty, y < inner.maxY {
            buffer.write(caption, at: inner.x, y: y, style: theme[.dim], maxWidth: inner.width, ellipsis: ellipsis)
            y += 1
        }
        for line in details where y < inner.maxY {
            buffer.write(line, at: inner.x, y: y, style: theme[.normal], maxWidth: inner.width, ellipsis: ellipsis)
            y += 1
        }
    }
}
