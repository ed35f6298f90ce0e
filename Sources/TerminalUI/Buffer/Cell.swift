/// One terminal cell: a grapheme and its style. A double-width grapheme occupies its cell and
/// marks the next one as a continuation, which the backend never draws on its own.
public struct Cell: Sendable, Equatable, Hashable {
    /// The grapheme shown (a single space when blank; empty for a continuation).
    public var symbol: String
    public var style: Style
    /// True for the right half of a double-width grapheme.
    public var isContinuation: Bool

    /// A cell showing `symbol` in `style`.
    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
        self.isContinuation = false
    }

    /// A blank cell in the default style.
    public static let blank = Cell()

    /// The right half of a double-width grapheme.
    public static func continuation(style: Style) -> Cell {
        var cell = Cell("", style: style)
        cell.isContinuation = true
        return cell
    }

    /// Columns the symbol occupies (continuations count as zero).
    public var width: Int {
        isContinuation ? 0 : max(1, TextWidth.width(of: symbol))
    }
}

/// A cell that differs from what the terminal shows, as reported by `Buffer.diff(from:)`.
public struct CellChange: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    /// A change at column `x`, row `y`.
    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
