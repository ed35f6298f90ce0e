import Testing
import TerminalUI

@Suite("Text field editing")
struct TextFieldTests {
    private func field(_ text: String, cursor: Int? = nil) -> TextField {
        var f = TextField(value: text)
        if let cursor { for _ in 0..<(text.count - cursor) { f.moveLeft() } }
        return f
    }

    @Test func typingInsertsAtTheCursor() {
        var f = field("Mller", cursor: 1)
        do { let handled = f.handle(.character("ü")); #expect(handled) }
        #expect(f.value == "Müller")
        #expect(f.cursor == 2)
    }

    @Test func combiningMarkJoinsThePreviousLetter() {
        var f = field("Mu")
        f.insert("\u{0308}")
        #expect(f.value.count == 2)
        #expect(f.cursor == 2)
    }

    @Test func backspaceAndDeleteRemoveWholeGraphemes() {
        var f = field("Zoë 👩‍⚕️")
        do { let handled = f.handle(.backspace); #expect(handled) }
        #expect(f.value == "Zoë ")
        f.moveHome()
        do { let handled = f.handle(.delete); #expect(handled) }
        #expect(f.value == "oë ")
        #expect(f.cursor == 0)
        f.backspace()
        #expect(f.value == "oë ")
    }

    @Test func cursorMovesStayInBounds() {
        var f = field("abc")
        do { let handled = f.handle(.right); #expect(handled) }
        #expect(f.cursor == 3)
        do { let handled = f.handle(.home); #expect(handled) }
        #expect(f.cursor == 0)
        f.moveLeft()
        #expect(f.cursor == 0)
        do { let handled = f.handle(.end); #expect(handled) }
        #expect(f.cursor == 3)
    }

    @Test func controlUClearsAndControlWDeletesTheWordBefore() {
        var f = field("tomorrow at 10am")
        do { let handled = f.handle(.control("w")); #expect(handled) }
        #expect(f.value == "tomorrow at ")
        do { let handled = f.handle(.control("w")); #expect(handled) }
        #expect(f.value == "tomorrow ")
        f = field("fri 4pm", cursor: 3)
        f.deleteWordBackward()
        #expect(f.value == " 4pm")
        #expect(f.cursor == 0)
        do { let handled = f.handle(.control("u")); #expect(handled) }
        #expect(f.value.isEmpty)
        #expect(f.cursor == 0)
    }

    @Test func keysForTheScreenAreNotConsumed() {
        var f = field("x")
        do { let handled = f.handle(.enter); #expect(!handled) }
        do { let handled = f.handle(.escape); #expect(!handled) }
        do { let handled = f.handle(.tab); #expect(!handled) }
        do { let handled = f.handle(.function(2)); #expect(!handled) }
        #expect(f.value == "x")
    }

    @Test func longTextScrollsSoTheCursorIsVisible() {
        var f = field("abcdefghijkl")
        var buffer = Buffer(width: 6, height: 1)
        buffer.render(f, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines() == ["hijkl "])
        #expect(buffer[5, 0].style.reverse)
        f.moveHome()
        buffer = Buffer(width: 6, height: 1)
        buffer.render(f, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines() == ["abcdef"])
        #expect(buffer[0, 0].style.reverse)
    }

    @Test func placeholderAndErrorLine() {
        let f = TextField(value: "", placeholder: "e.g. tomorrow 10am", error: "Could not read \"tmrw\" as a date.")
        var buffer = Buffer(width: 40, height: 2)
        buffer.render(f, in: buffer.area, theme: .standard)
        #expect(buffer.lines() == [
            "e.g. tomorrow 10am                      ",
            "Could not read \"tmrw\" as a date.        ",
        ])
        #expect(buffer[0, 1].style == Theme.standard[.statusError])
    }
}
