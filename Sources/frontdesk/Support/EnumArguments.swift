import ArgumentParser
import FrontdeskConfiguration
import FrontdeskCore

// Options whose values are a fixed set: help lists them, shell completion offers them, and a
// wrong value is refused by the parser with the list (exit 2).

extension Strategy: ExpressibleByArgument {}

extension TreatmentFilter.State: ExpressibleByArgument {
    /// "to_book", "to-book" and "to book" are the same state.
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_"))
    }
}

/// `--theme`: the stock themes and the `.toml` files in the theme folders; a path also works.
enum ThemeArgument {
    static let help = ArgumentHelp(
        "Colour theme: default, high-contrast, monochrome, a NAME.toml in a theme folder, or a path.",
        discussion: "Theme folders: $XDG_CONFIG_HOME/frontdesk/themes, then frontdesk/themes in each $XDG_DATA_DIRS folder.",
        valueName: "theme")

    static let completion = CompletionKind.custom { _, _, _ in
        ThemeLoader.availableNames(searchPaths: ThemeSearchPaths.current())
    }
}
