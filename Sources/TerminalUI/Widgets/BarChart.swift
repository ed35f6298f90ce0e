/// Labelled horizontal bars scaled to the largest value, with the number after each bar.
public struct BarChart: Widget, Equatable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        public var role: ThemeRole

        /// A bar with its label and value.
        public init(_ label: String, _ value: Int, role: ThemeRole = .accent) {
            self.label = label
            self.value = max(0, value)
            self.role = role
        }
    }

    public var bars: [Bar]

    /// A chart of bars, one per row.
    public init(bars: [Bar]) {
        self.bars = bars
    }

    /// Cells for a bar of `value` when the longest may use `width` cells.
    public func length(of value: Int, width: Int) -> Int {
        let maxValue = bars.map(\.value).max() ?? 0
        guard maxValue > 0, width > 0 else { return 0 }
        let cells = (value * width + maxValue / 2) / maxValue
        return value > 0 ? max(1, cells) : 0
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let labelWidth = min(area.width / 3, bars.map { TextWidth.width(of: $0.label, upTo: area.width) }.max() ?? 0)
        let numberWidth = bars.map { String($0.value).count }.max() ?? 1
        let barSpace = max(0, area.width - labelWidth - numberWidth - 2)
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            let label = TextWidth.pad(TextWidth.truncate(bar.label, to: labelWidth, ellipsis: theme.symbols.ellipsis), to: labelWidth)
            buffer.write(label, at: area.x, y: y, style: theme[.normal], maxWidth: labelWidth)
            let cells = length(of: bar.value, width: barSpace)
            let barText = String(repeating: theme.symbols.bar, count: cells)
            buffer.write(barText, at: area.x + labelWidth + 1, y: y, style: theme[bar.role], maxWidth: barSpace)
            buffer.write(String(bar.value), at: area.x + labelWidth + 1 + cells + (cells > 0 ? 1 : 0), y: y, style: theme[.normal],
                         maxWidth: numberWidth)
        }
    }
}
