import Foundation
import FrontdeskCore
import TerminalUI

/// The whole application as plain data. `AppShell.update` changes it; `AppShell.render` draws it.
public struct AppState: Sendable, Equatable {
    /// The screen in front.
    public enum Screen: Sendable, Equatable {
        case bookings
        case book(BookFlow)
    }

    public var width: Int
    public var height: Int
    public var theme: Theme
    public var calendar: ClinicCalendar
    /// The injected clock's time, refreshed on every tick.
    public var now: Date
    public var screen: Screen = .bookings
    public var bookings: BookingsState
    /// The help screen, with its scroll position, when open.
    public var help: Int?
    public var status: StatusLine?
    /// The last `PRAGMA data_version` seen; a different one means another terminal wrote.
    public var dataVersion: Int?
    /// A lasting notice about the database shown in the title ("read-only", "damaged"), or nil.
    public var databaseNotice: String?
    public var shouldQuit = false

    public init(width: Int, height: Int, theme: Theme, calendar: ClinicCalendar, now: Date, status: StatusLine? = nil) {
        self.width = width
        self.height = height
        self.theme = theme
        self.calendar = calendar
        self.now = now
        self.bookings = BookingsState(today: calendar.localDay(of: now))
        self.status = status
    }

    /// Reads staff dates relative to the current time.
    public var dateParser: DateInputParser { DateInputParser(calendar: calendar, now: now) }

    /// True when the terminal is too small for the screens: the notice is shown instead.
    public var isTooSmall: Bool { TooSmallNotice.isTooSmall(width: width, height: height) }

    mutating func inform(_ message: String) { status = StatusLine(message, kind: .info) }
    mutating func succeed(_ message: String) { status = StatusLine(message, kind: .success) }
    mutating func fail(_ message: String) {
        // Store messages may span lines (a plan's conflicts); the status line shows them as one.
        status = StatusLine(message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " "), kind: .error)
    }
}
