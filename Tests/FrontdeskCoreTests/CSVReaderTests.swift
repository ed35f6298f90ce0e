import FrontdeskCore
import Testing

/// The strict CSV row reader: RFC 4180 quoting, and the faults other readers let through.
@Suite struct CSVReaderTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let rows = try CSVReader.rows("name,notes\r\n\"Weber, Thomas\",\"said \"\"hi\"\"\nsecond line\"\r\n")
        #expect(rows == [["name", "notes"], ["Weber, Thomas", "said \"hi\"\nsecond line"]])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        #expect(try CSVReader.rows("\u{FEFF}name\nZoë\n") == [["name"], ["Zoë"]])
    }

    @Test func emptyFieldsAndNoFinalLineBreak() throws {
        #expect(try CSVReader.rows("a,b,c\n,,\n1,\"\",3") == [["a", "b", "c"], ["", "", ""], ["1", "", "3"]])
        #expect(try CSVReader.rows("") == [])
    }

    @Test func anUnterminatedQuoteIsReportedWithItsLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVReader.rows("a,b\n\"open,1\n2,3\n") }
    }

    @Test func aShortOrLongRowIsReportedWithItsLine() {
        #expect(throws: CSVError.fieldCount(line: 3, found: 1, expected: 2)) { try CSVReader.rows("a,b\n1,2\n3\n") }
        #expect(throws: CSVError.fieldCount(line: 2, found: 3, expected: 2)) { try CSVReader.rows("a,b\n1,2,3\n") }
        #expect(throws: CSVError.fieldCount(line: 1, found: 2, expected: 3)) { try CSVReader.rows("a,b\n", expectedFields: 3) }
    }

    @Test func strayQuotesAreRefused() {
        #expect(throws: CSVError.quoteInsideField(line: 2)) { try CSVReader.rows("a\nx\"y\n") }
        #expect(throws: CSVError.textAfterQuote(line: 2)) { try CSVReader.rows("a,b\n\"x\" y,2\n") }
    }

    @Test func aRowAfterAMultiLineFieldCountsItsOwnLine() {
        #expect(throws: CSVError.fieldCount(line: 4, found: 1, expected: 2)) { try CSVReader.rows("a,b\n\"1\n2\",3\nonly\n") }
    }
}
