import TerminalUI

/// What the shell itself does with keys, before the screen in front sees them.
public enum ShellAction: Hashable, Sendable {
    case help, quit
    case openTab(Int)
}

/// The shell's keys as data: help and quit everywhere, and one binding per tab of the tab bar.
public enum ShellKeymap {
    /// Help and quit; they appear at the right end of every screen's legend.
    public static let general = Keymap<ShellAction>([
        KeyBinding(.help, keys: [.function(1), .character("?")], label: "Help", help: "Show every key of this place",
                   section: "Everywhere", priority: 10),
        KeyBinding(.quit, keys: [.function(10), .character("q")], label: "Quit", help: "Leave Frontdesk",
                   section: "Everywhere", priority: 10),
    ])

    /// The tab bar's keys for the registered screens.
    public static func tabs(_ screens: [ScreenRegistration]) -> Keymap<ShellAction> {
        Keymap(screens.enumerated().map { index, screen in
            KeyBinding(.openTab(index), keys: screen.tab.keys, label: screen.tab.title,
                       help: "Go to \(screen.tab.title)", section: "Screens", showsInLegend: false)
        })
    }

    /// Everything, for the help screen.
    public static func all(_ screens: [ScreenRegistration]) -> Keymap<ShellAction> {
        general.appending(tabs(screens))
    }
}
