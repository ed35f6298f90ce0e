/// Bars scaled to the largest value, in one of two shapes:
/// - labelled horizontal bars, one per row, with the number after each (`init(bars:)`);
/// - columns stacked from several series (completed, booked, no-show …), with a legend on top, the
///   total above each column and the labels under them (`init(series:columns:)`). Columns shrink to
///   the room they get; labels that would collide are left out, the highlighted one always shown.
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

    /// One part of every stacked column: its name in the legend, its colour and its glyph, so the
    /// parts stay apart without colour too.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var role: ThemeRole
        /// One column wide.
        public var glyph: String

        /// A series drawn with `glyph` in `role`.
        public init(_ name: String, role: ThemeRole, glyph: String) {
            self.name = name
            self.role = role
            self.glyph = glyph
        }
    }

    /// One stacked column: a value per series (in the series' order, bottom first) and a label.
    public struct Column: Sendable, Equatable {
        public var label: String
        public var values: [Int]
        /// Drawn with its label in the accent style (the current week).
        public var isHighlighted: Bool

        /// A column of `values`, one per series.
        public init(_ label: String, values: [Int], isHighlighted: Bool = false) {
            self.label = label
            self.values = values.map { max(0, $0) }
            self.isHighlighted = isHighlighted
        }

        public var total: Int { values.reduce(0, +) }
    }

    public var bars: [Bar]
    public var series: [Series]
    public var columns: [Column]

    /// A chart of horizontal bars, one per row.
    public init(bars: [Bar]) {
        self.bars = bars
        self.series = []
        self.columns = []
    }

    /// A chart of stacked columns.
    public init(series: [Series], columns: [Column]) {
        self.bars = []
        self.series = series
        self.columns = columns
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
        if !columns.isEmpty || !series.isEmpty {
            renderColumns(into: &buffer, area: area, theme: theme)
            return
        }
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
