import Foundation
import TerminalUI

/// The contract every screen keeps with the shell. A screen is a value with its own state, its own
/// effects (plain data the runtime performs against the store) and the answers to them; it handles a
/// key, receives an answer, renders into the area the shell gives it and names its keys. The shell
/// draws the title and tab bar, the status line, the legend and `?` help around it.
public protocol Screen: Sendable, Equatable {
    /// What the screen asks the runtime to do; its runner performs it.
    associatedtype Effect: Sendable
    /// What the runner answers.
    associatedtype Answer: Sendable

    /// The name in the title bar ("Bookings", "Book").
    var title: String { get }
    /// The keys that work where the focus is now, most useful first: the bottom legend.
    var legend: Keymap<String> { get }
    /// Every key of the current place (a dialog's or a step's own keys when one is open): `?` help.
    var help: Keymap<String> { get }
    /// Who has the keys inside the screen: decides which keys the shell keeps (help, quit, tabs).
    var keyFocus: KeyFocus { get }

    /// The screen was opened: what it needs loaded first.
    mutating func start(_ context: inout ScreenContext) -> [Effect]
    /// A key the shell did not keep for itself.
    mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [Effect]
    /// The answer to one of this screen's effects.
    mutating func receive(_ answer: Answer, _ context: inout ScreenContext) -> [Effect]
    /// The data changed (another terminal wrote, or another screen did): read again what is shown.
    mutating func reload(_ context: inout ScreenContext) -> [Effect]
    /// A screen opened on top of this one (the Book flow) closed with this outcome.
    mutating func resume(after outcome: ScreenOutcome, _ context: inout ScreenContext) -> [Effect]
    /// The clock moved on (about twice a second): `context.now` is current; drop what has expired.
    mutating func tick(_ context: inout ScreenContext) -> [Effect]
    /// Draws the screen into `area` (between the title bar and the status line).
    func render(into buffer: inout Buffer, area: Rect, context: RenderContext)
}

extension Screen {
    public var help: Keymap<String> { legend }
    public var keyFocus: KeyFocus { .screen }
    public mutating func reload(_ context: inout ScreenContext) -> [Effect] { [] }
    public mutating func resume(after outcome: ScreenOutcome, _ context: inout ScreenContext) -> [Effect] { [] }
    public mutating func tick(_ context: inout ScreenContext) -> [Effect] { [] }
}

/// A screen of the tab bar: reachable from anywhere outside a text field by its function key and
/// its letter. Registering one (FrontdeskRuntime's `ScreenCatalog`) is all it takes to add it.
public protocol TopLevelScreen: Screen {
    /// Its place in the tab bar.
    static var tab: ScreenTab { get }
    /// A fresh screen, before `start`.
    init(context: ScreenContext)
}

/// A top-level screen's tab: its title and the two keys that open it.
public struct ScreenTab: Sendable, Equatable, Hashable {
    public var title: String
    public var functionKey: Int
    public var letter: Character

    /// A tab opened by F`functionKey` or `letter`.
    public init(title: String, functionKey: Int, letter: Character) {
        self.title = title
        self.functionKey = functionKey
        self.letter = letter
    }

    /// The keys that open it, function key first (as the legend names it).
    public var keys: [Key] { [.function(functionKey), .character(letter)] }
}

/// Where the keys go inside a screen.
public enum KeyFocus: Sendable, Equatable {
    /// The screen itself: the shell's keys (help, quit, tabs) work.
    case screen
    /// A dialog: it has every key but help (`q` or a tab letter must not leave a question unanswered).
    case dialog
    /// A text field: letters are typed and a paste lands there; only function keys reach the shell.
    case text
}

/// How a screen opened on top of another ended; the screen below is told in `resume`.
public enum ScreenOutcome: Sendable, Equatable {
    /// Something was booked: the treatment (nil for a single appointment), its bookings and the sentence to show.
    case booked(groupID: String?, bookingIDs: [Int64], message: String)
    /// Closed without a change.
    case abandoned
}
