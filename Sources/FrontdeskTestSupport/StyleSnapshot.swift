import TerminalUI

/// A buffer's text followed by its styles, for snapshots where the look carries meaning (the
/// focused field, an error, the selected row): under the text, every cell as a letter naming its
/// style ("." for the terminal default), then what each letter means. Letters are given in order
/// of first appearance, so the same screen always gives the same file.
public func styledLines(_ buffer: Buffer) -> [String] {
    var letters: [Style: Character] = [.plain: "."]
    var legend: [String] = []
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var grid: [String] = []
    for y in 0..<buffer.height {
        var row = ""
        for x in 0..<buffer.width {
            let style = buffer[x, y].style
            if letters[style] == nil {
                let letter = legend.count < alphabet.count ? alphabet[legend.count] : "?"
                letters[style] = letter
                legend.append("\(letter) = \(describe(style))")
            }
            row.append(letters[style]!)
        }
        grid.append(row)
    }
    return buffer.lines() + ["", "styles:"] + grid + [""] + legend
}

/// "fg=cyan bg=default bold reverse": a style in words.
func describe(_ style: Style) -> String {
    var words: [String] = []
    if let foreground = style.foreground { words.append("fg=\(foreground)") }
    if let background = style.background { words.append("bg=\(background)") }
    if style.bold { words.append("bold") }
    if style.dim { words.append("dim") }
    if style.reverse { words.append("reverse") }
    if style.underline { words.append("underline") }
    return words.isEmpty ? "plain" : words.joined(separator: " ")
}
