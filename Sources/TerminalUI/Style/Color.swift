/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or a 256-colour index.
public enum Color: Sendable, Equatable, Hashable, CustomStringConvertible {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case indexed(UInt8)

    /// The 16 named colours in ANSI order, with the names themes use.
    public static let named: [(name: String, color: Color)] = [
        ("black", .black), ("red", .red), ("green", .green), ("yellow", .yellow),
        ("blue", .blue), ("magenta", .magenta), ("cyan", .cyan), ("white", .white),
        ("bright-black", .brightBlack), ("bright-red", .brightRed), ("bright-green", .brightGreen),
        ("bright-yellow", .brightYellow), ("bright-blue", .brightBlue),
        ("bright-magenta", .brightMagenta), ("bright-cyan", .brightCyan), ("bright-white", .brightWhite),
    ]

    /// Parses "default", a named colour ("bright-red", "bright_red", "brightRed", "grey" for bright-black),
    /// or a 256-colour index written as "0"…"255" or "color123".
    public init?(name raw: String) {
        let name = String(raw.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        switch name {
        case "default", "none", "reset": self = .default; return
        case "gray", "grey": self = .brightBlack; return
        default: break
        }
        let compact = name.filter { $0 != "-" }
        if let match = Color.named.first(where: { $0.name.filter { $0 != "-" } == compact }) {
            self = match.color
            return
        }
        var digits = Substring(name)
        if digits.hasPrefix("color") { digits = digits.dropFirst(5) }
        if let index = UInt8(digits) {
            self = .indexed(index)
            return
        }
        return nil
    }

    /// The ANSI index (0–255), or nil for the terminal default.
    public var ansiIndex: Int? {
        switch self {
        case .default: return nil
        case .indexed(let i): return Int(i)
        default:
            return Color.named.firstIndex(where: { $0.color == self })
        }
    }

    public var description: String {
        switch self {
        case .default: return "default"
        case .indexed(let i): return "color\(i)"
        default: return Color.named.first(where: { $0.color == self })?.name ?? "?"
        }
    }
}
