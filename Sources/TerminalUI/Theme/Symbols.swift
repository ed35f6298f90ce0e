/// The glyphs widgets draw: status marks, progress segments, borders. Unicode by default, ASCII
/// for monochrome terminals where marks must carry the meaning colours would.
public struct Symbols: Sendable, Equatable, Hashable {
    public var completed: String
    public var confirmed: String
    public var cancelled: String
    public var noShow: String
    public var progressCompleted: String
    public var progressBooked: String
    public var progressEmpty: String
    public var box: BoxSymbols
    public var ellipsis: String
    public var selectLeft: String
    public var selectRight: String
    public var bar: String

    /// Creates a symbol set.
    public init(
        completed: String, confirmed: String, cancelled: String, noShow: String,
        progressCompleted: String, progressBooked: String, progressEmpty: String,
        box: BoxSymbols, ellipsis: String, selectLeft: String, selectRight: String, bar: String
    ) {
        self.completed = completed
        self.confirmed = confirmed
        self.cancelled = cancelled
        self.noShow = noShow
        self.progressCompleted = progressCompleted
        self.progressBooked = progressBooked
        self.progressEmpty = progressEmpty
        self.box = box
        self.ellipsis = ellipsis
        self.selectLeft = selectLeft
        self.selectRight = selectRight
        self.bar = bar
    }

    /// Unicode marks and light box drawing.
    public static let unicode = Symbols(
        completed: "✔", confirmed: "●", cancelled: "✖", noShow: "!",
        progressCompleted: "█", progressBooked: "▓", progressEmpty: "░",
        box: .light, ellipsis: "…", selectLeft: "‹", selectRight: "›", bar: "█"
    )

    /// Plain ASCII marks that stay readable without colour.
    public static let ascii = Symbols(
        completed: "[x]", confirmed: "[ ]", cancelled: "[-]", noShow: "[!]",
        progressCompleted: "#", progressBooked: "=", progressEmpty: ".",
        box: .ascii, ellipsis: "…", selectLeft: "<", selectRight: ">", bar: "#"
    )
}

/// The six pieces of a box border.
public struct BoxSymbols: Sendable, Equatable, Hashable {
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var horizontal: String
    public var vertical: String

    /// Creates a border set.
    public init(topLeft: String, topRight: String, bottomLeft: String, bottomRight: String, horizontal: String, vertical: String) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// Unicode light box drawing (not ACS, which breaks in UTF-8 terminals).
    public static let light = BoxSymbols(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    /// "+-|" borders.
    public static let ascii = BoxSymbols(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
}
