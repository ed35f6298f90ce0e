import CNCursesw
import Glibc
import TerminalUI

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` for a key; nil when none came (or the key is not one we use).
    /// Returns `.hangup` once the terminal is gone, so the caller can leave its loop.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isRunning else { return .hangup }
        if hungUp || fd_signal_flag() == fd_sighup() {
            hungUp = true
            return .hangup
        }
        let window = fd_stdscr()
        wtimeout(window, Int32(max(-1, timeoutMilliseconds)))
        var character: wint_t = 0
        var error: Int32 = 0
        let started = monotonicMilliseconds()
        let result = fd_get_wch(window, &character, &error)
        if result == fd_err() {
            return handleNoKey(error: error, waitedMilliseconds: monotonicMilliseconds() - started, timeout: timeoutMilliseconds)
        }
        fastErrors = 0
        if result == fd_key_code_yes() {
            let key = CursesTerminal.key(forCode: Int32(character))
            if key == .resize { needsFullRedraw = true }
            return key
        }
        return CursesTerminal.key(forCharacter: UInt32(character))
    }

    /// Tells a timeout from a dead terminal. A closed terminal makes wget_wch fail at once,
    /// forever; without this check the loop would spin at full CPU after an SSH hangup.
    private func handleNoKey(error: Int32, waitedMilliseconds: Int, timeout: Int) -> Key? {
        if error == EIO || fd_signal_flag() == fd_sighup() || fd_is_hung_up(STDIN_FILENO) != 0 {
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

    /// Maps a typed character (possibly a control character) to a key.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 0: return .control(" ")
        case 1...26:
            // Ctrl-A is 1 … Ctrl-Z is 26.
            return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
