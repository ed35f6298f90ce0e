/// Something that draws itself into a rectangle of a buffer; widgets never touch the terminal.
public protocol Widget: Sendable {
    /// Draws into `area` of `buffer`, styled by `theme`; must not write outside `area`.
    func render(into buffer: inout Buffer, area: Rect, theme: Theme)
}

extension Buffer {
    /// Renders a widget into the given area.
    public mutating func render(_ widget: some Widget, in area: Rect, theme: Theme) {
        widget.render(into: &self, area: area.intersection(self.area), theme: theme)
    }
}
