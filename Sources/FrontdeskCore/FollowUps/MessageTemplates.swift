import Foundation

/// The facts a customer text can name, as they are when it is sent.
public struct MessageFields: Sendable, Equatable {
    public var customer: String
    public var service: String
    public var session: Int?
    public var total: Int?
    public var start: Date?
    public var provider: String
    /// The built-in wording of the follow-up (`{message}`).
    public var message: String

    public init(customer: String, service: String = "", session: Int? = nil, total: Int? = nil, start: Date? = nil,
                provider: String = "", message: String) {
        self.customer = customer
        self.service = service
        self.session = session
        self.total = total
        self.start = start
        self.provider = provider
        self.message = message
    }
}

/// Customer texts per follow-up kind, from the configuration (`[templates]`), with placeholders
/// `{customer} {service} {session} {total} {date} {time} {clinic} {provider} {message}`.
/// The default for every kind is the built-in English wording (24-hour clock), after the clinic's name.
public struct MessageTemplates: Sendable, Equatable {
    public static let placeholders = ["customer", "service", "session", "total", "date", "time", "clinic", "provider", "message"]

    public var clinicName: String
    public var byKind: [FollowUpKind: String]

    public init(clinicName: String = "", byKind: [FollowUpKind: String] = [:]) {
        self.clinicName = clinicName
        self.byKind = byKind
    }

    /// The template used for `kind`: the configured one, else "{clinic}: {message}" (just "{message}"
    /// when no clinic name is configured).
    public func template(for kind: FollowUpKind) -> String {
        byKind[kind] ?? (clinicName.isEmpty ? "{message}" : "{clinic}: {message}")
    }

    /// The text to send, with every placeholder filled in; dates and times in the clinic's zone.
    public func render(_ kind: FollowUpKind, _ fields: MessageFields, calendar: ClinicCalendar) -> String {
        let values: [String: String] = [
            "customer": fields.customer, "service": fields.service,
            "session": fields.session.map(String.init) ?? "", "total": fields.total.map(String.init) ?? "",
            "date": fields.start.map { DateWording.longDay(calendar.localDay(of: $0)) } ?? "",
            "time": fields.start.map { DateWording.time24(minuteOfDay: calendar.minuteOfDay(of: $0)) } ?? "",
            "clinic": clinicName, "provider": fields.provider, "message": fields.message,
        ]
        var result = ""
        var rest = Substring(template(for: kind))
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The first placeholder in `template` that is not one of `placeholders`, if any (a typo such as `{costumer}`).
    public static func unknownPlaceholder(in template: String) -> String? {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !placeholders.contains(name) { return name }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}

/// Hours in which no text is sent (default 20:00–08:00): sending waits until they end.
public struct QuietHours: Sendable, Equatable {
    /// Minutes after midnight, clinic time; `start == end` means no quiet hours.
    public var start: Int
    public var end: Int

    public init(start: Int = 20 * 60, end: Int = 8 * 60) {
        self.start = start
        self.end = end
    }

    /// Parses "20:00-08:00" (or "off").
    public static func parse(_ text: String) -> QuietHours? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "off" || trimmed == "none" { return QuietHours(start: 0, end: 0) }
        let parts = trimmed.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = minute(parts[0]), let end = minute(parts[1]) else { return nil }
        return QuietHours(start: start, end: end)
    }

    /// Whether `date` falls in the quiet hours, in the clinic's zone.
    public func contains(_ date: Date, calendar: ClinicCalendar) -> Bool {
        guard start != end else { return false }
        let minute = calendar.minuteOfDay(of: date)
        return start < end ? (minute >= start && minute < end) : (minute >= start || minute < end)
    }

    /// "20:00–08:00".
    public var description: String { "\(DateWording.time24(minuteOfDay: start))–\(DateWording.time24(minuteOfDay: end))" }

    private static func minute(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}
