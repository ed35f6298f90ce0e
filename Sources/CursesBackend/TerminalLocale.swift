import Glibc
import TerminalUI

/// How text reaches the terminal, decided before ncurses starts. ncursesw draws letters beyond
/// ASCII only under a UTF-8 locale; under `LC_ALL=C` (common over SSH) it silently mangles
/// "Bühler" and blanks CJK names. So a locale that is not UTF-8 is replaced by C.UTF-8 when the
/// system has it; otherwise every cell is drawn in ASCII (accents dropped, other letters as "?")
/// and the application says so.
public enum TerminalTextMode: Equatable, Sendable {
    /// The user's locale is UTF-8.
    case utf8
    /// The user's locale (named) was not UTF-8; C.UTF-8 is used instead.
    case switchedToUTF8(from: String)
    /// No UTF-8 locale could be used (the user's is named): ASCII only.
    case asciiOnly(locale: String)

    /// True when every cell must be drawn in ASCII.
    public var drawsASCIIOnly: Bool {
        if case .asciiOnly = self { return true }
        return false
    }

    /// What to tell staff on the status line, if anything.
    public var notice: String? {
        switch self {
        case .utf8, .switchedToUTF8: return nil
        case let .asciiOnly(locale):
            return "The locale \(locale) is not UTF-8 and this system has no C.UTF-8, so accents are left off and other letters show as ?. Set LANG to a UTF-8 locale (e.g. en_US.UTF-8)."
        }
    }

    /// Adopts the user's locale, or C.UTF-8 in its place when it is not UTF-8.
    static func adopt() -> TerminalTextMode {
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) } ?? "C"
        if isUTF8() { return .utf8 }
        for candidate in ["C.UTF-8", "C.utf8"] where setlocale(LC_ALL, candidate) != nil && isUTF8() {
            return .switchedToUTF8(from: chosen)
        }
        setlocale(LC_ALL, "")
        return .asciiOnly(locale: chosen)
    }

    /// Whether C.UTF-8 exists here (checked without changing this process's locale).
    public static func systemHasCUTF8() -> Bool {
        for candidate in ["C.UTF-8", "C.utf8"] {
            if let locale = newlocale(LC_CTYPE_MASK, candidate, nil) {
                freelocale(locale)
                return true
            }
        }
        return false
    }

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
