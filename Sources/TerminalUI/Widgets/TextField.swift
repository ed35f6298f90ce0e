/// A one-line text input with pure editing operations, a placeholder and an error line below.
/// The cursor moves by graphemes, so "ü" or "👩‍⚕️" move as one step.
///
/// Cost: the cursor is kept as a UTF-8 offset, so moving, typing and drawing touch only the
/// graphemes next to the cursor or on screen; inserting or deleting moves the bytes after the cursor
/// (one memmove, milliseconds even at 50 MB) and nothing ever counts the whole value per key.
public struct TextField: Widget, Equatable {
    public private(set) var value: String
    /// Where the cursor is, as a UTF-8 offset into `value`, always on a grapheme boundary.
    private var cursorOffset: Int
    public var placeholder: String
    /// Shown under the field in the error style when set.
    public var error: String?
    public var isFocused: Bool

    /// A field holding `value` with the cursor at the end.
    public init(value: String = "", placeholder: String = "", error: String? = nil, isFocused: Bool = true) {
        self.value = value
        self.cursorOffset = value.utf8.count
        self.placeholder = placeholder
        self.error = error
        self.isFocused = isFocused
    }

    /// Grapheme index of the cursor: 0 is before the first character, `value.count` after the last.
    /// Counts the graphemes before the cursor, so it costs time in proportion to that text.
    public var cursor: Int { value.distance(from: value.startIndex, to: cursorIndex) }

    /// The cursor as an index into `value`.
    public var cursorIndex: String.Index { value.utf8.index(value.utf8.startIndex, offsetBy: cursorOffset) }

    private mutating func moveCursor(to index: String.Index) {
        cursorOffset = value.utf8.distance(from: value.utf8.startIndex, to: index)
    }

    /// Replaces the text and puts the cursor at the end.
    public mutating func setValue(_ text: String) {
        value = text
        cursorOffset = text.utf8.count
    }

    /// Inserts text at the cursor, as is (see `paste` for text from outside).
    public mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        value.insert(contentsOf: text, at: cursorIndex)
        cursorOffset += text.utf8.count
        // Combining marks merge with the grapheme before, and a mark right after the inserted text
        // would merge with it: keep the cursor on a grapheme boundary.
        var index = cursorIndex
        while index > value.startIndex && String.Index(index, within: value) == nil {
            index = value.unicodeScalars.index(before: index)
        }
        moveCursor(to: index)
    }

    /// Inserts pasted text at the cursor as one line: line breaks and tabs become spaces, other
    /// control characters (escape sequences inside the paste) are dropped. Line breaks at the very
    /// end go (copying whole lines brings them along). Linear in the paste.
    public mutating func paste(_ text: String) {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isNewline { end = text.index(before: end) }
        insert(TextField.oneLine(String(text[..<end])))
    }

    /// Text fit for a one-line field: line breaks and tabs as spaces, control characters dropped.
    public static func oneLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for character in text {
            if character.isNewline || character == "\t" {
                result.append(" ")
                continue
            }
            for scalar in character.unicodeScalars where !isControl(scalar) { result.append(scalar) }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        let end = cursorIndex
        guard end > value.startIndex else { return }
        let start = value.index(before: end)
        value.removeSubrange(start..<end)
        moveCursor(to: start)
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        let start = cursorIndex
        guard start < value.endIndex else { return }
        value.removeSubrange(start..<value.index(after: start))
    }

    public mutating func moveLeft() {
        let index = cursorIndex
        if index > value.startIndex { moveCursor(to: value.index(before: index)) }
    }

    public mutating func moveRight() {
        let index = cursorIndex
        if index < value.endIndex { moveCursor(to: value.index(after: index)) }
    }

    public mutating func moveHome() { cursorOffset = 0 }
    public mutating func moveEnd() { cursorOffset = value.utf8.count }

    /// Empties the field (Ctrl-U).
    public mutating func clear() {
        value = ""
        cursorOffset = 0
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W), as shells do.
    public mutating func deleteWordBackward() {
        let end = cursorIndex
        var start = end
        while start > value.startIndex, value[value.index(before: start)].isWhitespace { start = value.index(before: start) }
        while start > value.startIndex, !value[value.index(before: start)].isWhitespace { start = value.index(before: start) }
        value.removeSubrange(start..<end)
        moveCursor(to: start)
    }

    /// Applies an editing key or a paste; false when the key is not for the field (Enter, Esc, Tab…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where key.isPrintable: insert(String(c))
        case .paste(let text): paste(text)
        case .backspace, .control("h"): backspace()
        case .delete, .control("d"): deleteForward()
        case .left, .control("b"): moveLeft()
        case .right, .control("f"): moveRight()
        case .home, .control("a"): moveHome()
        case .end, .control("e"): moveEnd()
        case .control("u"): clear()
        case .control("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// The first grapheme shown in a field `width` columns wide and the cursor's column in it: the
    /// text scrolls so the cursor stays in view, one column free after it. Walks back from the
    /// cursor over at most what fits, so it costs the width, not the length of the value.
    public func visibleStart(width: Int) -> (start: String.Index, cursorColumn: Int) {
        var start = cursorIndex
        var used = 0
        // Zero-width graphemes take no column; the cap keeps even a run of them bounded.
        var steps = 0
        let maxSteps = 4 * max(0, width) + 8
        while start > value.startIndex && steps < maxSteps {
            let previous = value.index(before: start)
            let w = TextWidth.width(of: value[previous])
            if used + w + 1 > width { break }
            used += w
            start = previous
            steps += 1
        }
        return (start, used)
    }

    /// The grapheme index of the first grapheme shown in a field `width` columns wide.
    public func firstVisible(width: Int) -> Int {
        value.distance(from: value.startIndex, to: visibleStart(width: width).start)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let fieldStyle = theme[.normal].patched(with: Style(underline: true))
        buffer.fill(area.row(0), style: fieldStyle)
        let (start, cursorColumn) = visibleStart(width: area.width)
        if value.isEmpty {
            buffer.write(placeholder, at: area.x, y: area.y, style: fieldStyle.patched(with: theme[.dim]),
                         maxWidth: area.width, ellipsis: theme.symbols.ellipsis)
        } else {
            buffer.write(value[start...], at: area.x, y: area.y, style: fieldStyle, maxWidth: area.width)
        }
        if isFocused {
            // The hardware cursor is hidden, so the cursor is a reversed cell.
            let x = area.x + cursorColumn
            if x < area.maxX {
                buffer.setStyle(buffer[x, area.y].style.patched(with: Style(reverse: true)), x: x, y: area.y)
            }
        }
        if let error, area.height > 1 {
            buffer.write(error, at: area.x, y: area.y + 1, style: theme[.statusError], maxWidth: area.width, ellipsis: theme.symbols.ellipsis)
        }
    }
}
