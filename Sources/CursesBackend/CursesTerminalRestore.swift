import CNCursesw
import CursesSignals
import Glibc

extension CursesTerminal {
    /// Turns bracketed paste on: xterm, tmux, GNU screen and most others then wrap pasted text.
    static let bracketedPasteOn = "\u{1B}[?2004h"
    /// Turns it off again, so the shell after us does not receive the markers.
    static let bracketedPasteOff = "\u{1B}[?2004l"

    /// Writes bytes straight to the terminal, past curses (only outside a frame, or after `endwin`).
    static func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Computes, while terminfo may still be asked, what a crash writes to give the terminal back:
    /// plain attributes, bracketed paste off, the cursor shown, the keypad in normal mode and the
    /// alternate screen left. The crash handler only writes these bytes and restores the saved termios.
    static func prepareCrashRestore() {
        var sequence = bracketedPasteOff
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = fd_tigetstr(capability) { sequence += withoutPadding(String(cString: value)) }
        }
        let bytes = Array(sequence.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                fd_signals_set_restore_sequence(pointer, buffer.count)
            }
        }
    }

    /// Terminfo strings may hold delays ("$<2>") that only tputs understands; the raw write drops them.
    static func withoutPadding(_ capability: String) -> String {
        var result = ""
        var skipping = false
        var previous: Character?
        for character in capability {
            if skipping {
                if character == ">" { skipping = false }
            } else if character == "<" && previous == "$" {
                result.removeLast()
                skipping = true
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }
}
