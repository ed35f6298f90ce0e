import Foundation

/// The XDG base directory lists, with the specification's defaults for unset or empty variables.
/// Relative entries are ignored, as the specification says.
public enum XDGFolders {
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    public static func configHome(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg }
        return home(environment) + "/.config"
    }

    /// `$XDG_CONFIG_DIRS`, else `/etc/xdg`, most important first.
    public static func configDirs(environment: [String: String]) -> [String] {
        list(environment["XDG_CONFIG_DIRS"], default: ["/etc/xdg"])
    }

    /// `$XDG_DATA_DIRS`, else `/usr/local/share` and `/usr/share`, most important first.
    public static func dataDirs(environment: [String: String]) -> [String] {
        list(environment["XDG_DATA_DIRS"], default: ["/usr/local/share", "/usr/share"])
    }

    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    private static func list(_ value: String?, default fallback: [String]) -> [String] {
        let entries = (value ?? "").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        return entries.isEmpty ? fallback : entries
    }
}
