import Foundation

/// Writes bookings as RFC 5545 iCalendar: one VEVENT per booking with a stable UID, DTSTAMP (when
/// it last changed), SEQUENCE, DTSTART/DTEND in the clinic's TZID described by a VTIMEZONE,
/// STATUS and RELATED-TO the treatment. Lines end in CRLF, are folded at 75 octets and text values
/// are escaped. Written in pieces (header, events, footer) so an export streams to its file.
public struct ICalendarWriter: Sendable {
    public let calendar: ClinicCalendar
    /// The database's name in UIDs ("3fa1c2d4e5b6.frontdesk").
    public let domain: String
    /// Leave customer names, contact data and notes out (for a practitioner's phone).
    public let anonymous: Bool
    public static let productID = "-//Frontdesk//Frontdesk 0.1.0//EN"

    public init(calendar: ClinicCalendar, domain: String, anonymous: Bool) {
        self.calendar = calendar
        self.domain = domain
        self.anonymous = anonymous
    }

    /// VCALENDAR's opening lines and the VTIMEZONE covering [from, to].
    public func header(covering from: Date, to: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(Self.productID)", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + Self.escape(anonymous ? "Frontdesk sessions" : "Frontdesk bookings"),
                     "X-WR-TIMEZONE:" + calendar.timeZone.identifier]
        lines += VTimeZone.lines(for: calendar.timeZone, from: from, to: to)
        return lines.map(Self.fold).joined()
    }

    /// One VEVENT.
    public func event(_ exported: ExportedBooking) -> String {
        let b = exported.booking
        var lines = [
            "BEGIN:VEVENT",
            "UID:booking-\(b.id)@\(domain)",
            "DTSTAMP:" + Self.utcStamp(exported.updatedAt),
            "SEQUENCE:\(exported.calendarSequence)",
            "DTSTART;TZID=\(calendar.timeZone.identifier):" + localStamp(b.start),
            "DTEND;TZID=\(calendar.timeZone.identifier):" + localStamp(b.end),
            "SUMMARY:" + Self.escape(exported.title),
            "STATUS:" + (b.status == .cancelled ? "CANCELLED" : "CONFIRMED"),
            "LOCATION:" + Self.escape(b.providerName),
        ]
        if let group = b.sessionGroupID {
            lines.append("RELATED-TO;RELTYPE=PARENT:treatment-\(group)@\(domain)")
        }
        var description = ["Provider: \(b.providerName)", "Status: \(b.status.rawValue.replacingOccurrences(of: "_", with: "-"))"]
        if !anonymous {
            description.insert("Customer: \(b.customerName)", at: 0)
            if let phone = exported.customerPhone, !phone.isEmpty { description.append("Phone: \(phone)") }
            if let email = exported.customerEmail, !email.isEmpty { description.append("Email: \(email)") }
            if !b.notes.isEmpty { description.append("Notes: \(b.notes)") }
        }
        lines.append("DESCRIPTION:" + Self.escape(description.joined(separator: "\n")))
        lines.append("END:VEVENT")
        return lines.map(Self.fold).joined()
    }

    /// VCALENDAR's closing line.
    public func footer() -> String { Self.fold("END:VCALENDAR") }

    /// A TEXT value: backslash, semicolon, comma and line breaks (CRLF, LF or a lone CR) escaped.
    public static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case ";": result.append(contentsOf: "\\;".unicodeScalars)
            case ",": result.append(contentsOf: "\\,".unicodeScalars)
            case "\r": result.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { result.append(contentsOf: "\\n".unicodeScalars) }
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// One content line, folded so no line exceeds 75 octets (continuations start with a space and
    /// never split a UTF-8 sequence), ending in CRLF.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line + "\r\n" }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var index = 0
        var limit = 75
        while index < bytes.count {
            var end = min(index + limit, bytes.count)
            // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
            while end < bytes.count && end > index && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if index > 0 { result.append(0x20) }
            result += bytes[index..<end]
            result += [0x0D, 0x0A]
            index = end
            limit = 74
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// 20260310T140000 in the clinic's zone.
    func localStamp(_ date: Date) -> String {
        Self.stamp(date, in: calendar.timeZone)
    }

    /// 20260310T130000Z.
    public static func utcStamp(_ date: Date) -> String {
        stamp(date, in: TimeZone(identifier: "UTC")!) + "Z"
    }

    static func stamp(_ date: Date, in zone: TimeZone) -> String {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        let c = gregorian.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        let year = String(c.year ?? 1970)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + two(c.month) + two(c.day)
            + "T" + two(c.hour) + two(c.minute) + two(c.second)
    }
}
