/// A one-line text input with pure editing operations, a placeholder and an error line below.
/// The cursor counts graphemes, so "ü" or "👩‍⚕️" move as one step.
public struct TextField: Widget, Equatable {
    public private(set) var value: String
    /// Grapheme index of the cursor: 0 is before the first character, `count` after the last.
    public private(set) var cursor: Int
    public var placeholder: String
    /// Shown under the field in the error style when set.
    public var error: String?
    public var isFocused: Bool

    /// A field holding `value` with the cursor at the end.
    public init(value: String = "", placeholder: String = "", error: String? = nil, isFocused: Bool = true) {
        self.value = value
        self.cursor = value.count
        self.placeholder = placeholder
        self.error = error
        self.isFocused = isFocused
    }

    /// Replaces the text and puts the cursor at the end.
    public mutating func setValue(_ text: String) {
        value = text
        cursor = text.count
    }

    private func index(_ offset: Int) -> String.Index {
        value.index(value.startIndex, offsetBy: offset)
    }

    /// Inserts text at the cursor.
    public mutating func insert(_ text: String) {
        let before = value.count
        value.insert(contentsOf: text, at: index(cursor))
        // Combining marks merge with the previous grapheme, so count the growth, not the input.
        cursor += value.count - before
    }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        value.remove(at: index(cursor - 1))
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < value.count else { return }
        value.remove(at: index(cursor))
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(value.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = value.count }

    /// Empties the field (Ctrl-U).
    public mutating func clear() {
        value = ""
        cursor = 0
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W), as shells do.
    public mutating func deleteWordBackward() {
        var start = cursor
        let characters = Array(value)
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        value.removeSubrange(index(start)..<index(cursor))
        cursor = start
    }

    /// Applies an editing key; false when the key is not for the field (Enter, Esc, Tab…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where key.isPrintable: insert(String(c))
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

    /// The first grapheme shown in a field `width` columns wide, so the cursor stays in view.
    public func firstVisible(width: Int) -> Int {
        let characters = Array(value)
        var first = 0
        var used = characters[0..<cursor].reduce(0) { $0 + TextWidth.width(of: $1) }
        // One column stays free after the cursor so it is visible at the end of the text.
        while first < cursor && used + 1 > width {
            used -= TextWidth.width(of: characters[first])
            first += 1
        }
        return first
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let fieldStyle = theme[.normal].patched(with: Style(underline: true))
        buffer.fill(area.row(0), style: fieldStyle)
        let first = firstVisible(width: area.width)
        if value.isEmpty {
            buffer.write(placeholder, at: area.x, y: area.y, style: fieldStyle.patched(with: theme[.dim]),
                         maxWidth: area.width, ellipsis: theme.symbols.ellipsis)
        } else {
            buffer.write(String(value.dropFirst(first)), at: area.x, y: area.y, style: fieldStyle, maxWidth: area.width)
        }
        if isFocused {
            // The hardware cursor is hidden, so the cursor is a reversed cell.
            let x = area.x + TextWidth.width(of: String(value.dropFirst(first).prefix(cursor - first)))
            if x < area.maxX {
                buffer.setStyle(buffer[x, area.y].style.patched(with: Style(reverse: true)), x: x, y: area.y)
            }
        }
        if let error, area.height > 1 {
            buffer.write(error, at: area.x, y: area.y + 1, style: theme[.statusError], maxWidth: area.width, ellipsis: theme.symbols.ellipsis)
        }
    }
}
