/// One recurring weekly time a customer can come: "Monday at 17:00".
public struct WeeklySlot: Sendable, Hashable, Comparable {
    public var weekday: Weekday
    public var minuteOfDay: Int

    public init(weekday: Weekday, minuteOfDay: Int) {
        self.weekday = weekday
        self.minuteOfDay = minuteOfDay
    }

    public static func < (a: WeeklySlot, b: WeeklySlot) -> Bool {
        (a.weekday.rawValue, a.minuteOfDay) < (b.weekday.rawValue, b.minuteOfDay)
    }
}

/// The weekly times a flexible customer prefers, as staff type them: "Mon Wed 17:00, Sat 10:00".
public struct WeeklyPattern: Sendable, Equatable, CustomStringConvertible {
    /// Sorted by weekday then time, without duplicates.
    public private(set) var slots: [WeeklySlot]

    public init(slots: [WeeklySlot]) {
        self.slots = Array(Set(slots)).sorted()
    }

    /// The pattern's times on one weekday, earliest first.
    public func minutes(on weekday: Weekday) -> [Int] {
        slots.filter { $0.weekday == weekday }.map(\.minuteOfDay)
    }

    /// Parses "Mon Wed 17:00, Sat 10:00", "Mon Wed 6pm; Sat 10am", "Mon,Wed 18:00", "Mon-Fri 17:00",
    /// "Mondays and Wednesdays at 6pm". Days collect until a time; a time applies to the days before it.
    public static func parse(_ text: String) throws(WeeklyPatternError) -> WeeklyPattern {
        let tokens = text.split(whereSeparator: { " ,;\n\t".contains($0) }).map(String.init)
        guard !tokens.isEmpty else { throw .empty }
        var pending: [Weekday] = []
        var current: [Weekday] = []
        var slots: [WeeklySlot] = []
        for token in tokens {
            let lower = token.lowercased()
            if ["and", "at", "&", "+"].contains(lower) { continue }
            if let first = token.first, first.isLetter {
                guard let days = WorkingHours.parseDays(token) else { throw .unknownDay(token) }
                pending.append(contentsOf: days)
                continue
            }
            guard let minute = ClockTime.parse(token) else { throw .badTime(token) }
            if !pending.isEmpty {
                current = pending
                pending = []
            }
            guard !current.isEmpty else { throw .timeWithoutDay(token) }
            slots.append(contentsOf: current.map { WeeklySlot(weekday: $0, minuteOfDay: minute) })
        }
        if let day = pending.first { throw .dayWithoutTime(day.shortName) }
        return WeeklyPattern(slots: slots)
    }

    /// Canonical text that parses back to an equal pattern: "Mon Wed 17:00, Sat 10:00".
    public var description: String {
        // Consecutive slots sharing a time are written once, after their days.
        var groups: [(minute: Int, days: [Weekday])] = []
        for slot in slots {
            if let i = groups.firstIndex(where: { $0.minute == slot.minuteOfDay }) {
                groups[i].days.append(slot.weekday)
            } else {
                groups.append((slot.minuteOfDay, [slot.weekday]))
            }
        }
        return groups.map { group in
            group.days.map(\.shortName).joined(separator: " ") + " " + ClockTime.format(group.minute)
        }.joined(separator: ", ")
    }
}

/// Why a weekly pattern could not be read.
public enum WeeklyPatternError: Error, Equatable, CustomStringConvertible {
    case empty
    case unknownDay(String)
    case badTime(String)
    case timeWithoutDay(String)
    case dayWithoutTime(String)

    public var description: String {
        let example = "Write it like \"Mon Wed 17:00, Sat 10:00\"."
        switch self {
        case .empty:
            return "No days and times given. \(example)"
        case .unknownDay(let token):
            return "\"\(TextLimits.quote(token))\" is not a day of the week. Use Mon, Tue, Wed, Thu, Fri, Sat or Sun. \(example)"
        case .badTime(let token):
            return "\"\(TextLimits.quote(token))\" is not a time of day. Use \"17:00\" or \"5pm\"."
        case .timeWithoutDay(let token):
            return "The time \"\(TextLimits.quote(token))\" has no day before it. Put the days first. \(example)"
        case .dayWithoutTime(let day):
            return "\(day) has no time after it. Add one, e.g. \"\(day) 17:00\"."
        }
    }
}
