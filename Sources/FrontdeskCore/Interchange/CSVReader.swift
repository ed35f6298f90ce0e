import Foundation

/// A strict RFC 4180 reader: a byte-order mark is skipped, quoted fields may hold commas, quotes
/// (doubled) and line breaks, and anything malformed is an error naming the row and column —
/// an unterminated quote, text after a closing quote, a quote inside an unquoted field, or a row
/// whose field count differs from the header's. Rows end in CRLF or LF.
public enum CSVReader {
    /// A parsed file: the header and the data rows, each as many fields as the header.
    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
        /// Where each row is in the file, as a spreadsheet numbers it (the header is row 1): a
        /// blank line is skipped but still counted, so a refusal names the row the reader sees.
        public var rowNumbers: [Int]

        public init(header: [String], rows: [[String]], rowNumbers: [Int]? = nil) {
            self.header = header
            self.rows = rows
            self.rowNumbers = rowNumbers ?? rows.indices.map { $0 + 2 }
        }

        /// The file's row number of `rows[index]`.
        public func rowNumber(_ index: Int) -> Int { rowNumbers[index] }

        /// The value of `column` in `row`, by header name.
        public func value(_ column: String, in row: [String]) -> String? {
            header.firstIndex(of: column).map { row[$0] }
        }
    }

    /// Reads a whole file with a header row. Row numbers in errors count the header as row 1, as
    /// a spreadsheet shows them.
    public static func table(_ text: String) throws(CSVError) -> Table {
        let records = try records(text)
        guard let header = records.first else { throw .empty }
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw .emptyHeader(column: index + 1) }
            guard seen.insert(trimmed).inserted else { throw .duplicateHeader(name: trimmed) }
        }
        var rows: [[String]] = []
        var rowNumbers: [Int] = []
        for (offset, record) in records.dropFirst().enumerated() {
            // A blank last line (or a blank line anywhere) is not a row.
            if record == [""] { continue }
            guard record.count == header.count else {
                throw .fieldCount(row: offset + 2, expected: header.count, found: record.count)
            }
            rows.append(record)
            rowNumbers.append(offset + 2)
        }
        return Table(header: header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: rows, rowNumbers: rowNumbers)
    }

    /// Every record of the text, as fields; the row numbers in errors are 1-based lines of records.
    public static func records(_ text: String) throws(CSVError) -> [[String]] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [[String]] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var row = 1
        var index = scalars.startIndex
        var fieldIsQuoted = false
        var afterClosingQuote = false
        var quoteStartRow = 1

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldIsQuoted = false
            afterClosingQuote = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if fieldIsQuoted && !afterClosingQuote {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        afterClosingQuote = true
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r" where index < scalars.endIndex && scalars[index] == "\n":
                continue
            case "\n", "\r":
                endField()
                records.append(fields)
                fields = []
                row += 1
            case "\"":
                guard field.isEmpty, !afterClosingQuote else {
                    throw afterClosingQuote ? .textAfterQuote(row: row, column: fields.count + 1)
                                            : .quoteInUnquotedField(row: row, column: fields.count + 1)
                }
                fieldIsQuoted = true
                quoteStartRow = row
            default:
                if afterClosingQuote { throw .textAfterQuote(row: row, column: fields.count + 1) }
                field.append(scalar)
            }
        }
        if fieldIsQuoted && !afterClosingQuote { throw .unterminatedQuote(row: quoteStartRow, column: fields.count + 1) }
        if !field.isEmpty || !fields.isEmpty || fieldIsQuoted { endField(); records.append(fields) }
        return records
    }
}

/// Why a CSV file cannot be read; names the row (the header is row 1) and the column.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case emptyHeader(column: Int)
    case duplicateHeader(name: String)
    case unterminatedQuote(row: Int, column: Int)
    case textAfterQuote(row: Int, column: Int)
    case quoteInUnquotedField(row: Int, column: Int)
    case fieldCount(row: Int, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .empty:
            return "The file is empty. It needs a header row naming the columns, then one row per record."
        case let .emptyHeader(column):
            return "row 1, column \(column): the header has no name here. Name every column."
        case let .duplicateHeader(name):
            return "row 1: the column \(name) appears twice in the header. Keep one."
        case let .unterminatedQuote(row, column):
            return "row \(row), column \(column): a quoted field is never closed. Add the closing \" (a quote inside a field is written twice: \"\")."
        case let .textAfterQuote(row, column):
            return "row \(row), column \(column): there is text after a closing quote. Quote the whole field, writing quotes inside it twice (\"\")."
        case let .quoteInUnquotedField(row, column):
            return "row \(row), column \(column): a quote inside an unquoted field. Quote the whole field and write the quote twice (\"\")."
        case let .fieldCount(row, expected, found):
            return "row \(row): \(found) field\(found == 1 ? "" : "s") where the header has \(expected). Check for a missing or extra comma, or a comma that should be inside quotes."
        }
    }
}

/// Writes RFC 4180 rows: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF ends rows.
public enum CSVWriter {
    /// One row, ending in CRLF.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it must be.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
