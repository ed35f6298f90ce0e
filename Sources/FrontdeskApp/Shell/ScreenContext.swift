import Foundation
import FrontdeskCore
import TerminalUI

/// What the shell lends a screen while it handles a key or an answer: the clinic's calendar, the
/// clock, the terminal size, the status line, and a way to ask the shell for things only it can do
/// (open a screen on top, close this one, help, quit).
public struct ScreenContext: Sendable {
    public let calendar: ClinicCalendar
    /// The injected clock's time, current on every tick.
    public internal(set) var now: Date
    /// The whole terminal; a screen's area is `contentArea`.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// The message under the screen; a screen sets it after an action.
    public var status: StatusLine?
    /// What the screen asked the shell for, in order; the shell carries them out after the call.
    public internal(set) var requests: [ShellRequest] = []

    public init(calendar: ClinicCalendar, now: Date, width: Int, height: Int, status: StatusLine? = nil) {
        self.calendar = calendar
        self.now = now
        self.width = width
        self.height = height
        self.status = status
    }

    /// Where screens draw: everything between the title bar and the status line.
    public var contentArea: Rect { ShellLayout(width: width, height: height).content }

    /// Reads staff dates relative to the current time.
    public var dateParser: DateInputParser { DateInputParser(calendar: calendar, now: now) }

    public mutating func inform(_ message: String) { status = StatusLine(message, kind: .info) }
    public mutating func succeed(_ message: String) { status = StatusLine(message, kind: .success) }
    public mutating func fail(_ message: String) {
        // Refusals may span lines (a plan's conflicts); the status line shows them as one.
        status = StatusLine(message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " "), kind: .error)
    }

    /// Opens `screen` on top of this one; this one is told how it ended (`resume`).
    public mutating func open(_ screen: some Screen) { requests.append(.open(AnyScreen(screen))) }
    /// Closes this screen (one opened on top of another), telling the one below how it ended.
    public mutating func close(_ outcome: ScreenOutcome) { requests.append(.close(outcome)) }
    /// Every open screen reads its data again (after a change made here).
    public mutating func dataChanged() { requests.append(.reloadOthers) }
    public mutating func quit() { requests.append(.quit) }
}

/// What a screen can ask of the shell.
public enum ShellRequest: Sendable, Equatable {
    case open(AnyScreen)
    case close(ScreenOutcome)
    case reloadOthers
    case quit
}

/// What a screen needs to draw: the theme, the clock and the calendar.
public struct RenderContext: Sendable {
    public let theme: Theme
    public let calendar: ClinicCalendar
    public let now: Date

    public init(theme: Theme, calendar: ClinicCalendar, now: Date) {
        self.theme = theme
        self.calendar = calendar
        self.now = now
    }
}

/// The shell's rows: title and tabs on top, the screen, then the status line and the key legend.
public struct ShellLayout: Sendable, Equatable {
    public var title: Rect
    public var content: Rect
    public var status: Rect
    public var legend: Rect

    public init(width: Int, height: Int) {
        let full = Rect(width: width, height: height)
        title = full.row(0)
        content = Rect(x: 0, y: 1, width: width, height: max(0, height - 3))
        status = full.row(-2)
        legend = full.row(-1)
    }
}
