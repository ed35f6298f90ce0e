/// Rows and columns with a header, a highlighted selection that always stays in view, and a
/// message when there is nothing to show.
public struct Table: Widget {
    /// How wide a column is.
    public enum Width: Sendable, Equatable, Hashable {
        case fixed(Int)
        /// A weighted share of the columns left after fixed ones.
        case flexible(Int)
    }

    /// One column: its header, width and alignment.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var width: Width
        public var alignment: TextWidth.Alignment

        /// Creates a column.
        public init(_ title: String, width: Width = .flexible(1), alignment: TextWidth.Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    /// One cell's text and, optionally, the role it is drawn in.
    public struct Item: Sendable, Equatable, ExpressibleByStringLiteral {
        public var text: String
        public var role: ThemeRole?

        /// A cell with text and an optional role.
        public init(_ text: String, role: ThemeRole? = nil) {
            self.text = text
            self.role = role
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    /// One row of cells with an optional role for the whole row.
    public struct Row: Sendable, Equatable {
        public var items: [Item]
        public var role: ThemeRole?

        /// A row of cells.
        public init(_ items: [Item], role: ThemeRole? = nil) {
            self.items = items
            self.role = role
        }

        /// A row of plain texts.
        public init(texts: [String], role: ThemeRole? = nil) {
            self.init(texts.map { Item($0) }, role: role)
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    /// Index into `rows` of the highlighted row.
    public var selectedIndex: Int?
    /// The first row shown, as the caller last saw it; adjusted so the selection is visible.
    public var scrollOffset: Int
    public var showsHeader: Bool
    public var emptyMessage: String
    public var columnSpacing: Int

    /// Creates a table.
    public init(
        columns: [Column], rows: [Row], selectedIndex: Int? = nil, scrollOffset: Int = 0,
        showsHeader: Bool = true, emptyMessage: String = "Nothing to show.", columnSpacing: Int = 1
    ) {
        self.columns = columns
        self.rows = rows
        self.selectedIndex = selectedIndex
        self.scrollOffset = scrollOffset
        self.showsHeader = showsHeader
        self.emptyMessage = emptyMessage
        self.columnSpacing = columnSpacing
    }

    /// The smallest change to `offset` that keeps `selected` among `visibleRows` rows.
    public static func scrollOffset(keeping selected: Int?, visible visibleRows: Int, from offset: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        let maxOffset = max(0, rowCount - visibleRows)
        var result = min(max(0, offset), maxOffset)
        if let selected {
            let s = min(max(0, selected), rowCount - 1)
            if s < result { result = s }
            if s >= result + visibleRows { result = s - visibleRows + 1 }
        }
        return result
    }

    /// Rows that fit below the header in an area of the given height.
    public func visibleRowCount(height: Int) -> Int {
        max(0, height - (showsHeader ? 1 : 0))
    }

    /// The offset the table draws with in an area of the given height; store it back in state.
    public func effectiveOffset(height: Int) -> Int {
        Table.scrollOffset(keeping: selectedIndex, visible: visibleRowCount(height: height), from: scrollOffset, rowCount: rows.count)
    }

    /// Column widths for an area of the given width.
    public func columnWidths(for totalWidth: Int) -> [Int] {
        let sizes = columns.map { column -> Rect.Size in
            switch column.width {
            case .fixed(let n): return .fixed(n)
            case .flexible(let w): return .fill(w)
            }
        }
        return Rect(width: totalWidth, height: 1).columns(sizes, spacing: columnSpacing).map(\.width)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let widths = columnWidths(for: area.width)
        var y = area.y
        if showsHeader {
            buffer.fill(area.row(0), style: theme[.header])
            drawRow(columns.map { Item($0.title) }, widths: widths, y: y, area: area, base: theme[.header], theme: theme, useRoles: false, buffer: &buffer)
            y += 1
        }
        let visible = visibleRowCount(height: area.height)
        guard !rows.isEmpty else {
            if visible > 0 {
                buffer.write(emptyMessage, at: area.x + 1, y: y, style: theme[.dim], maxWidth: area.width - 1, ellipsis: theme.symbols.ellipsis)
            }
            return
        }
        let offset = effectiveOffset(height: area.height)
        for index in offset..<min(rows.count, offset + visible) {
            let row = rows[index]
            var base = theme[.normal]
            if let role = row.role { base = base.patched(with: theme[role]) }
            let selected = index == selectedIndex
            if selected { base = base.patched(with: theme[.selection]) }
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: base)
            drawRow(row.items, widths: widths, y: y, area: area, base: base, theme: theme, useRoles: !selected, buffer: &buffer)
            y += 1
        }
    }

    private func drawRow(
        _ items: [Item], widths: [Int], y: Int, area: Rect, base: Style, theme: Theme, useRoles: Bool,
        buffer: inout Buffer
    ) {
        var x = area.x
        for (index, width) in widths.enumerated() {
            defer { x += width + columnSpacing }
            guard index < items.count, width > 0 else { continue }
            let item = items[index]
            // The selection keeps the cells' text but not their colours, so it reads as one bar.
            let style = useRoles && item.role != nil ? base.patched(with: theme[item.role!]) : base
            let fitted = TextWidth.truncate(item.text, to: width, ellipsis: theme.symbols.ellipsis)
            let text = TextWidth.pad(fitted, to: width, alignment: columns[index].alignment)
            buffer.write(text, at: x, y: y, style: style, maxWidth: min(width, area.maxX - x))
        }
    }
}
