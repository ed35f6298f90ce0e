import Foundation
import FrontdeskCore
import TerminalUI

/// The whole application as plain data. `AppShell.update` changes it; `AppShell.render` draws it.
public struct AppState: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var theme: Theme
    public var calendar: ClinicCalendar
    /// The injected clock's time, refreshed on every tick.
    public var now: Date
    /// The tab bar's screens, in order (registered by the runtime).
    public let screens: [ScreenRegistration]
    /// Each tab's screen once it has been opened (it keeps its place when another tab is shown).
    public internal(set) var roots: [Int: AnyScreen] = [:]
    /// The tab shown.
    public internal(set) var activeTab = 0
    /// Screens opened on top of the tab's screen (the Book flow); the last one is in front.
    public internal(set) var overlays: [AnyScreen] = []
    /// The help screen, with its scroll position, when open.
    public var help: Int?
    public var status: StatusLine?
    /// The last `PRAGMA data_version` seen; a different one means another terminal wrote.
    public var dataVersion: Int?
    /// A lasting notice about the database shown in the title ("read-only", "damaged …"), or nil.
    public var databaseNotice: String?
    public var shouldQuit = false
    /// The instance number the next opened screen gets.
    var nextInstance = 1

    public init(width: Int, height: Int, theme: Theme, calendar: ClinicCalendar, now: Date,
                screens: [ScreenRegistration], status: StatusLine? = nil) {
        self.width = width
        self.height = height
        self.theme = theme
        self.calendar = calendar
        self.now = now
        self.screens = screens
        self.status = status
    }

    /// True when the terminal is too small for the screens: the notice is shown instead.
    public var isTooSmall: Bool { TooSmallNotice.isTooSmall(width: width, height: height) }

    /// The screen that has the keys.
    public var front: AnyScreen? { overlays.last ?? roots[activeTab] }

    /// Every open screen: the tabs' screens, then those on top.
    public var openScreens: [AnyScreen] {
        roots.keys.sorted().compactMap { roots[$0] } + overlays
    }

    /// The first open screen of a type, for tests and for screens that look at each other.
    public func screen<S: Screen>(_ type: S.Type) -> S? {
        for screen in overlays.reversed() { if let found = screen.as(type) { return found } }
        for key in roots.keys.sorted() { if let found = roots[key]?.as(type) { return found } }
        return nil
    }

    /// A context for a screen's call, carrying the shell's status line.
    func context() -> ScreenContext {
        ScreenContext(calendar: calendar, now: now, width: width, height: height, status: status)
    }

    /// Reads staff dates relative to the current time.
    public var dateParser: DateInputParser { DateInputParser(calendar: calendar, now: now) }
}

/// A top-level screen as the shell knows it: its tab and how to make it.
public struct ScreenRegistration: Sendable, Equatable {
    public var tab: ScreenTab
    public var make: @Sendable (ScreenContext) -> AnyScreen

    /// Registers a top-level screen type.
    public init<S: TopLevelScreen>(_ type: S.Type) {
        tab = S.tab
        make = { context in AnyScreen(S(context: context)) }
    }

    public static func == (lhs: ScreenRegistration, rhs: ScreenRegistration) -> Bool { lhs.tab == rhs.tab }
}
