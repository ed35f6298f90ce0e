import Foundation

/// JSON as managers write it by hand: `//` and `/* */` comments allowed outside strings.
///
/// The original guide's configurations carry comments such as `// Can book consecutive days`,
/// which plain JSON readers refuse; every form of the guide must be accepted as written.
public enum CommentedJSON {
    /// The text with every comment outside strings removed; line breaks are kept so that line
    /// numbers in later error messages still match what the manager sees.
    public static func stripComments(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var inString = false
        while i < scalars.count {
            let c = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if inString {
                output.unicodeScalars.append(c)
                if c == "\\", let next {
                    output.unicodeScalars.append(next)
                    i += 2
                    continue
                }
                if c == "\"" || c == "\n" { inString = false }
                i += 1
            } else if c == "\"" {
                inString = true
                output.unicodeScalars.append(c)
                i += 1
            } else if c == "/", next == "/" {
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
            } else if c == "/", next == "*" {
                i += 2
                while i < scalars.count, !(scalars[i] == "*" && i + 1 < scalars.count && scalars[i + 1] == "/") {
                    if scalars[i] == "\n" { output.unicodeScalars.append("\n") }
                    i += 1
                }
                i += 2
                // A comment between two tokens separates them, as a space would.
                output.unicodeScalars.append(" ")
            } else {
                output.unicodeScalars.append(c)
                i += 1
            }
        }
        return stripTrailingSpaces(output)
    }

    /// Parses JSON with comments into `[String: Any]`, `[Any]`, `String`, `Int` (whole numbers),
    /// `Double`, `Bool` or `NSNull`; a syntax error names its line and what is wrong.
    public static func parse(_ text: String) throws(CommentedJSONError) -> Any {
        var parser = CommentedJSONParser(text)
        return try parser.parseDocument()
    }

    /// Compact JSON with sorted keys, the same for equal values: suitable for storage and diffs.
    public static func canonicalString(_ value: Any) -> String {
        var output = ""
        writeCanonical(value, into: &output)
        return output
    }

    private static func writeCanonical(_ value: Any, into output: inout String) {
        switch value {
        case let object as [String: Any]:
            output += "{"
            for (n, key) in object.keys.sorted().enumerated() {
                if n > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                writeCanonical(object[key]!, into: &output)
            }
            output += "}"
        case let array as [Any]:
            output += "["
            for (n, element) in array.enumerated() {
                if n > 0 { output += "," }
                writeCanonical(element, into: &output)
            }
            output += "]"
        default:
            switch JSONValueKind(value) {
            case .string(let string): writeString(string, into: &output)
            case .bool(let bool): output += bool ? "true" : "false"
            case .integer(let int): output += String(int)
            case .fraction(let double):
                // Equal numbers must give equal text: 2.0 is written as 2.
                if double == double.rounded(), abs(double) < 1e15 {
                    output += String(Int(double))
                } else {
                    output += "\(double)"
                }
            case .null, .array, .object: output += "null"
            }
        }
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                output += String(format: "\\u%04x", scalar.value)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Removing a line comment leaves the spaces before it; drop them so the result reads cleanly.
    private static func stripTrailingSpaces(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                var line = line
                while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
                return line
            }
            .joined(separator: "\n")
    }
}
