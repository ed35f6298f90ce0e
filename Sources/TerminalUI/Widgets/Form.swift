/// A labelled form: one field per line with its label, a focus that Tab/Shift-Tab and ↓/↑ move,
/// an error under any field, and a read-only mode that shows everything and edits nothing.
///
/// A pure value like the other widgets: a screen keeps it in its state, passes keys to `handle`,
/// reads values back by field id, sets errors after validating, and renders it into an area.
/// Enter and Esc are never the form's: `handle` returns false and the screen decides.
public struct Form<FieldID: Hashable & Sendable>: Widget, Equatable {
    /// What a field holds.
    public enum Control: Sendable, Equatable {
        /// A one-line text input.
        case text(TextField)
        /// One of several options (←/→ or h/l or Space change it).
        case choice(Select)
        /// Text to read, never focused (a computed price, a summary).
        case info(String)
    }

    /// One labelled line of the form.
    public struct Field: Sendable, Equatable {
        public var id: FieldID
        public var label: String
        public var control: Control
        /// Shown under the field in the error style; editing the field clears it.
        public var error: String?

        /// A field with any control.
        public init(_ id: FieldID, label: String, control: Control, error: String? = nil) {
            self.id = id
            self.label = label
            self.control = control
            self.error = error
        }

        /// A text field.
        public static func text(_ id: FieldID, label: String, value: String = "", placeholder: String = "") -> Field {
            Field(id, label: label, control: .text(TextField(value: value, placeholder: placeholder, isFocused: false)))
        }

        /// A choice among options.
        public static func choice(_ id: FieldID, label: String, options: [String], selected: Int = 0) -> Field {
            Field(id, label: label, control: .choice(Select(options: options, selectedIndex: selected, isFocused: false)))
        }

        /// Read-only text.
        public static func info(_ id: FieldID, label: String, text: String) -> Field {
            Field(id, label: label, control: .info(text))
        }

        /// True for fields the focus can rest on.
        public var isFocusable: Bool {
            if case .info = control { return false }
            return true
        }

        /// The text shown: what was typed, the chosen option, or the read-only text.
        public var text: String {
            switch control {
            case .text(let field): return field.value
            case .choice(let select): return select.selectedOption ?? ""
            case .info(let text): return text
            }
        }
    }

    public private(set) var fields: [Field]
    /// The focused field's id; nil only when no field can be focused.
    public private(set) var focusedID: FieldID?
    /// Everything shown, nothing editable; the focus still moves so each field can be pointed at.
    public var isReadOnly: Bool
    /// Columns for the labels; nil fits the widest label within 40 % of the width.
    public var labelWidth: Int?

    /// A form whose first focusable field has the focus.
    public init(_ fields: [Field], isReadOnly: Bool = false, labelWidth: Int? = nil) {
        self.fields = fields
        self.isReadOnly = isReadOnly
        self.labelWidth = labelWidth
        self.focusedID = fields.first(where: \.isFocusable)?.id
    }

    // MARK: Reading and changing fields

    /// The field with this id.
    public subscript(id: FieldID) -> Field? {
        fields.first { $0.id == id }
    }

    /// The text of a field (typed text, chosen option or read-only text); empty for an unknown id.
    public func text(_ id: FieldID) -> String { self[id]?.text ?? "" }

    /// The chosen option's index of a choice field.
    public func selectedIndex(_ id: FieldID) -> Int? {
        guard case .choice(let select)? = self[id]?.control else { return nil }
        return select.selectedIndex
    }

    /// Replaces what a text field holds (cursor at the end) or the text of a read-only field.
    public mutating func setText(_ text: String, for id: FieldID) {
        update(id) { field in
            switch field.control {
            case .text(var input):
                input.setValue(text)
                field.control = .text(input)
            case .info:
                field.control = .info(text)
            case .choice:
                break
            }
        }
    }

    /// Shows `message` under a field (nil removes it).
    public mutating func setError(_ message: String?, for id: FieldID) {
        update(id) { $0.error = message }
    }

    /// Removes every error.
    public mutating func clearErrors() {
        for index in fields.indices { fields[index].error = nil }
    }

    /// True when any field shows an error.
    public var hasErrors: Bool { fields.contains { $0.error != nil } }

    private mutating func update(_ id: FieldID, _ change: (inout Field) -> Void) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        change(&fields[index])
    }

    // MARK: Focus

    /// Ids of the fields the focus visits, in order.
    public var focusOrder: [FieldID] { fields.filter(\.isFocusable).map(\.id) }

    /// Puts the focus on a field (ignored for read-only text or an unknown id).
    public mutating func focus(_ id: FieldID) {
        guard self[id]?.isFocusable == true else { return }
        focusedID = id
    }

    /// Moves the focus to the next field, from the last back to the first.
    public mutating func focusNext() { moveFocus(by: 1) }

    /// Moves the focus to the previous field, from the first round to the last.
    public mutating func focusPrevious() { moveFocus(by: -1) }

    private mutating func moveFocus(by step: Int) {
        let order = focusOrder
        guard !order.isEmpty else { return }
        let current = focusedID.flatMap { order.firstIndex(of: $0) } ?? 0
        focusedID = order[(current + step + order.count) % order.count]
    }

    // MARK: Keys

    /// The keys of `Keymap.form` move the focus (Tab/↓, Shift-Tab/↑); other keys (and a paste) go
    /// to the focused field unless the form is read-only. False when the key is not the form's:
    /// Enter, Esc, function keys…
    public mutating func handle(_ key: Key) -> Bool {
        switch Keymap.form.action(for: key) {
        case .nextField?:
            focusNext()
            return true
        case .previousField?:
            focusPrevious()
            return true
        case nil:
            break
        }
        guard !isReadOnly, let id = focusedID, let index = fields.firstIndex(where: { $0.id == id }) else { return false }
        var field = fields[index]
        // The control leaves the array while it is edited, so a long value is changed in place
        // rather than copied on every key (copy-on-write).
        fields[index].control = .info("")
        let handled: Bool
        let changed: Bool
        switch field.control {
        case .text(var input):
            field.control = .info("")
            // Every edit of a text field changes its length; a move or a no-op does not.
            let length = input.value.utf8.count
            handled = input.handle(key)
            changed = input.value.utf8.count != length
            field.control = .text(input)
        case .choice(var select):
            let chosen = select.selectedIndex
            handled = Form.handleChoice(&select, key)
            changed = select.selectedIndex != chosen
            field.control = .choice(select)
        case .info:
            handled = false
            changed = false
        }
        if changed { field.error = nil }
        fields[index] = field
        return handled
    }

    /// A choice in a form stays one line: ↑/↓ belong to the focus, so ←/→, h/l, Space and Home/End
    /// change the option.
    private static func handleChoice(_ select: inout Select, _ key: Key) -> Bool {
        switch key {
        case .left, .character("h"): select.selectPrevious()
        case .right, .character("l"): select.selectNext()
        case .character(" "):
            // Space cycles, so one key reaches every option.
            if select.selectedIndex + 1 < select.options.count {
                select.selectNext()
            } else {
                _ = select.handle(.home)
            }
        case .home, .end: _ = select.handle(key)
        default: return false
        }
        return true
    }

    // MARK: Drawing

    /// Rows the form needs: one per field and one more under each field with an error.
    public var height: Int { fields.count + fields.filter { $0.error != nil }.count }

    /// The label column's width in an area `totalWidth` wide.
    public func labelColumnWidth(totalWidth: Int) -> Int {
        labelWidth.map { min($0, totalWidth) } ?? LabelColumn.width(for: fields.map(\.label), totalWidth: totalWidth)
    }

    /// Two columns before each label: the focus mark and a space.
    static var markWidth: Int { 2 }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let labelColumns = labelColumnWidth(totalWidth: max(0, area.width - Form.markWidth))
        // Each field's first row (errors take one more), scrolled so the focused field is in view.
        var rows: [Int] = []
        var row = 0
        for field in fields {
            rows.append(row)
            row += field.error == nil ? 1 : 2
        }
        var offset = 0
        if let id = focusedID, let index = fields.firstIndex(where: { $0.id == id }) {
            let last = rows[index] + (fields[index].error == nil ? 0 : 1)
            if last >= area.height { offset = last - area.height + 1 }
        }
        for (index, field) in fields.enumerated() {
            let y = area.y + rows[index] - offset
            guard y >= area.y else { continue }
            guard y < area.maxY else { break }
            let line = Rect(x: area.x, y: y, width: area.width, height: 1)
            draw(field, focused: field.id == focusedID, in: line, labelColumns: labelColumns, into: &buffer, theme: theme)
            if let error = field.error, y + 1 < area.maxY {
                let errorLine = Rect(x: area.x, y: y + 1, width: area.width, height: 1)
                let place = errorLine.inset(left: Form.markWidth).labelled(labelWidth: labelColumns).field
                buffer.write(error, at: place.x, y: place.y, style: theme[.statusError], maxWidth: place.width,
                             ellipsis: theme.symbols.ellipsis)
            }
        }
    }

    private func draw(_ field: Field, focused: Bool, in line: Rect, labelColumns: Int, into buffer: inout Buffer, theme: Theme) {
        let parts = line.inset(left: Form.markWidth).labelled(labelWidth: labelColumns)
        let labelStyle = focused ? theme[.accent] : theme[.normal]
        if focused {
            buffer.write(theme.symbols.selectRight, at: line.x, y: line.y, style: theme[.accent], maxWidth: Form.markWidth)
        }
        buffer.write(field.label, at: parts.label.x, y: parts.label.y, style: labelStyle, maxWidth: parts.label.width,
                     ellipsis: theme.symbols.ellipsis)
        let place = parts.field
        guard !place.isEmpty else { return }
        if isReadOnly || !field.isFocusable {
            // Read-only: the value as text; the focused one highlighted so the focus stays visible.
            let style = focused ? theme[.selection] : theme[.normal]
            var text = field.text
            if case .text(let input) = field.control, input.value.isEmpty { text = "" }
            if focused {
                let shown = min(place.width, max(1, TextWidth.width(of: text, upTo: place.width)))
                buffer.fill(Rect(x: place.x, y: place.y, width: shown, height: 1), style: style)
            }
            buffer.write(text, at: place.x, y: place.y, style: style, maxWidth: place.width, ellipsis: theme.symbols.ellipsis)
            return
        }
        switch field.control {
        case .text(var input):
            input.isFocused = focused
            input.error = nil
            // Away from the focus a long value reads from its start.
            if !focused { input.moveHome() }
            buffer.render(input, in: place, theme: theme)
        case .choice(var select):
            select.isFocused = focused
            select.isExpanded = false
            buffer.render(select, in: place, theme: theme)
        case .info:
            break
        }
    }
}

/// What a form's own keys do.
public enum FormAction: Hashable, Sendable {
    case nextField, previousField
}

extension Keymap where Action == FormAction {
    /// The form's keys, for dispatch and for the screen's legend and help.
    public static var form: Keymap<FormAction> {
        Keymap([
            KeyBinding(.nextField, keys: [.tab, .down], label: "Next field", help: "Move to the next field", section: "Form"),
            KeyBinding(.previousField, keys: [.backTab, .up], label: "Previous field", help: "Move to the previous field",
                       section: "Form", showsInLegend: false),
        ])
    }
}
