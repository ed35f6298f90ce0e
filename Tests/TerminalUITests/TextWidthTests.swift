import Testing
@testable import TerminalUI

@Suite("Text width")
struct TextWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(TextWidth.width(of: "Hello, world") == 12)
        #expect(TextWidth.width(of: "") == 0)
    }

    @Test func umlautIsOneColumnPrecomposedOrCombined() {
        let precomposed = "M\u{00FC}ller"
        let combined = "Mu\u{0308}ller"
        #expect(TextWidth.width(of: precomposed) == 6)
        #expect(TextWidth.width(of: combined) == 6)
        #expect(TextWidth.width(of: "\u{0308}" as Character) == 0)
    }

    @Test func cjkIsTwoColumnsEach() {
        #expect(TextWidth.width(of: "日本語") == 6)
        #expect(TextWidth.width(of: "山田太郎") == 8)
        #expect(TextWidth.width(of: "한국어") == 6)
        #expect(TextWidth.width(of: "ＡＢ") == 4)  // fullwidth forms
    }

    @Test func emojiAndSequencesAreTwoColumns() {
        #expect(TextWidth.width(of: "😀") == 2)
        #expect(TextWidth.width(of: "👩‍⚕️") == 2)  // woman health worker: ZWJ sequence
        #expect(TextWidth.width(of: "👨‍👩‍👧") == 2)  // family ZWJ sequence
        #expect(TextWidth.width(of: "🇩🇪") == 2)  // flag
        #expect(TextWidth.width(of: "👍🏽") == 2)  // skin tone modifier
        #expect(TextWidth.width(of: "1️⃣") == 2)  // keycap
        #expect(TextWidth.width(of: "❤️") == 2)  // text default made emoji by VS16
        #expect(TextWidth.width(of: "Zoë 👩‍⚕️") == 6)
    }

    @Test func controlsTakeNoColumns() {
        #expect(TextWidth.width(of: "a\tb") == 2)
        #expect(TextWidth.width(of: "\u{1B}") == 0)
    }

    @Test func boxDrawingAndMarksAreNarrow() {
        #expect(TextWidth.width(of: "┌─┐✔●✖…‹›█▓░") == 12)
    }

    @Test func truncateKeepsWithinWidthAndNeverSplitsAWideCharacter() {
        #expect(TextWidth.truncate("Physiotherapy", to: 8) == "Physiot…")
        #expect(TextWidth.truncate("Physio", to: 8) == "Physio")
        #expect(TextWidth.truncate("日本語テキスト", to: 6) == "日本…")
        #expect(TextWidth.width(of: TextWidth.truncate("日本語テキスト", to: 6)) == 5)
        #expect(TextWidth.truncate("abc", to: 0) == "")
        #expect(TextWidth.truncate("abcdef", to: 3, ellipsis: "") == "abc")
    }

    @Test func padAlignsByColumnsNotCharacters() {
        #expect(TextWidth.pad("日本", to: 6) == "日本  ")
        #expect(TextWidth.pad("42", to: 5, alignment: .right) == "   42")
        #expect(TextWidth.pad("ab", to: 6, alignment: .center) == "  ab  ")
        #expect(TextWidth.pad("Zoë 👩‍⚕️", to: 8) == "Zoë 👩‍⚕️  ")
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(TextWidth.wrap("Please enlarge the window", to: 10) == ["Please", "enlarge", "the window"])
        #expect(TextWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func truncatingAHugeTextKeepsWhatFits() {
        let huge = String(repeating: "Physiotherapy ", count: 400_000)
        #expect(TextWidth.truncate(huge, to: 10) == "Physiothe…")
        #expect(TextWidth.truncate(huge.prefix(9), to: 10) == "Physiothe")
        #expect(TextWidth.truncate("日本語", to: 6) == "日本語")
        #expect(TextWidth.width(of: huge, upTo: 20) == 21)
        #expect(TextWidth.width(of: "日本", upTo: 20) == 4)
    }

    @Test func wrapKeepsLineBreaksStopsAtMaxLinesAndTruncatesOrCutsLongWords() {
        #expect(TextWidth.wrap("one two\n\nthree", to: 20) == ["one two", "", "three"])
        #expect(TextWidth.wrap("a b c d e f", to: 3, maxLines: 2) == ["a b", "c d"])
        #expect(TextWidth.wrap("Book Massage abcdefghijkl now", to: 8, longWords: .truncate(ellipsis: "…"))
                == ["Book", "Massage", "abcdefg…", "now"])
        #expect(TextWidth.wrap("Book abcdefghijkl now", to: 8) == ["Book", "abcdefgh", "ijkl now"])
        #expect(TextWidth.wrap("日本語テキスト です", to: 6, longWords: .truncate(ellipsis: "…")) == ["日本…", "です"])
    }

    @Test func wrappingAHugeWordShowsOneLineOfItAndGoesOn() {
        let name = String(repeating: "x", count: 5_000_000)
        let lines = TextWidth.wrap("Book for Anna: Massage \(name) END", to: 20, maxLines: 200, longWords: .truncate(ellipsis: "…"))
        // Past 64 KB without a space the word's rest, and what follows, is not shown.
        #expect(lines == ["Book for Anna:", "Massage", String(repeating: "x", count: 19) + "…"])
        let long = String(repeating: "y", count: 60_000)
        #expect(TextWidth.wrap("a \(long) b", to: 10, longWords: .truncate(ellipsis: "…")) == ["a", "yyyyyyyyy…", "b"])
        let cut = TextWidth.wrap(name, to: 50, maxLines: 3)
        #expect(cut == Array(repeating: String(repeating: "x", count: 50), count: 3))
    }
}
