import Foundation

/// The full RFC 3339 form staff and scripts write for an instant ("2026-03-04T09:00:00+01:00",
/// "2026-03-04T08:00:00Z"), read without a date formatter: `ISO8601DateFormatter` costs milliseconds
/// per process, which every command pays when the clock is pinned (`FRONTDESK_NOW`).
public enum InternetDateTime {
    /// "2026-03-04T09:00:00+01:00" or "…Z" (RFC 3339 without fractions); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20 || b.count == 25 else { return nil }
        func number(_ at: Int, _ width: Int) -> Int? {
            var value = 0
            for i in at..<at + width {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...LocalDay.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if b.count == 25 {
            guard b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-"), b[22] == UInt8(ascii: ":"),
                  let h = number(20, 2), let m = number(23, 2), h < 24, m < 60 else { return nil }
            offset = (h * 3600 + m * 60) * (b[19] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            guard b[19] == UInt8(ascii: "Z") else { return nil }
        }
        let seconds = LocalDay(year: year, month: month, day: day).ordinal * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
