/// Text from the database or from a user, made safe to print on a terminal.
///
/// A name such as "Eve\u{1B}[2J" would otherwise clear (or retitle, or reorder with a bidi override)
/// the terminal of whoever lists it. Every plain-text output of the command line goes through
/// `escaped`; JSON output is already escaped by its encoder.
public enum TerminalSafeText {
    /// True for what a terminal may act on rather than show: C0 and C1 controls, DEL, and the
    /// invisible direction marks and overrides (U+202E and friends) and line separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text` with every unsafe character written as a visible escape: `\x1B`, `\x7F`, `\u202E`.
    /// Line breaks are kept when `keepingNewlines` (the printer's own lines), and tabs always.
    public static func escaped(_ text: String, keepingNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || (keepingNewlines && scalar == "\n") || !isUnsafe(scalar) {
                result.append(scalar)
            } else {
                result.append(contentsOf: visible(scalar).unicodeScalars)
            }
        }
        return String(result)
    }

    static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        if scalar.value < 0x100 { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
