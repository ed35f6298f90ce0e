/// Display width of text in terminal columns, computed by grapheme so layouts do not depend on the
/// C library's locale tables (snapshots must be identical on every machine).
public enum TextWidth {
    /// Horizontal placement of text inside a wider field.
    public enum Alignment: Sendable, Equatable, Hashable {
        case left, center, right
    }

    /// Columns one grapheme occupies: 0, 1 or 2.
    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Emoji sequences (ZWJ, flags, keycaps, VS16) render as one double-width glyph.
        if scalars.count > 1 {
            if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
            if scalars.contains(where: { $0.value == 0x200D }) && first.properties.isEmoji { return 2 }
            if isRegionalIndicator(first) { return 2 }
        }
        return width(of: first)
    }

    /// Columns one scalar occupies when it starts a grapheme.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }  // Latin fast path; no marks or wide characters below U+0300.
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if value >= 0x1160 && value <= 0x11FF { return 0 }  // Hangul jamo medial vowels and finals join.
        if scalar.properties.isEmojiPresentation { return 2 }
        return isEastAsianWide(value) ? 2 : 1
    }

    /// Columns a whole string occupies.
    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// Columns the text occupies, counting no further than `limit`: the answer is exact up to the
    /// limit and `limit + 1` or more beyond it, at a cost proportional to the limit, not the text.
    public static func width(of text: some StringProtocol, upTo limit: Int) -> Int {
        var total = 0
        for character in text {
            total += width(of: character)
            if total > limit { return total }
        }
        return total
    }

    /// Cuts text to at most `maxWidth` columns, ending with `ellipsis` when something was cut.
    /// Reads only as far as `maxWidth` columns, so a huge value costs what fits, not its length.
    public static func truncate(_ text: some StringProtocol, to maxWidth: Int, ellipsis: String = "…") -> String {
        guard maxWidth > 0 else { return "" }
        let ellipsisWidth = width(of: ellipsis)
        let budget = ellipsisWidth <= maxWidth ? maxWidth - ellipsisWidth : maxWidth
        // One pass: keep what fits the budget, and look on until the text proves wider than maxWidth.
        var kept = text.startIndex
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = width(of: text[index])
            let next = text.index(after: index)
            if used + w > maxWidth {
                let head = String(text[text.startIndex..<kept])
                return ellipsisWidth <= maxWidth ? head + ellipsis : head
            }
            used += w
            if used <= budget { kept = next }
            index = next
        }
        return String(text)
    }

    /// Pads (or truncates) text to exactly `targetWidth` columns.
    public static func pad(_ text: String, to targetWidth: Int, alignment: Alignment = .left) -> String {
        let fitted = truncate(text, to: targetWidth)
        let gap = max(0, targetWidth - width(of: fitted))
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + fitted
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
        }
    }

    /// What `wrap` does with a word wider than a line.
    public enum LongWords: Sendable, Equatable {
        /// Cut it over as many lines as it needs.
        case cut
        /// Keep one line of it, ending with the ellipsis; the rest of the word is skipped.
        case truncate(ellipsis: String)
    }

    /// Breaks text into lines of at most `maxWidth` columns at spaces; a line break in the text
    /// starts a new line. Reads the text once and stops after `maxLines` lines (a truncated word's
    /// rest is skipped on its bytes, up to `longestWordScanned`), so a huge value costs what is shown.
    public static func wrap(
        _ text: some StringProtocol, to maxWidth: Int, maxLines: Int = .max, longWords: LongWords = .cut
    ) -> [String] {
        guard maxWidth > 0, maxLines > 0 else { return [] }
        var layout = WrapLayout(maxWidth: maxWidth, maxLines: maxLines, longWords: longWords)
        var index = text.startIndex
        while index < text.endIndex && !layout.isFull {
            let character = text[index]
            if character == " " {
                layout.endWord()
            } else if character.isNewline {
                layout.endWord()
                layout.endLine(keepingEmpty: true)
            } else if !layout.add(character, width: width(of: character)) {
                index = nextSpaceOrLineBreak(in: text, from: text.index(after: index))
                continue
            }
            index = text.index(after: index)
        }
        layout.endWord()
        layout.endLine(keepingEmpty: false)
        return layout.lines
    }

    /// How far `wrap` looks for the end of a truncated word: no word anyone reads is longer, and the
    /// bound keeps every frame cheap when a value is one 50 MB "word".
    static let longestWordScanned = 1 << 16

    /// Where the next space or line break is, searched on the bytes; past `longestWordScanned`
    /// bytes without one, the end of the text (the rest is not shown).
    static func nextSpaceOrLineBreak(in text: some StringProtocol, from start: String.Index) -> String.Index {
        guard start < text.endIndex else { return text.endIndex }
        let window = text.utf8[start...].prefix(longestWordScanned)
        return window.firstIndex { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D } ?? text.endIndex
    }

    /// The state of `wrap`: the lines so far, the line being filled and the word being read.
    private struct WrapLayout {
        let maxWidth: Int
        let maxLines: Int
        let longWords: LongWords
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0

        init(maxWidth: Int, maxLines: Int, longWords: LongWords) {
            self.maxWidth = maxWidth
            self.maxLines = maxLines
            self.longWords = longWords
        }

        var isFull: Bool { lines.count >= maxLines }

        /// Adds a character to the word; false when the word was truncated and its rest is to be skipped.
        mutating func add(_ character: Character, width: Int) -> Bool {
            if wordWidth + width > maxWidth && !word.isEmpty {
                switch longWords {
                case .cut:
                    // What fits goes on a line of its own.
                    endLine(keepingEmpty: false)
                    emit(word)
                    word = ""
                    wordWidth = 0
                case .truncate(let ellipsis):
                    word = TextWidth.truncate(word + String(character), to: maxWidth, ellipsis: ellipsis)
                    wordWidth = TextWidth.width(of: word)
                    return false
                }
            }
            word.append(character)
            wordWidth += width
            return true
        }

        mutating func endWord() {
            guard !word.isEmpty else { return }
            if line.isEmpty {
                line = word
                lineWidth = wordWidth
            } else if lineWidth + 1 + wordWidth <= maxWidth {
                line += " " + word
                lineWidth += 1 + wordWidth
            } else {
                emit(line)
                line = word
                lineWidth = wordWidth
            }
            word = ""
            wordWidth = 0
        }

        mutating func endLine(keepingEmpty: Bool) {
            if !line.isEmpty || keepingEmpty { emit(line) }
            line = ""
            lineWidth = 0
        }

        private mutating func emit(_ text: String) {
            if lines.count < maxLines { lines.append(text) }
        }
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15 EastAsianWidth.txt, merged and abridged to
    /// the blocks a clinic is likely to type: CJK, kana, Hangul, fullwidth forms, CJK extensions).
    static func isEastAsianWide(_ value: UInt32) -> Bool {
        for range in wideRanges where range.contains(value) { return true }
        return false
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo leading consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical and small forms
        0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, Kana supplement
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
    ]
}
