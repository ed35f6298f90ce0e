/// A row of screen titles with the active one highlighted.
public struct Tabs: Widget, Equatable {
    public var titles: [String]
    public var activeIndex: Int

    /// Tabs with one active.
    public init(titles: [String], activeIndex: Int = 0) {
        self.titles = titles
        self.activeIndex = activeIndex
    }

    /// Activates the next tab, wrapping around.
    public mutating func next() { if !titles.isEmpty { activeIndex = (activeIndex + 1) % titles.count } }
    /// Activates the previous tab, wrapping around.
    public mutating func previous() { if !titles.isEmpty { activeIndex = (activeIndex + titles.count - 1) % titles.count } }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        var x = area.x
        let divider = theme.symbols.box.vertical
        for (index, title) in titles.enumerated() {
            if index > 0 {
                x += buffer.write(divider, at: x, y: area.y, style: theme[.border], maxWidth: area.maxX - x)
            }
            guard x < area.maxX else { break }
            let active = index == activeIndex
            let style = active ? theme[.selection].patched(with: Style(bold: true)) : theme[.normal]
            // Brackets mark the active tab where reverse video alone would be lost (snapshots, screen readers).
            let text = active ? "[\(title)]" : " \(title) "
            x += buffer.write(text, at: x, y: area.y, style: style, maxWidth: area.maxX - x, ellipsis: theme.symbols.ellipsis)
        }
    }
}
