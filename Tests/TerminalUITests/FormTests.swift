import Testing
import TerminalUI

/// The form widget's behaviour: focus order, editing, pastes, errors, read-only mode, scrolling,
/// and the layout steps it is built from.
@Suite("Form")
struct FormTests {
    enum Field: Hashable, Sendable { case name, note, provider, email }

    private func customerForm() -> Form<Field> {
        Form([
            .text(.name, label: "Name", placeholder: "first and last name"),
            .info(.note, label: "Customer since", text: "2024"),
            .choice(.provider, label: "Provider", options: ["Any", "Lea Meier", "Jonas Keller"]),
            .text(.email, label: "E-mail"),
        ])
    }

    private func press(_ keys: Key..., in form: inout Form<Field>) -> [Bool] {
        keys.map { form.handle($0) }
    }

    @Test func focusVisitsEditableFieldsInOrderAndWrapsBothWays() {
        var form = customerForm()
        #expect(form.focusOrder == [.name, .provider, .email])
        #expect(form.focusedID == .name)
        #expect(press(.tab, in: &form) == [true])
        #expect(form.focusedID == .provider)
        _ = press(.down, .down, in: &form)
        #expect(form.focusedID == .name)
        _ = press(.up, in: &form)
        #expect(form.focusedID == .email)
        _ = press(.backTab, in: &form)
        #expect(form.focusedID == .provider)
        form.focus(.note)
        #expect(form.focusedID == .provider)
        form.focus(.email)
        #expect(form.focusedID == .email)
    }

    @Test func typingGoesToTheFocusedFieldAndClearsItsError() {
        var form = customerForm()
        form.setError("A name is needed.", for: .name)
        form.setError("Not an address.", for: .email)
        #expect(press(.character("A"), .character("n"), .character("a"), in: &form) == [true, true, true])
        #expect(form.text(.name) == "Ana")
        #expect(form[.name]?.error == nil)
        #expect(form[.email]?.error == "Not an address.")
        // A key that changes nothing (← at the start is still a move) keeps the error.
        _ = press(.tab, .tab, .home, in: &form)
        #expect(form[.email]?.error == "Not an address.")
        #expect(form.hasErrors)
        form.clearErrors()
        #expect(!form.hasErrors)
    }

    @Test func aPasteGoesToTheFocusedTextFieldAsOneLine() {
        var form = customerForm()
        #expect(press(.paste("Anna\r\nMüller\r"), in: &form) == [true])
        #expect(form.text(.name) == "Anna Müller")
        // On a choice a paste does nothing: it is not a key.
        _ = press(.tab, in: &form)
        #expect(press(.paste("Jonas"), in: &form) == [false])
        #expect(form.text(.provider) == "Any")
        #expect(form.text(.email).isEmpty)
    }

    @Test func enterEscAndFunctionKeysAreLeftToTheScreen() {
        var form = customerForm()
        #expect(press(.enter, .escape, .function(2), in: &form) == [false, false, false])
        #expect(form == customerForm())
    }

    @Test func aChoiceChangesWithArrowsLettersAndSpace() {
        var form = customerForm()
        form.focus(.provider)
        _ = press(.right, in: &form)
        #expect(form.selectedIndex(.provider) == 1)
        _ = press(.character("l"), in: &form)
        #expect(form.text(.provider) == "Jonas Keller")
        // Space cycles round; ↓ leaves the choice instead of changing it.
        _ = press(.character(" "), in: &form)
        #expect(form.selectedIndex(.provider) == 0)
        _ = press(.left, .end, in: &form)
        #expect(form.selectedIndex(.provider) == 2)
        _ = press(.down, in: &form)
        #expect(form.focusedID == .email)
        #expect(form.selectedIndex(.provider) == 2)
        #expect(form.selectedIndex(.name) == nil)
    }

    @Test func readOnlyShowsEverythingEditsNothingAndTheFocusStillMoves() {
        var form = customerForm()
        form.setText("Anna Müller", for: .name)
        form.isReadOnly = true
        #expect(press(.character("x"), .backspace, .paste("y"), in: &form) == [false, false, false])
        form.focus(.provider)
        #expect(press(.right, .character(" "), in: &form) == [false, false])
        #expect(form.text(.name) == "Anna Müller")
        #expect(form.selectedIndex(.provider) == 0)
        #expect(press(.tab, in: &form) == [true])
        #expect(form.focusedID == .email)
    }

    @Test func setTextChangesTextAndReadOnlyFieldsButNotChoices() {
        var form = customerForm()
        form.setText("2019", for: .note)
        form.setText("Lea", for: .provider)
        form.setText("a@b.ch", for: .email)
        #expect(form.text(.note) == "2019")
        #expect(form.text(.provider) == "Any")
        #expect(form.text(.email) == "a@b.ch")
        #expect(form.height == 4)
        form.setError("Not an address.", for: .email)
        #expect(form.height == 5)
    }

    @Test func theFocusedFieldStaysInViewWhenTheFormIsTallerThanItsArea() {
        var form = customerForm()
        form.setError("Not an address.", for: .email)
        form.focus(.email)
        var buffer = Buffer(width: 40, height: 3)
        buffer.render(form, in: buffer.area, theme: .monochrome)
        let lines = buffer.lines()
        #expect(lines[1].contains("E-mail"))
        #expect(lines[2].contains("Not an address."))
        #expect(lines[0].contains("Provider"))
    }

    @Test func aFormWithoutEditableFieldsHasNoFocus() {
        var form = Form<Field>([.info(.note, label: "Note", text: "Read me")])
        #expect(form.focusedID == nil)
        #expect(press(.tab, .character("x"), in: &form) == [true, false])
        #expect(form.focusedID == nil)
    }

    @Test func rowsWithSpacingAndLabelledLinesAddUp() {
        let area = Rect(x: 2, y: 1, width: 30, height: 10)
        let rows = area.rows([.fixed(2), .fill, .fixed(3)], spacing: 1)
        #expect(rows.map(\.height) == [2, 3, 3])
        #expect(rows.map(\.y) == [1, 4, 8])
        let tight = Rect(width: 10, height: 3).rows([.fixed(2), .fixed(2)], spacing: 1)
        #expect(tight.map(\.height) == [2, 0])
        let (label, field) = area.row(0).labelled(labelWidth: 8)
        #expect(label == Rect(x: 2, y: 1, width: 8, height: 1))
        #expect(field == Rect(x: 11, y: 1, width: 21, height: 1))
        let squeezed = Rect(width: 5, height: 1).labelled(labelWidth: 8)
        #expect(squeezed.label.width == 5)
        #expect(squeezed.field.isEmpty)
    }

    @Test func theLabelColumnFitsTheWidestLabelWithinItsShare() {
        #expect(LabelColumn.width(for: ["Name", "Customer since"], totalWidth: 80) == 14)
        #expect(LabelColumn.width(for: ["Name", "A very long label indeed"], totalWidth: 40) == 16)
        #expect(LabelColumn.width(for: [], totalWidth: 80) == 0)
    }

    @Test func theFormsKeysAreDataTheLegendCanShow() {
        #expect(Keymap.form.validate().isEmpty)
        #expect(Keymap.form.action(for: .tab) == .nextField)
        #expect(Keymap.form.action(for: .up) == .previousField)
        #expect(Keymap.form.binding(for: .nextField)?.legendText == "Tab Next field")
    }

    @Test func aLongValueInAFieldIsEditedAndDrawnAroundItsCursor() {
        var form = customerForm()
        let long = String(repeating: "Müller ", count: 300_000)
        form.setText(long, for: .name)
        form.setError("Too long.", for: .name)
        _ = press(.character("X"), in: &form)
        #expect(form.text(.name).utf8.count == long.utf8.count + 1)
        #expect(form.text(.name).hasSuffix("Müller X"))
        #expect(form[.name]?.error == nil)
        var buffer = Buffer(width: 40, height: 4)
        buffer.render(form, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines()[0].hasSuffix("Müller Müller X "))
    }
}
