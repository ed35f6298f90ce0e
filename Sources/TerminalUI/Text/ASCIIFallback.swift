import Foundation

/// Text for a terminal that can show only ASCII: letters keep their base ("Bühler" → "Buhler",
/// "Łódź" → "Lodz"), typographic marks become their ASCII look-alikes, box drawing becomes
/// +, - and |, and anything else is "?" — one per column, so the layout stays as drawn.
public enum ASCIIFallback {
    /// The ASCII form of one cell's symbol, as many characters wide as the symbol.
    public static func cell(_ symbol: String) -> String {
        if symbol.unicodeScalars.allSatisfy(\.isASCII) { return symbol }
        let width = max(1, TextWidth.width(of: symbol))
        if let known = lookalikes[symbol] { return known.count >= width ? known : known + String(repeating: " ", count: width - known.count) }
        let stripped = symbol.applyingTransform(.toLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? symbol
        var folded = String(String.UnicodeScalarView(stripped.unicodeScalars.filter(\.isASCII)))
        if let special = specialLetters[symbol] { folded = special }
        if folded.isEmpty || folded.count > width { return String(repeating: "?", count: width) }
        return folded + String(repeating: " ", count: width - folded.count)
    }

    /// A whole text (for one-line messages), character by character.
    public static func text(_ text: String) -> String {
        text.map { cell(String($0)) }.joined()
    }

    private static let specialLetters: [String: String] = ["ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "s", "đ": "d", "Đ": "D"]

    private static let lookalikes: [String: String] = [
        "–": "-", "—": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "…": ".", "·": ".", "•": "*", "×": "x",
        "←": "<", "→": ">", "↑": "^", "↓": "v", "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+",
        "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "╭": "+", "╮": "+", "╰": "+",
        "╯": "+", "█": "#", "▓": "=", "▒": ":", "░": ".", "✓": "v", "✔": "v", "✗": "x", "✘": "x", "●": "*",
        "○": "o", "◆": "*", "◇": "o", "▶": ">", "▸": ">", "€": "E", "£": "L", "°": "o", "\u{00A0}": " ",
    ]
}
