import CNCursesw
import CursesSignals
import Glibc
import TerminalUI

extension CursesTerminal {
    /// How long the rest of an escape sequence may take after its Esc (ncurses has already waited
    /// its own escape delay, so the rest is normally there at once; this covers a split read).
    static let escapeSequenceMilliseconds = 25

    /// Waits up to `timeoutMilliseconds` for a key; nil when none came (or the key is not one we use).
    /// Returns `.hangup` once the terminal is gone, so the caller can leave its loop.
    ///
    /// ncurses decodes the sequences its terminfo entry knows; everything else (tmux's Home as
    /// `ESC [1~` under TERM=xterm-256color, bracketed paste) goes through `KeySequenceDecoder`.
    /// A paste is read to its end marker before this returns, however long it is.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isRunning else { return .hangup }
        if hungUp || receivedHangupSignal() {
            hungUp = true
            return .hangup
        }
        if fd_signals_take_suspend() != 0 {
            suspendUntilContinued()
            // The window may have changed size meanwhile: lay out and draw everything again.
            return .resize
        }
        if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
        let window = fd_stdscr()
        let started = monotonicMilliseconds()
        while true {
            if decoder.waiting == .paste && readsPasteDirectly {
                switch readRestOfPaste() {
                case .keys(let keys):
                    if let key = deliver(keys) { return key }
                    continue
                case .interrupted:
                    return nil
                case .hangup:
                    hungUp = true
                    return .hangup
                }
            }
            let wait: Int
            switch decoder.waiting {
            case .nothing:
                if timeoutMilliseconds < 0 {
                    wait = -1
                } else {
                    wait = max(0, timeoutMilliseconds - (monotonicMilliseconds() - started))
                }
            case .escapeSequence: wait = CursesTerminal.escapeSequenceMilliseconds
            case .paste: wait = KeySequenceDecoder.pasteQuietMilliseconds
            }
            setReadTimeout(window, milliseconds: wait)
            var character: wint_t = 0
            var error: Int32 = 0
            let readStarted = monotonicMilliseconds()
            let result = fd_get_wch(window, &character, &error)
            if result == fd_err() {
                if decoder.waiting != .nothing && error != EINTR && error != EIO {
                    // Nothing more came: a lone Esc, or a paste whose end marker was lost.
                    if let key = deliver(decoder.flush()) { return key }
                    continue
                }
                return handleNoKey(error: error, waitedMilliseconds: monotonicMilliseconds() - readStarted, timeout: wait)
            }
            fastErrors = 0
            let input: KeySequenceDecoder.Input
            if result == fd_key_code_yes() {
                guard let key = CursesTerminal.key(forCode: Int32(character)) else { continue }
                if key == .resize { needsFullRedraw = true }
                input = .key(key)
            } else {
                input = .scalar(UInt32(character))
            }
            if let key = deliver(decoder.feed(input)) { return key }
            if decoder.waiting == .nothing && timeoutMilliseconds >= 0
                && monotonicMilliseconds() - started >= timeoutMilliseconds {
                return nil
            }
        }
    }

    /// Ctrl-Z: gives the terminal back as it was (bracketed paste off, so the shell gets plain
    /// pastes), stops, and takes it again after `fg`.
    private func suspendUntilContinued() {
        CursesTerminal.writeToTerminal(CursesTerminal.bracketedPasteOff)
        endwin()
        fd_signals_stop_until_continued()
        CursesTerminal.writeToTerminal(CursesTerminal.bracketedPasteOn)
        refresh()
        needsFullRedraw = true
    }

    /// Hands out the first decoded key and keeps the rest for the next calls.
    private func deliver(_ keys: [Key]) -> Key? {
        guard let first = keys.first else { return nil }
        pendingKeys.append(contentsOf: keys.dropFirst())
        return first
    }

    private func setReadTimeout(_ window: UnsafeMutablePointer<WINDOW>?, milliseconds: Int) {
        let value = Int32(clamping: max(-1, milliseconds))
        guard value != currentTimeout else { return }
        wtimeout(window, value)
        currentTimeout = value
    }

    /// True once SIGHUP arrived.
    private func receivedHangupSignal() -> Bool {
        fd_signals_quit_signal() == SIGHUP
    }

    /// Tells a timeout from a dead terminal. A closed terminal makes wget_wch fail at once,
    /// forever; without this check the loop would spin at full CPU after an SSH hangup.
    private func handleNoKey(error: Int32, waitedMilliseconds: Int, timeout: Int) -> Key? {
        if error == EIO || receivedHangupSignal() || fd_is_hung_up(STDIN_FILENO) != 0 {
            hungUp = true
            return .hangup
        }
        if error == EINTR { return nil }  // a signal; the caller checks shouldQuit
        if timeout > 0 && waitedMilliseconds < min(timeout, 5) {
            fastErrors += 1
            if fastErrors >= 3 {
                hungUp = true
                return .hangup
            }
        } else {
            fastErrors = 0
        }
        return nil
    }

    private func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    /// Maps an ncurses key code (KEY_*) to a key.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case fd_key_up(): return .up
        case fd_key_down(): return .down
        case fd_key_left(): return .left
        case fd_key_right(): return .right
        case fd_key_home(): return .home
        case fd_key_end(): return .end
        case fd_key_ppage(): return .pageUp
        case fd_key_npage(): return .pageDown
        case fd_key_enter(): return .enter
        case fd_key_backspace(): return .backspace
        case fd_key_dc(): return .delete
        case fd_key_ic(): return .insert
        case fd_key_btab(): return .backTab
        case fd_key_resize(): return .resize
        case fd_key_f(1)...fd_key_f(24): return .function(Int(code - fd_key_f0()))
        default: return nil
        }
    }
}
