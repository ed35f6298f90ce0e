import Foundation
import TerminalUI

/// Picks the theme the application opens with, and the warning to show when the wanted one is broken.
public enum ThemeSelection {
    /// The theme for `--theme`, the configuration and the environment. A theme file that cannot be
    /// used gives a warning naming its line and the built-in theme instead; a colourless terminal
    /// or NO_COLOR always gets monochrome.
    public static func choose(flag: String?, configuration: AppConfiguration, environment: [String: String],
                              terminalHasColors: Bool, searchPaths: [URL]) -> (theme: Theme, warning: String?) {
        let name = ThemeChoice.resolve(flag: flag, config: configuration, environment: environment,
                                       terminalHasColors: terminalHasColors)
        do {
            return (try ThemeLoader.load(named: name, searchPaths: searchPaths), nil)
        } catch {
            let fallback: Theme = name == "monochrome" || !terminalHasColors ? .monochrome : .standard
            return (fallback, error.description)
        }
    }
}
