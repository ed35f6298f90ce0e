/// The three stock themes, compiled in so an installed binary needs no theme files. The text is
/// that of `themes/*.toml` (a test keeps them identical); folders are searched first, so a file of
/// the same name in the user's or the system's theme folder replaces a stock theme.
public enum StockThemes {
    /// Stock theme names, in the order help and completions list them.
    public static let names = ["default", "high-contrast", "monochrome"]

    /// The TOML text of a stock theme, or nil for another name.
    public static func text(named name: String) -> String? {
        switch name {
        case "default": return defaultText
        case "high-contrast": return highContrastText
        case "monochrome": return monochromeText
        default: return nil
        }
    }

    static let defaultText = #"""
# Frontdesk default theme: calm colours on the terminal's own background.
# Each table is a role; keys: fg, bg (a colour name, "default", or 0-255), bold, dim, reverse, underline.
# Colour names: black red green yellow blue magenta cyan white and bright-black … bright-white.

[symbols]
set = "unicode"

[normal]

[dim]
fg = "bright-black"

[title]
fg = "cyan"
bold = true

[header]
fg = "blue"
bold = true

[selection]
fg = "black"
bg = "cyan"

[border]
fg = "bright-black"

[status_info]
fg = "cyan"

[status_error]
fg = "white"
bg = "red"
bold = true

[status_success]
fg = "green"
bold = true

[legend_key]
fg = "black"
bg = "cyan"

[legend_label]

[progress_completed]
fg = "green"

[progress_booked]
fg = "cyan"

[progress_empty]
fg = "bright-black"

[accent]
fg = "magenta"
bold = true

[warning]
fg = "yellow"
bold = true

[completed]
fg = "green"

[confirmed]
fg = "cyan"

[cancelled]
fg = "bright-black"

[no_show]
fg = "red"
bold = true

"""#

    static let highContrastText = #"""
# Frontdesk high-contrast theme: bright colours, bold text, strong selection; for glare and low vision.

[symbols]
set = "unicode"

[normal]
fg = "bright-white"

[dim]
fg = "white"

[title]
fg = "bright-yellow"
bold = true
underline = true

[header]
fg = "bright-white"
bold = true
underline = true

[selection]
fg = "black"
bg = "bright-yellow"
bold = true

[border]
fg = "bright-white"

[status_info]
fg = "bright-cyan"
bold = true

[status_error]
fg = "bright-white"
bg = "red"
bold = true

[status_success]
fg = "black"
bg = "bright-green"
bold = true

[legend_key]
fg = "black"
bg = "bright-white"
bold = true

[legend_label]
fg = "bright-white"

[progress_completed]
fg = "bright-green"

[progress_booked]
fg = "bright-cyan"

[progress_empty]
fg = "white"

[accent]
fg = "bright-magenta"
bold = true

[warning]
fg = "bright-yellow"
bold = true

[completed]
fg = "bright-green"
bold = true

[confirmed]
fg = "bright-cyan"
bold = true

[cancelled]
fg = "white"

[no_show]
fg = "bright-red"
bold = true

"""#

    static let monochromeText = #"""
# Frontdesk monochrome theme: no colours at all, emphasis by bold, reverse and underline, ASCII marks.
# Used automatically when NO_COLOR is set or the terminal has no colours.

[symbols]
set = "ascii"

[normal]

[dim]
dim = true

[title]
bold = true

[header]
bold = true
underline = true

[selection]
reverse = true

[border]

[status_info]

[status_error]
bold = true
reverse = true

[status_success]
bold = true

[legend_key]
reverse = true

[legend_label]

[progress_completed]
bold = true

[progress_booked]

[progress_empty]
dim = true

[accent]
bold = true

[warning]
bold = true
underline = true

[completed]

[confirmed]
bold = true

[cancelled]
dim = true

[no_show]
bold = true
underline = true

"""#
}
