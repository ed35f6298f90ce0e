import Foundation
import FrontdeskCore
import TerminalUI

// The contract between the application shell and the guided booking flow. The flow's own files
// (this one included) replace the placeholder bodies below; the shell relies only on these names.

/// How the booking flow starts: a new treatment, or continuing one from the Bookings screen.
public enum BookFlowStart: Sendable, Equatable {
    case new
    case continuing(groupID: String, customerID: Int64, serviceID: Int64)
}

/// How the flow ended, which the shell reads after every key and event.
public enum BookFlowOutcome: Sendable, Equatable {
    /// Booked: the shell opens the Bookings screen on this treatment (nil group: a single booking).
    case booked(groupID: String?, bookingIDs: [Int64], message: String)
    /// Staff left the flow (after confirming when input would be lost).
    case abandoned
}

/// What the flow asks the runtime to do against the store.
public enum BookEffect: Sendable, Equatable {
    case placeholder
}

/// What the runtime answers.
public enum BookEvent: Sendable, Equatable {
    case placeholder
}

/// The guided multi-session booking flow (SPEC §5.2): a self-contained screen component.
public struct BookFlow: Sendable, Equatable {
    public private(set) var outcome: BookFlowOutcome?

    public init(start: BookFlowStart, calendar: ClinicCalendar, now: Date) {}

    /// The effects to run when the flow opens (e.g. the first customer search).
    public mutating func start() -> [BookEffect] { [] }

    public mutating func handle(_ key: Key) -> [BookEffect] {
        if key == .escape { outcome = .abandoned }
        return []
    }

    public mutating func receive(_ event: BookEvent) -> [BookEffect] { [] }

    /// The current step's key hints for the shell's legend, as (key, label).
    public var legend: [(key: String, label: String)] { [("Esc", "Back")] }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        _ = buffer.write("Book a treatment", at: area.x, y: area.y, style: theme[.title])
    }

    public static func == (a: BookFlow, b: BookFlow) -> Bool { a.outcome == b.outcome }
}
