/// Every binding of a keymap grouped by section, read from the same data as the legend. A binding
/// without keys is a note (a figure's definition): its label, then its text wrapped to the width.
public struct HelpScreen<Action: Hashable & Sendable>: Widget {
    public var keymap: Keymap<Action>
    public var title: String
    /// First line shown, for scrolling long keymaps.
    public var scrollOffset: Int

    /// A help screen for `keymap`.
    public init(keymap: Keymap<Action>, title: String = "Keys", scrollOffset: Int = 0) {
        self.keymap = keymap
        self.title = title
        self.scrollOffset = scrollOffset
    }

    /// The help text as (line, role) pairs before layout.
    /// Descriptions and notes are wrapped to `width` columns when it is given.
    public func lines(keyColumnWidth: Int, width: Int? = nil) -> [(text: String, role: ThemeRole)] {
        var result: [(String, ThemeRole)] = []
        for section in keymap.sections {
            if !result.isEmpty { result.append(("", .normal)) }
            result.append((section, .header))
            for binding in keymap.bindings where binding.section == section {
                guard binding.keys.isEmpty else {
                    // A long description continues under itself, never cut off at the box.
                    let indent = 2 + keyColumnWidth + 2
                    let text = width.map { TextWidth.wrap(binding.help, to: max(10, $0 - indent)) } ?? [binding.help]
                    for (index, line) in text.enumerated() {
                        let keys = index == 0 ? TextWidth.pad(binding.keyList, to: keyColumnWidth) : String(repeating: " ", count: keyColumnWidth)
                        result.append(("  " + keys + "  " + line, .normal))
                    }
                    continue
                }
                result.append(("  " + binding.label, .title))
                let text = width.map { TextWidth.wrap(binding.help, to: max(10, $0 - 4)) } ?? [binding.help]
                result += text.map { ("    " + $0, .normal) }
            }
        }
        return result
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let box = Box(title: title)
        buffer.fill(area, style: theme[.normal])
        box.render(into: &buffer, area: area, theme: theme)
        let inner = box.inner(of: area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let keyWidth = min(inner.width / 3, keymap.bindings.map { TextWidth.width(of: $0.keyList) }.max() ?? 0)
        let all = lines(keyColumnWidth: keyWidth, width: inner.width)
        let offset = min(max(0, scrollOffset), max(0, all.count - inner.height))
        for (row, line) in all.dropFirst(offset).prefix(inner.height).enumerated() {
            buffer.write(line.text, at: inner.x, y: inner.y + row, style: theme[line.role], maxWidth: inner.width, ellipsis: theme.symbols.ellipsis)
        }
    }
}
