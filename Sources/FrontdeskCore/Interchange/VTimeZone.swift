import Foundation

/// The VTIMEZONE component for a zone over a span of time: one STANDARD or DAYLIGHT observance
/// per offset change found in the system's zone data (from the change before the span to the end
/// of it), each with the local onset time, TZOFFSETFROM, TZOFFSETTO and TZNAME. A zone without
/// changes gets a single STANDARD observance.
public enum VTimeZone {
    /// The component's content lines (unfolded, without line ends).
    public static func lines(for zone: TimeZone, from: Date, to: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        // Start a year early so the observance in force at the first event is included.
        var cursor = from.addingTimeInterval(-366 * 86_400)
        var transitions: [Date] = []
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= to, transitions.count < 1_000 {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: from)
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + Self.offset(offset),
                      "TZOFFSETTO:" + Self.offset(offset), "TZNAME:" + (zone.abbreviation(for: from) ?? zone.identifier),
                      "END:STANDARD"]
        }
        for transition in transitions {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            // The onset is written in the local time that was in force before it (RFC 5545 3.6.5).
            let onset = ICalendarWriter.stamp(transition.addingTimeInterval(TimeInterval(before)), in: TimeZone(identifier: "UTC")!)
            lines += ["BEGIN:\(kind)", "DTSTART:\(onset)", "TZOFFSETFROM:" + Self.offset(before),
                      "TZOFFSETTO:" + Self.offset(after), "TZNAME:" + (zone.abbreviation(for: transition) ?? zone.identifier),
                      "END:\(kind)"]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// +0100, -0430.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return sign + two(minutes / 60) + two(minutes % 60)
    }
}
