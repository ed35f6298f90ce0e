/// Small layout steps that forms and panes repeat: rows with gaps between them, and a labelled line
/// split into its label column and the field after it.
extension Rect {
    /// Splits top to bottom into rows sized by `sizes`, with `spacing` blank rows between them.
    /// Fixed rows are shrunk from the end when space runs out; fills share what is left by weight.
    public func rows(_ sizes: [Size], spacing: Int) -> [Rect] {
        let gaps = max(0, sizes.count - 1) * max(0, spacing)
        let heights = Size.distribute(sizes, over: max(0, height - gaps))
        var offset = y
        return heights.map { h in
            defer { offset += h + max(0, spacing) }
            return Rect(x: x, y: min(offset, maxY), width: width, height: max(0, min(h, maxY - offset)))
        }
    }

    /// The label column (`labelWidth` wide, at most the whole width) and the field after a `gap`.
    public func labelled(labelWidth: Int, gap: Int = 1) -> (label: Rect, field: Rect) {
        let labelColumns = min(max(0, labelWidth), width)
        let label = Rect(x: x, y: y, width: labelColumns, height: height)
        let fieldX = min(maxX, x + labelColumns + max(0, gap))
        return (label, Rect(x: fieldX, y: y, width: maxX - fieldX, height: height))
    }
}

/// How wide a form's label column is.
public enum LabelColumn {
    /// Wide enough for the widest label, but never more than `share` of `totalWidth`, so the
    /// fields keep room; labels that do not fit end with an ellipsis.
    public static func width(for labels: [String], totalWidth: Int, share: Double = 0.4) -> Int {
        let cap = max(1, Int(Double(totalWidth) * share))
        let widest = labels.map { TextWidth.width(of: $0, upTo: cap) }.max() ?? 0
        return min(widest, cap)
    }
}
