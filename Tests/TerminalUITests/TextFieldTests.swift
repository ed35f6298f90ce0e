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

    @Test func homeAndEndMoveToTheEndsWhateverTheKeyWasCalled() {
        var f = field("Lukas", cursor: 2)
        var decoder = KeySequenceDecoder()
        // tmux's Home under TERM=xterm-256color, then its End: the field moves, nothing closes.
        for key in decoder.feed(text: "\u{1B}[1~") { let got = f.handle(key); #expect(got) }
        #expect(f.cursor == 0)
        for key in decoder.feed(text: "\u{1B}[4~") { let got = f.handle(key); #expect(got) }
        #expect(f.cursor == 5)
    }

    @Test func aPasteGoesInAtTheCursorAsOneLine() {
        var f = field("ab", cursor: 1)
        do { let handled = f.handle(.paste("Bring the X-ray\rc\r")); #expect(handled) }
        #expect(f.value == "aBring the X-ray cb")
        #expect(f.cursor == 18)
        f = field("")
        _ = f.handle(.paste("one\r\ntwo\tthree\nfour\u{1B}[Afive\u{07}\u{85}six"))
        #expect(f.value == "one two three four[Afive six")
    }

    @Test func aPasteIsNeverAKeyForTheScreen() {
        var f = field("x")
        #expect(!Key.paste("q").isPrintable)
        do { let got = f.handle(.paste("\ry\r")); #expect(got) }
        #expect(f.value == "x y")
    }

    @Test func aTenThousandCharacterPasteLandsWhole() {
        var f = field("<>", cursor: 1)
        let text = String(repeating: "abcdefghij", count: 1_000)
        _ = f.handle(.paste(text))
        #expect(f.value == "<" + text + ">")
        #expect(f.cursor == 10_001)
        var buffer = Buffer(width: 20, height: 1)
        buffer.render(f, in: buffer.area, theme: .monochrome)
        // The text scrolls so the cursor, after the paste, is in view.
        #expect(buffer.lines() == ["bcdefghijabcdefghij>"])
        #expect(buffer[19, 0].style.reverse)
    }

    @Test func aLongValueDrawsTheWindowAroundTheCursorAndEditsInPlace() {
        // Two million characters: drawing and editing read only what is near the cursor.
        let long = String(repeating: "0123456789", count: 200_000)
        var f = TextField(value: long + "END")
        var buffer = Buffer(width: 12, height: 1)
        buffer.render(f, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines() == ["23456789END "])
        #expect(buffer[11, 0].style.reverse)

        f.moveHome()
        f.moveRight()
        f.insert("x")
        f.backspace()
        f.insert("Y")
        #expect(f.value.hasPrefix("0Y123"))
        #expect(f.value.utf8.count == long.utf8.count + 4)
        buffer = Buffer(width: 12, height: 1)
        buffer.render(f, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines() == ["0Y1234567890"])
        #expect(buffer[2, 0].style.reverse)

        f.moveEnd()
        f.deleteWordBackward()
        #expect(f.value.utf8.count == 0)
    }

    @Test func wideCharactersScrollWholeAndTheCursorStaysVisible() {
        let f = field("日本語テキスト")
        var buffer = Buffer(width: 6, height: 1)
        buffer.render(f, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines() == ["スト  "])
        #expect(buffer[4, 0].style.reverse)
        #expect(f.firstVisible(width: 6) == 5)
    }
}
