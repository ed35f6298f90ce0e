import Foundation
import FrontdeskCore
import FrontdeskStore

/// Writing results: aligned text for people, JSON for scripts. Plain text always passes through
/// `TerminalSafeText.escaped`, so names and notes from the database or the user cannot drive the
/// terminal; JSON is escaped by its encoder and printed as it is.
enum Output {
    static func line(_ text: String = "") {
        print(TerminalSafeText.escaped(text))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalSafeText.escaped(text) + "\n").utf8))
    }

    /// A list stopped at its limit: say so on standard error, so a script never takes it for all.
    static func cutShort(_ limit: Int, _ what: String, option: String = "--limit", first: String = "first") {
        error("frontdesk: showing the \(first) \(limit) \(what); there may be more. Raise \(option) to see more.")
    }

    /// Prints a value of the scripting contract (Sources/frontdesk/Scripting) as JSON.
    static func json<Value: Encodable>(_ value: Value) {
        print(String(decoding: encodedJSON(value), as: UTF8.self))
    }

    /// The contract's encoding: sorted keys, no escaped slashes, pretty-printed.
    static func encodedJSON<Value: Encodable>(_ value: Value, pretty: Bool = true) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    static func json(_ value: Any) {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        print(String(decoding: data, as: UTF8.self))
    }

    /// "Session 2 of 3" in the service's noun, or "Single booking".
    static func sessionTitle(_ b: Booking, noun: String = "Session") -> String {
        b.isPartOfMultiSession ? "\(noun) \(b.sessionNumber) of \(b.totalSessions)" : "Single"
    }

    /// One aligned text line for a booking.
    static func bookingLine(_ b: Booking, calendar: ClinicCalendar, noun: String = "Session") -> String {
        let title = sessionTitle(b, noun: noun)
        let when = "\(calendar.dayTime(b.start))–\(calendar.time(b.end))"
        let label = b.label == b.serviceName || b.label.hasPrefix("\(noun) \(b.sessionNumber) of") || b.label == title ? "" : "  \(b.label)"
        // Padded by hand when it fits (NSString's padding costs a bridge per line); cut as before when not.
        let width = title.utf16.count
        let column = width <= 16 ? title + String(repeating: " ", count: 16 - width) : title.padding(toLength: 16, withPad: " ", startingAt: 0)
        return "#\(b.id)  \(column) \(when)  \(b.customerName) · \(b.serviceName) · \(b.providerName)  [\(b.status.rawValue)]\(label)"
    }
}
