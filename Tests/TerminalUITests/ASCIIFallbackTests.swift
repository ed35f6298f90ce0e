import Testing
@testable import TerminalUI

/// Under a locale without UTF-8 the terminal gets ASCII: letters lose their accents instead of
/// vanishing ("Leon Bhler" was seen), and every cell keeps its width.
@Suite struct ASCIIFallbackTests {
    @Test func accentedLettersKeepTheirBase() {
        #expect(ASCIIFallback.text("Leon Bühler") == "Leon Buhler")
        #expect(ASCIIFallback.text("Zoë Müller-Łódź") == "Zoe Muller-Lodz")
        #expect(ASCIIFallback.text("Dental Implant – Session 2") == "Dental Implant - Session 2")
    }

    @Test func wideLettersBecomeAsManyQuestionMarksAsColumns() {
        for symbol in ["张", "이", "😀"] {
            let ascii = ASCIIFallback.cell(symbol)
            #expect(ascii.count == TextWidth.width(of: symbol))
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func marksAndBoxDrawingHaveLookalikes() {
        #expect(ASCIIFallback.text("┌─┐│█░✓") == "+-+|#.v")
        #expect(ASCIIFallback.cell("plain") == "plain")
    }
}
