/// A key press (or terminal event) as the app sees it, independent of the terminal library.
public enum Key: Sendable, Equatable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    /// Ctrl plus a letter, stored lower-case: Ctrl-U is `.control("u")`.
    case control(Character)
    /// The terminal changed size.
    case resize
    /// The terminal went away (SSH hangup, closed window): leave the loop.
    case hangup
    /// Text the user pasted (bracketed paste), delivered whole: it goes into the focused field as
    /// text and never acts as keys. Screens without a field ignore it.
    case paste(String)

    /// The name shown in the key legend and help screen ("F2", "Enter", "^U", "c").
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .control(let c): return "^" + String(c).uppercased()
        case .resize: return "Resize"
        case .hangup: return "Hangup"
        case .paste: return "Paste"
        }
    }

    /// True for a printable character a text field would insert.
    public var isPrintable: Bool {
        if case .character(let c) = self {
            return !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
        return false
    }

    /// True for F1…F24, which some terminals never deliver.
    public var isFunctionKey: Bool {
        if case .function = self { return true }
        return false
    }
}
