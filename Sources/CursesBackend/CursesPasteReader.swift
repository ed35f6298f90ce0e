import CNCursesw
import Glibc
import TerminalUI

/// The rest of a bracketed paste, read straight from the terminal in large chunks.
///
/// ncurses reads one byte per system call (with a poll and a clock reading around each), which
/// makes a 1 MB paste take seconds. Inside a paste nothing needs terminfo's key decoding, so right
/// after the start marker the bytes are read here, decoded as UTF-8 and fed to the decoder until the
/// end marker. ncurses holds nothing back at that point: it keeps read-ahead bytes only after a
/// failed key match, and for `ESC [ 2 0 0 ~` the match fails at the second "0" (no terminfo key
/// starts with `ESC [200`), so the "~" that completes the marker is read fresh and nothing follows it.
extension CursesTerminal {
    /// What reading the rest of a paste gave.
    enum PasteRead {
        /// Keys decoded (the paste, and what came after it in the same chunk); empty while it goes on.
        case keys([Key])
        /// A signal interrupted the wait: the caller checks whether to quit (a resize comes next).
        case interrupted
        /// The terminal went away.
        case hangup
    }

    /// True when the locale's encoding is UTF-8, the only one decoded here (ncurses handles others).
    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Reads until the paste ends, the terminal stays quiet for `pasteQuietMilliseconds` (the paste is
    /// then delivered as it is), a signal arrives or the terminal hangs up.
    func readRestOfPaste() -> PasteRead {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var request = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(KeySequenceDecoder.pasteQuietMilliseconds))
            if ready < 0 { return errno == EINTR ? .interrupted : .hangup }
            if ready == 0 {
                _ = decoder.takeIncompleteUTF8()
                return .keys(decoder.flush())
            }
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { return .interrupted }
                if errno == EAGAIN { continue }
                return .hangup
            }
            if count == 0 { return .hangup }
            let keys = decoder.feed(utf8: chunk[0..<count])
            if decoder.waiting != .paste || !keys.isEmpty {
                // Past the paste ncurses reads again: a character cut short goes back to it.
                if decoder.waiting != .paste {
                    for byte in decoder.takeIncompleteUTF8().reversed() { ungetch(Int32(byte)) }
                }
                return .keys(keys)
            }
        }
    }
}
