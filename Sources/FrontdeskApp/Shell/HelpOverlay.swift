import TerminalUI

/// The `?` help screen: every key of the place in front and of the shell, drawn from the same
/// keymaps as the legend.
public enum HelpOverlay {
    static func render(_ keymap: Keymap<String>, title: String, offset: Int, into buffer: inout Buffer, theme: Theme) {
        let area = buffer.area.inset(top: 1, left: 2, bottom: 1, right: 2)
        let help = HelpScreen(keymap: keymap, title: "\(title) keys — Esc closes, ↑/↓ scroll", scrollOffset: offset)
        buffer.render(help, in: area, theme: theme)
        // Below the box: the everyday path in one line, so a new receptionist knows where to start.
        let tip = "Tip: / finds a customer, Enter opens, \(SessionKeys.name(.complete)) completes, Enter books the next one"
        buffer.fill(buffer.area.row(-1), style: theme[.legendLabel])
        buffer.write(tip, at: 1, y: buffer.height - 1, style: theme[.legendLabel], maxWidth: buffer.width - 2,
                     ellipsis: theme.symbols.ellipsis)
    }
}
