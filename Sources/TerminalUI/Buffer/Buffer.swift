/// A grid of cells that widgets draw into; the backend flushes only the difference between frames,
/// and tests compare `lines()` against text snapshots.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// A blank buffer of the given size.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(width: width, height: height) }

    /// The cell at column `x`, row `y` (a blank cell outside the buffer).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Puts one cell, repairing any double-width grapheme it cuts in half.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        // Overwriting either half of a wide grapheme blanks the other half, as terminals do.
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !cells[index].isContinuation, cells[index].width == 2, x + 1 < width, !cell.isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Restyles a cell without changing its symbol.
    public mutating func setStyle(_ style: Style, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        cells[y * width + x].style = style
    }

    /// Fills a rectangle with `symbol` (blank by default) in `style`.
    public mutating func fill(_ rect: Rect, symbol: String = " ", style: Style = .plain) {
        let clipped = rect.intersection(area)
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX {
                set(Cell(symbol, style: style), x: column, y: row)
            }
        }
    }

    /// Layers `style` over every cell of a rectangle, keeping the text.
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        let clipped = rect.intersection(area)
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX {
                cells[row * width + column].style = cells[row * width + column].style.patched(with: style)
            }
        }
    }

    /// Writes text from (x, y) rightwards, at most `maxWidth` columns and never past the right edge.
    /// With an `ellipsis`, cut text ends with it. Returns the columns used. Reads the text only as
    /// far as it can show, so drawing a huge value costs the width of the area, not its length.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, at x: Int, y: Int, style: Style = .plain,
        maxWidth: Int? = nil, ellipsis: String? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var limit = width - max(0, x)
        if let maxWidth { limit = min(limit, maxWidth) }
        guard limit > 0 else { return 0 }
        if let ellipsis {
            return draw(TextWidth.truncate(text, to: limit, ellipsis: ellipsis), at: x, y: y, style: style, limit: limit)
        }
        return draw(text, at: x, y: y, style: style, limit: limit)
    }

    private mutating func draw(_ fitted: some StringProtocol, at x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        var lastColumn: Int?
        for character in fitted {
            let w = TextWidth.width(of: character)
            if w == 0 {
                // A stray mark or control: join it to the previous grapheme drawn by this call.
                if let last = lastColumn, !character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) {
                    cells[y * width + last].symbol.append(character)
                }
                continue
            }
            if column + w > x + limit {
                // A wide grapheme that does not fit: pad the last column instead of splitting it.
                if w == 2, column < x + limit, column >= 0 { set(Cell(" ", style: style), x: column, y: y); column += 1 }
                break
            }
            if column >= 0 {
                set(Cell(String(character), style: style), x: column, y: y)
                if w == 2 { set(.continuation(style: style), x: column + 1, y: y) }
                lastColumn = column
            }
            column += w
        }
        return column - x
    }

    /// The text of each row, continuation cells skipped, for snapshots.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line += cell.symbol.isEmpty ? " " : cell.symbol }
            }
            return line
        }
    }

    /// Cells that differ from `previous`; everything when the sizes differ.
    public func diff(from previous: Buffer) -> [CellChange] {
        var changes: [CellChange] = []
        let sameSize = previous.width == width && previous.height == height
        for row in 0..<height {
            for column in 0..<width {
                let index = row * width + column
                let cell = cells[index]
                // The left half of a wide grapheme paints the right half.
                if cell.isContinuation { continue }
                if !sameSize || previous.cells[index] != cell {
                    changes.append(CellChange(x: column, y: row, cell: cell))
                }
            }
        }
        return changes
    }
}
