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

    static func json(_ value: Any) {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        print(String(decoding: data, as: UTF8.self))
    }

    /// A booking as the JSON contract of the command line names it.
    static func bookingObject(_ b: Booking, calendar: ClinicCalendar) -> [String: Any] {
        [
            "id": b.id,
            "session_group_id": b.sessionGroupID as Any? ?? NSNull(),
            "session_number": b.sessionNumber,
            "total_sessions": b.totalSessions,
            "is_part_of_multi_session": b.isPartOfMultiSession,
            "status": b.status.rawValue,
            "customer": b.customerName,
            "customer_id": b.customerID,
            "service": b.serviceName,
            "service_id": b.serviceID,
            "provider": b.providerName,
            "provider_id": b.providerID,
            "label": b.label,
            "notes": b.notes,
            "start": calendar.iso8601(b.start),
            "end": calendar.iso8601(b.end),
        ]
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
        return "#\(b.id)  \(title.padding(toLength: 16, withPad: " ", startingAt: 0)) \(when)  \(b.customerName) · \(b.serviceName) · \(b.providerName)  [\(b.status.rawValue)]\(label)"
    }
}
