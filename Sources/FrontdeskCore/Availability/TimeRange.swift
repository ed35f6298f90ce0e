/// A stretch of local wall-clock time within one day, in minutes from local midnight: 08:00–18:00.
public struct TimeRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var startMinute: Int
    /// Exclusive; 1440 means midnight at the end of the day.
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// "08:00-18:00".
    public init(_ start: (hour: Int, minute: Int), _ end: (hour: Int, minute: Int)) {
        self.init(startMinute: start.hour * 60 + start.minute, endMinute: end.hour * 60 + end.minute)
    }

    public var durationMinutes: Int { endMinute - startMinute }

    /// Whether a session of `duration` minutes starting at `minute` lies entirely inside the range.
    public func contains(startMinute minute: Int, durationMinutes duration: Int) -> Bool {
        minute >= startMinute && minute + duration <= endMinute
    }

    public static func < (a: TimeRange, b: TimeRange) -> Bool {
        (a.startMinute, a.endMinute) < (b.startMinute, b.endMinute)
    }

    /// "08:00-18:00" (ASCII hyphen, so it parses back).
    public var description: String {
        "\(ClockTime.format(startMinute))-\(ClockTime.format(endMinute))"
    }
}

/// Reading and writing wall-clock times as staff type them: "14:00", "8", "8.30", "6pm", "10:30am".
enum ClockTime {
    /// "08:00"; 1440 prints as "24:00".
    static func format(_ minute: Int) -> String { ClinicCalendar.time(minuteOfDay: minute) }

    /// Minutes from midnight, or nil when the text is not a time. `allowEndOfDay` accepts "24:00".
    static func parse(_ raw: String, allowEndOfDay: Bool = false) -> Int? {
        var text = raw.lowercased().trimmingCharacters(in: .whitespaces)
        var meridiem: String?
        for suffix in ["am", "pm", "a.m.", "p.m."] where text.hasSuffix(suffix) {
            meridiem = String(suffix.prefix(1))
            text = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") })
        else { return nil }
        let parts = text.split(separator: text.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let hour = Int(parts[0]), parts[0].count <= 2 else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (0..<60).contains(m) else { return nil }
            minute = m
        }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            let h24 = (hour % 12) + (meridiem == "p" ? 12 : 0)
            return h24 * 60 + minute
        }
        if allowEndOfDay, hour == 24, minute == 0 { return 1440 }
        guard (0..<24).contains(hour) else { return nil }
        return hour * 60 + minute
    }
}
