import FrontdeskTestSupport
import Testing
import TerminalUI

/// The form at 80 columns in the colour and the monochrome theme, with its styles recorded: the
/// focused field's label and cursor, an error under a field, and the read-only highlight.
@Suite("Form snapshots")
struct FormSnapshotTests {
    enum Field: Hashable, Sendable { case name, phone, email, provider, price, notes }

    private func newCustomer() -> Form<Field> {
        var form = Form<Field>([
            .text(.name, label: "Name", value: "Anna Müller"),
            .text(.phone, label: "Phone", value: "079 12x", placeholder: "e.g. +41 79 123 45 67"),
            .text(.email, label: "E-mail", placeholder: "e.g. name@example.com"),
            .choice(.provider, label: "Provider", options: ["Any provider", "Lea Meier"], selected: 1),
            .info(.price, label: "Price", text: "CHF 960.00 for 8 sessions"),
            .text(.notes, label: "Notes", value: "Prefers mornings; " + String(repeating: "bring the X-ray ", count: 10)),
        ])
        form.setError("A phone number has digits, spaces and + only: \"x\" is not one of them.", for: .phone)
        return form
    }

    private func snapshot(_ name: String, _ form: Form<Field>, height: Int = 10,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        for theme in [Theme.standard, .monochrome] {
            var buffer = Buffer(width: 80, height: height)
            buffer.render(form, in: buffer.area.inset(top: 1), theme: theme)
            // Every label is drawn whatever the focus, the mode or the theme.
            for field in form.fields where !field.label.isEmpty {
                #expect(buffer.lines().contains { $0.contains(field.label) }, "label \(field.label) missing", sourceLocation: sourceLocation)
            }
            assertSnapshot(lines: styledLines(buffer), named: "form-\(name)-\(theme.name)-80x\(height)", sourceLocation: sourceLocation)
        }
    }

    @Test func editingWithTheFocusOnTheFirstField() {
        snapshot("editing", newCustomer())
    }

    @Test func editingWithTheFocusOnTheFieldInError() {
        var form = newCustomer()
        form.focus(.phone)
        snapshot("error-focused", form)
    }

    @Test func editingAChoiceAndALongValue() {
        var form = newCustomer()
        form.focus(.provider)
        snapshot("choice-focused", form)
        form.focus(.notes)
        snapshot("long-value-focused", form)
    }

    @Test func readOnly() {
        var form = newCustomer()
        form.isReadOnly = true
        form.setError(nil, for: .phone)
        form.focus(.email)
        snapshot("read-only", form)
    }
}
