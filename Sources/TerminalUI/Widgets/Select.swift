/// A choice among options: collapsed it reads "‹ option ›", expanded it lists them all.
public struct Select: Widget, Equatable {
    public var options: [String]
    public private(set) var selectedIndex: Int
    public var isExpanded: Bool
    public var isFocused: Bool

    /// A select with the given option chosen.
    public init(options: [String], selectedIndex: Int = 0, isExpanded: Bool = false, isFocused: Bool = true) {
        self.options = options
        self.selectedIndex = options.isEmpty ? 0 : min(max(0, selectedIndex), options.count - 1)
        self.isExpanded = isExpanded
        self.isFocused = isFocused
    }

    /// The chosen option's text.
    public var selectedOption: String? { options.indices.contains(selectedIndex) ? options[selectedIndex] : nil }

    /// Chooses the next option, stopping at the last.
    public mutating func selectNext() { selectedIndex = min(max(0, options.count - 1), selectedIndex + 1) }
    /// Chooses the previous option, stopping at the first.
    public mutating func selectPrevious() { selectedIndex = max(0, selectedIndex - 1) }

    /// j/k, arrows, Home/End move; Space toggles the list. False for keys it does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .down, .character("j"): selectNext()
        case .up, .character("k"): selectPrevious()
        case .right where !isExpanded, .character("l") where !isExpanded: selectNext()
        case .left where !isExpanded, .character("h") where !isExpanded: selectPrevious()
        case .home: selectedIndex = 0
        case .end: selectedIndex = max(0, options.count - 1)
        case .character(" "): isExpanded.toggle()
        default: return false
        }
        return true
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let symbols = theme.symbols
        guard isExpanded, area.height > 1 else {
            let style = isFocused ? theme[.selection] : theme[.normal]
            let text = "\(symbols.selectLeft) \(selectedOption ?? "") \(symbols.selectRight)"
            buffer.write(text, at: area.x, y: area.y, style: style, maxWidth: area.width, ellipsis: symbols.ellipsis)
            return
        }
        let offset = Table.scrollOffset(keeping: selectedIndex, visible: area.height, from: 0, rowCount: options.count)
        for (row, index) in (offset..<min(options.count, offset + area.height)).enumerated() {
            let selected = index == selectedIndex
            let style = selected ? theme[.selection] : theme[.normal]
            let rowRect = Rect(x: area.x, y: area.y + row, width: area.width, height: 1)
            buffer.fill(rowRect, style: style)
            let marker = selected ? symbols.selectRight : " "
            buffer.write("\(marker) \(options[index])", at: area.x, y: rowRect.y, style: style, maxWidth: area.width, ellipsis: symbols.ellipsis)
        }
    }
}
