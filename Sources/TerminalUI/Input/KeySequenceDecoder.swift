/// Turns what a terminal sends into keys: escape sequences whatever TERM claims (tmux sends Home as
/// `ESC [1~` where terminfo for xterm-256color expects `ESC O H`), and bracketed paste
/// (`ESC [200~ … ESC [201~`) as one `.paste` key however the bytes are split across reads.
///
/// A pure state machine: the terminal backend feeds it what it reads, one unit at a time, and calls
/// `flush()` when nothing more came within the escape delay (a lone Esc) or, during a paste, within
/// `pasteQuietMilliseconds` (a paste whose end marker never came). Unknown sequences are dropped,
/// never run as Esc followed by letters.
public struct KeySequenceDecoder: Sendable {
    /// One thing read from the terminal.
    public enum Input: Sendable, Equatable {
        /// A character code as read (a Unicode scalar value; control characters included).
        case scalar(UInt32)
        /// A key the terminal library already decoded (arrows, function keys, resize).
        case key(Key)
    }

    /// What the decoder is in the middle of, so the reader knows how long to wait for more.
    public enum Waiting: Sendable, Equatable {
        /// Nothing pending: wait as long as the caller likes.
        case nothing
        /// An Esc or part of an escape sequence: the rest arrives at once or never.
        case escapeSequence
        /// Inside a bracketed paste: more text and the end marker are coming.
        case paste
    }

    /// How long a paste may stay silent before it is delivered without its end marker.
    public static let pasteQuietMilliseconds = 1000

    private enum State: Sendable, Equatable {
        case idle
        case escape
        /// `ESC [` and the parameter and intermediate bytes so far (at most `maxParameters` kept).
        case csi(parameters: String, overflowed: Bool)
        /// `ESC [ [`: the Linux console's F1…F5.
        case linuxFunction
        /// `ESC O`: SS3, used for arrows, Home/End and F1…F4 in application mode.
        case ss3
        case paste
    }

    private static let maxParameters = 16
    /// `ESC [ 2 0 1 ~`, the end of a bracketed paste.
    private static let pasteEnd: [UInt32] = [27, 91, 50, 48, 49, 126]

    private var state: State = .idle
    /// The paste so far, appended in place so a paste costs time linear in its length.
    private var pasted = String.UnicodeScalarView()
    /// How many bytes of the end marker have matched so far inside a paste.
    private var pasteEndMatched = 0
    /// The first bytes of a UTF-8 character whose rest has not been read yet (`feed(utf8:)`).
    private var utf8Carry: [UInt8] = []

    public init() {}

    /// What is pending.
    public var waiting: Waiting {
        switch state {
        case .idle: return .nothing
        case .paste: return .paste
        default: return .escapeSequence
        }
    }

    /// Feeds one unit; returns the keys it completes (often none, sometimes two: Esc then a letter).
    public mutating func feed(_ input: Input) -> [Key] {
        var keys: [Key] = []
        feed(input, into: &keys)
        return keys
    }

    /// Feeds every scalar of `text`, as if the terminal had sent it in one read. Inside a paste,
    /// text goes straight into it until an Esc might start the end marker.
    public mutating func feed(text: String) -> [Key] {
        var keys: [Key] = []
        for scalar in text.unicodeScalars {
            if state == .paste && pasteEndMatched == 0 && scalar.value != 27 {
                pasted.append(scalar)
            } else {
                feed(.scalar(scalar.value), into: &keys)
            }
        }
        return keys
    }

    /// Feeds raw UTF-8 bytes as read from the terminal; a character cut at the end waits for the
    /// bytes of the next call (see `takeIncompleteUTF8`). Invalid bytes become U+FFFD.
    public mutating func feed(utf8 bytes: some Sequence<UInt8>) -> [Key] {
        var data = utf8Carry
        data.append(contentsOf: bytes)
        utf8Carry = Self.incompleteTail(of: data)
        data.removeLast(utf8Carry.count)
        return feed(text: String(decoding: data, as: UTF8.self))
    }

    /// The bytes of a character still cut short, handed back (and forgotten here) when the reader
    /// goes back to reading characters another way.
    public mutating func takeIncompleteUTF8() -> [UInt8] {
        defer { utf8Carry = [] }
        return utf8Carry
    }

    /// The last bytes of `data` when they begin a UTF-8 sequence that is not complete yet.
    static func incompleteTail(of data: [UInt8]) -> [UInt8] {
        var start = data.count
        // A sequence is at most four bytes: look back over at most three continuation bytes.
        while start > 0 && data.count - start < 4 {
            start -= 1
            let byte = data[start]
            if byte & 0xC0 != 0x80 {
                let needed: Int
                switch byte {
                case 0xC0...0xDF: needed = 2
                case 0xE0...0xEF: needed = 3
                case 0xF0...0xF7: needed = 4
                default: needed = 1
                }
                return data.count - start < needed ? Array(data[start...]) : []
            }
        }
        return []
    }

    /// Nothing more arrived in time: a pending Esc is a lone Esc, a pending paste is delivered as it is,
    /// and a half-received escape sequence is dropped.
    public mutating func flush() -> [Key] {
        let pending = state
        state = .idle
        switch pending {
        case .idle, .csi, .linuxFunction:
            return []
        case .escape:
            return [.escape]
        case .ss3:
            // Esc then a typed "O", as without a decoder.
            return [.escape, .character("O")]
        case .paste:
            for value in Self.pasteEnd.prefix(pasteEndMatched) { pasted.append(Unicode.Scalar(value)!) }
            return finishPaste()
        }
    }

    private mutating func feed(_ input: Input, into keys: inout [Key]) {
        switch state {
        case .idle:
            feedIdle(input, into: &keys)
        case .paste:
            feedPaste(input, into: &keys)
        case .escape:
            guard case .scalar(let value) = input else {
                state = .idle
                keys.append(.escape)
                feedIdle(input, into: &keys)
                return
            }
            switch value {
            case 91: state = .csi(parameters: "", overflowed: false)  // "["
            case 79: state = .ss3  // "O"
            default:
                // Esc then another key (or Alt plus a key): the Esc, then that key as typed.
                state = .idle
                keys.append(.escape)
                feedIdle(input, into: &keys)
            }
        case .csi(let parameters, let overflowed):
            guard case .scalar(let value) = input, value >= 0x20, value <= 0x7E else {
                // A broken sequence: forget it and take the unit afresh.
                state = .idle
                feedIdle(input, into: &keys)
                return
            }
            if parameters.isEmpty && !overflowed && value == 91 {  // "[" right after "ESC ["
                state = .linuxFunction
                return
            }
            if value < 0x40 {
                // Parameter (0x30–0x3F) or intermediate (0x20–0x2F) byte: the final byte is still to come.
                if parameters.unicodeScalars.count < Self.maxParameters {
                    state = .csi(parameters: parameters + String(Unicode.Scalar(value)!), overflowed: overflowed)
                } else {
                    state = .csi(parameters: parameters, overflowed: true)
                }
                return
            }
            state = .idle
            if overflowed { return }
            if let key = Self.csiKey(parameters: parameters, final: Unicode.Scalar(value)!) {
                keys.append(key)
            } else if parameters == "200" && value == 126 {
                state = .paste
                pasted = String.UnicodeScalarView()
                pasteEndMatched = 0
            }
        case .linuxFunction:
            state = .idle
            if case .scalar(let value) = input, (65...69).contains(value) {  // A…E
                keys.append(.function(Int(value) - 64))
            }
        case .ss3:
            state = .idle
            guard case .scalar(let value) = input, let scalar = Unicode.Scalar(value) else {
                keys.append(contentsOf: [.escape, .character("O")])
                feedIdle(input, into: &keys)
                return
            }
            if let key = Self.ss3Key(final: scalar) { keys.append(key) }
        }
    }

    private mutating func feedIdle(_ input: Input, into keys: inout [Key]) {
        switch input {
        case .key(let key):
            keys.append(key)
        case .scalar(27):
            state = .escape
        case .scalar(let value):
            if let key = Self.key(forCharacter: value) { keys.append(key) }
        }
    }

    private mutating func feedPaste(_ input: Input, into keys: inout [Key]) {
        switch input {
        case .key(.resize), .key(.hangup):
            // The window still changes size during a long paste; the paste goes on.
            if case .key(let key) = input { keys.append(key) }
        case .key(.enter):
            appendToPaste(10)
        case .key:
            // A sequence inside the pasted text that the terminal library turned into a key: not text.
            break
        case .scalar(let value):
            appendToPaste(value)
            if pasteEndMatched == Self.pasteEnd.count {
                state = .idle
                pasteEndMatched = 0
                if let key = finishPaste().first { keys.append(key) }
            }
        }
    }

    /// Adds one scalar to the paste, holding back what might be the start of the end marker.
    private mutating func appendToPaste(_ value: UInt32) {
        if value == Self.pasteEnd[pasteEndMatched] {
            pasteEndMatched += 1
            return
        }
        // Not the end marker after all: what was held back is pasted text.
        if pasteEndMatched > 0 {
            for held in Self.pasteEnd[..<pasteEndMatched] { pasted.append(Unicode.Scalar(held)!) }
            pasteEndMatched = 0
        }
        if value == Self.pasteEnd[0] {
            pasteEndMatched = 1
        } else if let scalar = Unicode.Scalar(value) {
            pasted.append(scalar)
        }
    }

    private mutating func finishPaste() -> [Key] {
        let text = String(pasted)
        pasted = String.UnicodeScalarView()
        pasteEndMatched = 0
        return text.isEmpty ? [] : [.paste(text)]
    }

    /// The key for `ESC [ parameters final`, nil for sequences we do not use (focus reports, mouse…).
    static func csiKey(parameters: String, final: Unicode.Scalar) -> Key? {
        // Modifiers come after a semicolon ("1;5A" is Ctrl-↑): the key is the same key.
        let first = parameters.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        case "~":
            switch Int(first) {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11: return .function(1)
            case 12: return .function(2)
            case 13: return .function(3)
            case 14: return .function(4)
            case 15: return .function(5)
            case 17: return .function(6)
            case 18: return .function(7)
            case 19: return .function(8)
            case 20: return .function(9)
            case 21: return .function(10)
            case 23: return .function(11)
            case 24: return .function(12)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The key for `ESC O final`.
    static func ss3Key(final: Unicode.Scalar) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "M": return .enter
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }

    /// Maps a typed character (possibly a control character) to a key.
    public static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 0: return .control(" ")
        case 1...26:
            // Ctrl-A is 1 … Ctrl-Z is 26.
            return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 28...31, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
