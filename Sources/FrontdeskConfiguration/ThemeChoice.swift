/// Decides which theme to use: NO_COLOR or a colourless terminal always get monochrome; otherwise
/// the --theme flag, then the configuration file, then "default".
public enum ThemeChoice {
    /// The theme name (or path) to load.
    public static func resolve(
        flag: String?, config: AppConfiguration, environment: [String: String], terminalHasColors: Bool
    ) -> String {
        // https://no-color.org: any non-empty value disables colour.
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return "monochrome" }
        if !terminalHasColors { return "monochrome" }
        if let flag, !flag.isEmpty { return flag }
        if let configured = config.theme, !configured.isEmpty { return configured }
        return "default"
    }
}
