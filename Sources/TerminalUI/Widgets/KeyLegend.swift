/// The bottom line naming the keys that matter now ("F2 Book  c Complete  ? Help"). When the line
/// is too narrow, low-priority entries drop out; it never wraps.
public struct KeyLegend<Action: Hashable & Sendable>: Widget {
    public var keymap: Keymap<Action>
    public var separator: String

    /// A legend for the bindings of `keymap` that show in the legend.
    public init(keymap: Keymap<Action>, separator: String = "  ") {
        self.keymap = keymap
        self.separator = separator
    }

    /// The bindings that fit in `width` columns, in keymap order.
    public func entries(fitting width: Int) -> [KeyBinding<Action>] {
        var shown = keymap.bindings.enumerated().filter { $0.element.showsInLegend }
        func total(_ items: [(offset: Int, element: KeyBinding<Action>)]) -> Int {
            let texts = items.map { TextWidth.width(of: $0.element.legendText) }
            return texts.reduce(0, +) + max(0, items.count - 1) * TextWidth.width(of: separator)
        }
        while !shown.isEmpty && total(shown) > width {
            // Drop the lowest priority; among equals, the one furthest right.
            let lowest = shown.map(\.element.priority).min()!
            let victim = shown.lastIndex { $0.element.priority == lowest }!
            shown.remove(at: victim)
        }
        return shown.map(\.element)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: theme[.legendLabel])
        var x = row.x
        for (index, binding) in entries(fitting: row.width).enumerated() {
            if index > 0 { x += buffer.write(separator, at: x, y: row.y, style: theme[.legendLabel], maxWidth: row.maxX - x) }
            x += buffer.write(binding.legendKey, at: x, y: row.y, style: theme[.legendKey], maxWidth: row.maxX - x)
            x += buffer.write(" " + binding.label, at: x, y: row.y, style: theme[.legendLabel], maxWidth: row.maxX - x)
        }
    }
}
