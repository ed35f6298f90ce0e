import Foundation
import FrontdeskCore
import TerminalUI

/// What the Bookings update and drawing functions work on: the screen's own state and, for the
/// length of one call, the shell's context (clock, size, status line, requests).
public struct BookingsModel: Sendable {
    public var bookings: BookingsState
    public var context: ScreenContext
    /// Set while drawing.
    public var theme: Theme = .standard

    public var calendar: ClinicCalendar { context.calendar }
    public var now: Date { context.now }
    public var width: Int { context.width }
    public var height: Int { context.height }
    public var status: StatusLine? {
        get { context.status }
        set { context.status = newValue }
    }
    public var dateParser: DateInputParser { context.dateParser }

    mutating func inform(_ message: String) { context.inform(message) }
    mutating func succeed(_ message: String) { context.succeed(message) }
    mutating func fail(_ message: String) { context.fail(message) }
}
