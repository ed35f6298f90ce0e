/// A strict reader of CSV rows (RFC 4180): commas between fields, CRLF or LF between rows, fields
/// in double quotes may hold commas, quotes (written "") and line breaks; a UTF-8 byte-order mark at
/// the start is skipped. Unlike the usual libraries it reports an unterminated quote and a row with
/// too few or too many fields, with the line, instead of guessing.
///
/// One pass over the bytes: the cost is linear in the size of the text.
public enum CSVReader {
    /// Every row; each must have `expectedFields` fields (default: as many as the first row).
    /// A final line break does not start an empty row.
    public static func rows(_ text: String, expectedFields: Int? = nil) throws(CSVError) -> [[String]] {
        var bytes = Array(text.utf8)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var index = bytes.startIndex
        var expected = expectedFields

        func endRow() throws(CSVError) {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            let count = expected ?? row.count
            if expected == nil { expected = count }
            guard row.count == count else { throw .fieldCount(line: rowLine, found: row.count, expected: count) }
            rows.append(row)
            row.removeAll(keepingCapacity: true)
        }

        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard field.isEmpty else { throw .quoteInsideField(line: line) }
                // A quoted field: up to the closing quote that is not doubled.
                let openedOn = line
                index = bytes.index(after: index)
                var closed = false
                while index < bytes.endIndex {
                    let inner = bytes[index]
                    if inner == UInt8(ascii: "\"") {
                        let next = bytes.index(after: index)
                        if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\"") {
                            field.append(inner)
                            index = bytes.index(after: next)
                            continue
                        }
                        index = next
                        closed = true
                        break
                    }
                    if inner == UInt8(ascii: "\n") { line += 1 }
                    field.append(inner)
                    index = bytes.index(after: index)
                }
                guard closed else { throw .unterminatedQuote(line: openedOn) }
                // After the closing quote: a separator, a line break or the end.
                if index < bytes.endIndex {
                    let after = bytes[index]
                    let isLineEnd = after == UInt8(ascii: "\n")
                        || (after == UInt8(ascii: "\r") && bytes.index(after: index) < bytes.endIndex && bytes[bytes.index(after: index)] == UInt8(ascii: "\n"))
                    guard after == UInt8(ascii: ",") || isLineEnd else { throw .textAfterQuote(line: line) }
                }
                // Mark the field as quoted-and-done so a following quote is not accepted.
                if index >= bytes.endIndex { break }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                index = bytes.index(after: index)
            case UInt8(ascii: "\r") where bytes.index(after: index) < bytes.endIndex && bytes[bytes.index(after: index)] == UInt8(ascii: "\n"):
                index = bytes.index(after: index)
            case UInt8(ascii: "\n"):
                try endRow()
                line += 1
                rowLine = line
                index = bytes.index(after: index)
            default:
                field.append(byte)
                index = bytes.index(after: index)
            }
        }
        // The last row, unless the text ended with a line break (or was empty).
        if !row.isEmpty || !field.isEmpty || (index > bytes.startIndex && bytes.last != UInt8(ascii: "\n")) {
            try endRow()
        }
        return rows
    }
}

/// Why a CSV text was refused, with the line to look at.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A quoted field opened on `line` is never closed.
    case unterminatedQuote(line: Int)
    /// A row with a different number of fields than the header (or `expectedFields`).
    case fieldCount(line: Int, found: Int, expected: Int)
    /// A double quote in the middle of an unquoted field.
    case quoteInsideField(line: Int)
    /// Text between a closing quote and the next comma or line break.
    case textAfterQuote(line: Int)

    public var line: Int {
        switch self {
        case let .unterminatedQuote(line), let .fieldCount(line, _, _), let .quoteInsideField(line), let .textAfterQuote(line): return line
        }
    }

    public var description: String {
        switch self {
        case let .unterminatedQuote(line):
            return "Line \(line): a quoted field is never closed; add the closing double quote (\")."
        case let .fieldCount(line, found, expected):
            return "Line \(line): \(found) field\(found == 1 ? "" : "s") where the header has \(expected); check for a missing or extra comma, or quote a field that contains a comma."
        case let .quoteInsideField(line):
            return "Line \(line): a double quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")."
        case let .textAfterQuote(line):
            return "Line \(line): text after a closing quote; the quote must end the field (write \"\" for a quote inside it)."
        }
    }
}
