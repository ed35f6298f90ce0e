/// Stacked columns: the layout (column width, height of each part) and the drawing.
extension BarChart {
    /// Where the columns go in an area `width` wide: the slot each takes and the bar inside it.
    public func columnLayout(width: Int) -> (slot: Int, bar: Int, shown: Int) {
        guard !columns.isEmpty, width > 0 else { return (0, 0, 0) }
        let slot = max(1, width / columns.count)
        // A gap between columns once there is room for one.
        let bar = slot >= 3 ? slot - 1 : slot
        return (slot, bar, min(columns.count, width / slot))
    }

    /// Rows of each series in a column when the highest total takes `height` rows. Stacked by
    /// rounding the running total, so the parts add up to the column's height; a part that is
    /// not zero gets at least one row while the column has rows to give.
    public func stackHeights(of column: Column, height: Int) -> [Int] {
        let highest = columns.map(\.total).max() ?? 0
        guard highest > 0, height > 0 else { return column.values.map { _ in 0 } }
        var heights: [Int] = []
        var running = 0, drawn = 0
        let columnRows = column.total > 0 ? max(1, (column.total * height + highest / 2) / highest) : 0
        for (index, value) in column.values.enumerated() {
            running += value
            var top = column.total > 0 ? (running * columnRows + column.total / 2) / column.total : 0
            // Leave a row for each later part that is not zero, while there are rows to leave.
            let later = column.values[(index + 1)...].filter { $0 > 0 }.count
            top = min(top, max(drawn + (value > 0 ? 1 : 0), columnRows - later))
            if value > 0, top == drawn, drawn < columnRows { top = drawn + 1 }
            top = min(max(top, drawn), columnRows)
            heights.append(top - drawn)
            drawn = top
        }
        return heights
    }

    func renderColumns(into buffer: inout Buffer, area: Rect, theme: Theme) {
        // The legend: each series' glyph in its colour and its name.
        var x = area.x
        for item in series {
            guard x < area.maxX else { break }
            x += buffer.write(item.glyph, at: x, y: area.y, style: theme[item.role], maxWidth: area.maxX - x)
            x += buffer.write(" " + item.name + "   ", at: x, y: area.y, style: theme[.normal], maxWidth: area.maxX - x)
        }
        // Below the legend: a row for the totals over the highest column, the bars, the labels.
        let plotHeight = area.height - 3
        let layout = columnLayout(width: area.width)
        guard plotHeight >= 1, layout.shown > 0 else { return }
        let baseY = area.maxY - 2
        // Only the most recent columns when there is not room for every one.
        let visible = Array(columns.suffix(layout.shown))
        for (index, column) in visible.enumerated() {
            let left = area.x + index * layout.slot
            var y = baseY
            for (part, rows) in stackHeights(of: column, height: plotHeight).enumerated() where part < series.count {
                let style = theme[series[part].role]
                for _ in 0..<rows {
                    buffer.write(String(repeating: series[part].glyph, count: layout.bar), at: left, y: y, style: style,
                                 maxWidth: layout.bar)
                    y -= 1
                }
            }
            let total = String(column.total)
            if total.count <= layout.slot {
                buffer.write(total, at: left, y: y, style: theme[column.isHighlighted ? .accent : .dim], maxWidth: layout.slot)
            }
        }
        // Labels left to right, each only when it clears the one before (the highlighted one wins).
        var labelEnd = area.x
        let highlighted = visible.firstIndex { $0.isHighlighted }
        for (index, column) in visible.enumerated() {
            let left = area.x + index * layout.slot
            let width = TextWidth.width(of: column.label)
            let nextHighlight = highlighted.map { $0 > index && area.x + $0 * layout.slot <= left + width } ?? false
            guard column.isHighlighted || (left >= labelEnd && !nextHighlight) else { continue }
            buffer.write(column.label, at: left, y: area.maxY - 1, style: theme[column.isHighlighted ? .accent : .dim],
                         maxWidth: area.maxX - left)
            labelEnd = left + width + 1
        }
    }
}
