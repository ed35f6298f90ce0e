import CNCursesw
import TerminalUI

/// A foreground/background pair as ncurses colour numbers (-1 is the terminal default).
struct ColorPairKey: Hashable {
    var foreground: Int16
    var background: Int16
}

extension CursesTerminal {
    /// Shows `buffer`, writing only cells that changed since the last draw (all after a resize).
    public func draw(_ buffer: Buffer) {
        guard isRunning, !hungUp else { return }
        let window = fd_stdscr()
        let changes: [CellChange]
        if needsFullRedraw || previous == nil || previous?.width != buffer.width || previous?.height != buffer.height {
            werase(window)
            // clearok makes the next refresh repaint the physical screen, dropping resize debris.
            clearok(window, true)
            changes = buffer.diff(from: Buffer(width: 0, height: 0))
            needsFullRedraw = false
        } else {
            changes = buffer.diff(from: previous!)
        }
        for change in changes {
            put(change.cell, x: change.x, y: change.y, window: window)
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    private func put(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let attributes = attributes(for: cell.style)
        let pair = colorPair(for: cell.style)
        var character = cchar_t()
        // Terminals disagree about emoji ZWJ sequences, flags and variation selectors; sending them
        // whole lets the terminal's cursor drift from ours and smears the rest of the row. Send the
        // base character with its combining marks only, so every later column stays where we put it.
        var scalars: [wchar_t] = []
        let symbol = textMode.drawsASCIIOnly ? ASCIIFallback.cell(cell.symbol) : cell.symbol
        for scalar in symbol.unicodeScalars {
            let isMark = scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            if scalars.isEmpty || (isMark && scalars.count < 4) { scalars.append(wchar_t(bitPattern: scalar.value)) }
        }
        if scalars.isEmpty { scalars = [wchar_t(32)] }
        if setcchar(&character, scalars + [0], attributes, pair, nil) == fd_err() {
            _ = setcchar(&character, [scalars[0], 0], attributes, pair, nil)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &character)
        if TextWidth.width(of: cell.symbol) == 2 && getcurx(window) == Int32(x + 1) {
            // The C library thinks this glyph is narrow: blank the cell we reserved for its right half.
            var blank = cchar_t()
            _ = setcchar(&blank, [wchar_t(32), 0], attributes, pair, nil)
            mvwadd_wch(window, Int32(y), Int32(x + 1), &blank)
        }
    }

    private func attributes(for style: Style) -> attr_t {
        var result = fd_a_normal()
        if style.bold { result |= fd_a_bold() }
        if style.dim { result |= fd_a_dim() }
        if style.reverse { result |= fd_a_reverse() }
        if style.underline { result |= fd_a_underline() }
        return result
    }

    /// The ncurses colour number for a colour, folded into what the terminal supports.
    private func colorNumber(_ color: Color) -> Int16 {
        guard let index = color.ansiIndex else { return -1 }
        let available = Int(fd_colors())
        if index < available { return Int16(index) }
        // Bright colours on an 8-colour terminal: use the base colour.
        if index < 16, available >= 8 { return Int16(index - 8) }
        return -1
    }

    /// The colour pair for a style, allocated on first use and cached.
    private func colorPair(for style: Style) -> Int16 {
        guard colorsAvailable else { return 0 }
        let key = ColorPairKey(foreground: colorNumber(style.resolvedForeground), background: colorNumber(style.resolvedBackground))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = colorPairs[key] { return pair }
        guard Int(nextColorPair) < Int(fd_color_pairs()), nextColorPair < Int16.max else { return 0 }
        let pair = nextColorPair
        init_pair(pair, key.foreground, key.background)
        colorPairs[key] = pair
        nextColorPair += 1
        return pair
    }
}
