import Foundation

/// Where configuration files are, least important first: `/etc/frontdesk/config.toml`, then
/// `frontdesk/config.toml` in each `$XDG_CONFIG_DIRS` folder (most important last), then the
/// user's `$XDG_CONFIG_HOME/frontdesk/config.toml`. A key set in a later file wins.
public enum ConfigurationFiles {
    /// The system-wide file an administrator writes for every account on the machine.
    public static let systemFile = "/etc/frontdesk/config.toml"

    /// The files to read, least important first (existing or not).
    public static func paths(environment: [String: String], systemFile: String = systemFile) -> [String] {
        var paths = [systemFile]
        for folder in XDGFolders.configDirs(environment: environment).reversed() {
            paths.append(folder + "/frontdesk/config.toml")
        }
        paths.append(userFile(environment: environment))
        var seen: Set<String> = []
        return paths.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The user's own file.
    public static func userFile(environment: [String: String]) -> String {
        AppConfiguration.configFolder(environment: environment).appendingPathComponent("config.toml").path
    }

    /// A path as written in a file: `~/` is the user's home; a relative path is relative to the file's folder.
    static func resolve(_ path: String, relativeTo file: String, environment: [String: String]) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return XDGFolders.home(environment) + path.dropFirst() }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
    }
}
