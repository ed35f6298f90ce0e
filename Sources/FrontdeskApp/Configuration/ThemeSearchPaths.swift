import Foundation

/// Where theme files are looked for, in order: the user's config folder, `$FRONTDESK_THEMES_DIR`,
/// then a `themes/` folder next to the executable or up to four folders above it (so a
/// development build in `.build/debug/` finds the repository's `themes/`).
public enum ThemeSearchPaths {
    /// The folders to search, most specific first; only existing folders are returned.
    public static func folders(environment: [String: String], executablePath: String?) -> [URL] {
        var candidates: [URL] = []
        candidates.append(AppConfiguration.configFolder(environment: environment).appendingPathComponent("themes"))
        if let dir = environment["FRONTDESK_THEMES_DIR"], !dir.isEmpty {
            candidates.append(URL(fileURLWithPath: dir))
        }
        if let executablePath, !executablePath.isEmpty {
            var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0...4 {
                candidates.append(folder.appendingPathComponent("themes"))
                folder = folder.deletingLastPathComponent()
            }
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

    /// The folders for this process: its environment and its executable.
    public static func current() -> [URL] {
        folders(environment: ProcessInfo.processInfo.environment, executablePath: Bundle.main.executablePath ?? CommandLine.arguments.first)
    }
}
