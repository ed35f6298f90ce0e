/// A treatment's progress in three segments — completed, booked, not yet booked — with "2/3".
public struct ProgressBar: Widget {
    public var completed: Int
    public var booked: Int
    public var total: Int
    /// The widest the bar itself may grow, so short bars line up in tables.
    public var maxBarWidth: Int?

    /// A bar for `completed` done and `booked` scheduled sessions out of `total`.
    public init(completed: Int, booked: Int, total: Int, maxBarWidth: Int? = nil) {
        self.completed = max(0, completed)
        self.booked = max(0, booked)
        self.total = max(0, total)
        self.maxBarWidth = maxBarWidth
    }

    /// The label beside the bar.
    public var label: String { "\(completed)/\(total)" }

    /// Cells for each segment in a bar `width` wide (completed, booked, empty).
    public func segments(width: Int) -> (completed: Int, booked: Int, empty: Int) {
        guard width > 0 else { return (0, 0, 0) }
        guard total > 0 else { return (0, 0, width) }
        func cells(_ count: Int) -> Int {
            let clamped = min(count, total)
            let exact = (clamped * width + total / 2) / total
            // Any progress at all shows at least one cell; anything short of all leaves one empty.
            if clamped > 0 && exact == 0 { return 1 }
            if clamped < total && exact == width { return width - 1 }
            return exact
        }
        let done = cells(completed)
        let doneOrBooked = max(done, cells(completed + booked))
        var bookedCells = doneOrBooked - done
        if booked > 0 && completed < total && bookedCells == 0 && doneOrBooked < width { bookedCells = 1 }
        return (done, bookedCells, width - done - bookedCells)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let labelWidth = TextWidth.width(of: label)
        var barWidth = area.width - labelWidth - 1
        if let maxBarWidth { barWidth = min(barWidth, maxBarWidth) }
        // Too narrow for a readable bar: the numbers alone say it.
        guard barWidth >= 3 else {
            buffer.write(label, at: area.x, y: area.y, style: theme[.normal], maxWidth: area.width)
            return
        }
        let parts = segments(width: barWidth)
        let symbols = theme.symbols
        var x = area.x
        for (count, glyph, role) in [
            (parts.completed, symbols.progressCompleted, ThemeRole.progressCompleted),
            (parts.booked, symbols.progressBooked, .progressBooked),
            (parts.empty, symbols.progressEmpty, .progressEmpty),
        ] {
            for _ in 0..<count {
                buffer.write(glyph, at: x, y: area.y, style: theme[role], maxWidth: 1)
                x += 1
            }
        }
        buffer.write(label, at: x + 1, y: area.y, style: theme[.normal], maxWidth: area.maxX - x - 1)
    }
}
