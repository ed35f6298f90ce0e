import Foundation

/// Where theme files are looked for, in order: the user's `$XDG_CONFIG_HOME/frontdesk/themes`
/// (default `~/.config`), then `frontdesk/themes` in each of `$XDG_DATA_DIRS` (default
/// `/usr/local/share:/usr/share`, so `/usr/share/frontdesk/themes` works). The stock themes are
/// built into the binary and come after every folder.
public enum ThemeSearchPaths {
    /// The folders to search, most specific first; only existing folders are returned.
    public static func folders(environment: [String: String]) -> [URL] {
        var candidates: [URL] = []
        candidates.append(AppConfiguration.configFolder(environment: environment).appendingPathComponent("themes"))
        for dataDir in XDGFolders.dataDirs(environment: environment) {
            candidates.append(URL(fileURLWithPath: dataDir).appendingPathComponent("frontdesk/themes"))
        }
        var seen: Set<String> = []
        return candidates.filter { url in
            var isFolder: ObjCBool = false
            let path = url.standardizedFileURL.path
            guard !seen.contains(path), FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return false
            }
            seen.insert(path)
            return true
        }
    }

    /// The folders for this process's environment.
    public static func current() -> [URL] {
        folders(environment: ProcessInfo.processInfo.environment)
    }
}
