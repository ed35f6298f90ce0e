/// A centred box asking a question, with buttons and one focused; used before destructive actions.
public struct Dialog: Widget, Equatable {
    public var title: String
    public var message: [String]
    public var buttons: [String]
    public private(set) var focusedButton: Int
    public var role: ThemeRole

    /// A dialog; `focusedButton` is usually the safe choice.
    public init(title: String, message: [String], buttons: [String] = ["OK"], focusedButton: Int = 0, role: ThemeRole = .border) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = buttons.isEmpty ? 0 : min(max(0, focusedButton), buttons.count - 1)
        self.role = role
    }

    /// The focused button's text.
    public var focusedTitle: String? { buttons.indices.contains(focusedButton) ? buttons[focusedButton] : nil }

    /// Moves focus with ←/→, h/l, Tab and Shift-Tab; false for other keys.
    public mutating func handle(_ key: Key) -> Bool {
        guard !buttons.isEmpty else { return false }
        switch key {
        case .right, .tab, .character("l"): focusedButton = (focusedButton + 1) % buttons.count
        case .left, .backTab, .character("h"): focusedButton = (focusedButton + buttons.count - 1) % buttons.count
        default: return false
        }
        return true
    }

    private var buttonLine: String { buttons.map { "[ \($0) ]" }.joined(separator: "  ") }

    /// The box the dialog occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        // Counted only up to the area's width: a message quoting a huge value costs what fits.
        let widest = message.map { TextWidth.width(of: $0, upTo: area.width) }
        let contentWidth = ([TextWidth.width(of: title, upTo: area.width) + 2, TextWidth.width(of: buttonLine)] + widest).max() ?? 0
        let width = min(area.width, max(30, contentWidth + 4))
        let height = min(area.height, message.count + 4)
        return area.centered(width: width, height: height)
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, style: theme[.normal])
        let border = Box(title: title, role: role)
        border.render(into: &buffer, area: box, theme: theme)
        let inner = border.inner(of: box).inset(left: 1, right: 1)
        for (row, line) in message.enumerated() where row < inner.height - 2 {
            buffer.write(line, at: inner.x, y: inner.y + row, style: theme[.normal], maxWidth: inner.width, ellipsis: theme.symbols.ellipsis)
        }
        guard inner.height >= 1 else { return }
        let buttonY = inner.maxY - 1
        var x = inner.x + max(0, (inner.width - TextWidth.width(of: buttonLine)) / 2)
        for (index, button) in buttons.enumerated() {
            if index > 0 { x += 2 }
            let focused = index == focusedButton
            let style = focused ? theme[.selection].patched(with: Style(bold: true)) : theme[.normal]
            // Angle marks keep the focus visible without colour.
            let text = focused ? "> \(button) <" : "[ \(button) ]"
            x += buffer.write(text, at: x, y: buttonY, style: style, maxWidth: max(0, inner.maxX - x))
        }
    }
}
