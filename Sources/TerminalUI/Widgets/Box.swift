/// A border with an optional title; content goes inside `inner(of:)`.
public struct Box: Widget {
    public var title: String?
    public var role: ThemeRole
    public var titleRole: ThemeRole

    /// A box with a title drawn into the top border.
    public init(title: String? = nil, role: ThemeRole = .border, titleRole: ThemeRole = .title) {
        self.title = title
        self.role = role
        self.titleRole = titleRole
    }

    /// The area left inside the border.
    public func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 2, area.height >= 2 else { return }
        let box = theme.symbols.box
        let style = theme[role]
        let right = area.maxX - 1, bottom = area.maxY - 1
        for x in (area.x + 1)..<right {
            buffer.set(Cell(box.horizontal, style: style), x: x, y: area.y)
            buffer.set(Cell(box.horizontal, style: style), x: x, y: bottom)
        }
        for y in (area.y + 1)..<bottom {
            buffer.set(Cell(box.vertical, style: style), x: area.x, y: y)
            buffer.set(Cell(box.vertical, style: style), x: right, y: y)
        }
        buffer.set(Cell(box.topLeft, style: style), x: area.x, y: area.y)
        buffer.set(Cell(box.topRight, style: style), x: right, y: area.y)
        buffer.set(Cell(box.bottomLeft, style: style), x: area.x, y: bottom)
        buffer.set(Cell(box.bottomRight, style: style), x: right, y: bottom)
        if let title, !title.isEmpty, area.width > 4 {
            buffer.write(" \(title) ", at: area.x + 1, y: area.y, style: theme[titleRole],
                         maxWidth: area.width - 2, ellipsis: theme.symbols.ellipsis)
        }
    }
}
