import Foundation

/// What a parsed JSON value is, told apart reliably.
///
/// On Linux an `NSNumber` from JSONSerialization answers `is Bool` for 1 and 0, so `value as? Bool`
/// would read `"minimum_days": 1` as true. Classifying by the value's concrete type (native values
/// from `CommentedJSON`, `NSNumber`s from JSONSerialization) keeps `true` and `1` apart.
public enum JSONValueKind: Equatable, Sendable {
    case bool(Bool)
    case integer(Int)
    case fraction(Double)
    case string(String)
    case null
    case array
    case object

    /// Classifies a value from `CommentedJSON.parse` or `JSONSerialization`.
    public init(_ value: Any) {
        switch value {
        case let bool as Bool where type(of: value) == Bool.self:
            self = .bool(bool)
        case let int as Int where type(of: value) == Int.self:
            self = .integer(int)
        case let double as Double where type(of: value) == Double.self:
            self = .fraction(double)
        case let string as String:
            self = .string(string)
        case is NSNull:
            self = .null
        case is [String: Any]:
            self = .object
        case is [Any]:
            self = .array
        case let number as NSNumber:
            let code = String(cString: number.objCType)
            if code == "c" || code == "B" {
                self = .bool(number.boolValue)
            } else if code == "d" || code == "f" {
                self = .fraction(number.doubleValue)
            } else {
                self = .integer(number.intValue)
            }
        default:
            self = .null
        }
    }

    /// How the value reads in a message to staff: "true", "2.5", "\"seven\"", "null", "a list".
    public var shown: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .fraction(let d):
            return d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)"
        case .string(let s): return "\"\(s)\""
        case .null: return "null"
        case .array: return "a list [...]"
        case .object: return "an object {...}"
        }
    }
}
