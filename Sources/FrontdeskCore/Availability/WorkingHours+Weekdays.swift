/// Weekly hours one weekday at a time, as the provider editor shows them: a field per weekday
/// holding that day's ranges ("08:00-12:00, 13:00-18:00"; empty when the day is not worked).
extension WorkingHours {
    /// One weekday's ranges as the editor shows them: "08:00-12:00, 13:00-18:00", or "" when not worked.
    public func dayText(on weekday: Weekday) -> String {
        ranges(on: weekday).map(\.description).joined(separator: ", ")
    }

    /// Reads one weekday's ranges: "08:00-12:00, 13:00-18:00", "8-12 13-18", "9am-1pm"; empty or
    /// "closed" is a day not worked. Ranges that overlap are refused (touching ones are one range).
    public static func parseDay(_ text: String) throws(WorkingHoursError) -> [TimeRange] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.lowercased() == "closed" { return [] }
        var ranges: [(range: TimeRange, token: String)] = []
        for token in tokenize(trimmed) {
            if let first = token.first, first.isLetter {
                throw .dayInDayField(token)
            }
            ranges.append((try parseRange(token), token))
        }
        let sorted = ranges.sorted { $0.range < $1.range }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.range.startMinute < earlier.range.endMinute {
            throw .overlappingRanges(earlier.token, later.token)
        }
        return sorted.map(\.range)
    }

    /// The hours from seven weekday texts: the hours when every day reads, otherwise each day's problem.
    public static func fromDays(_ texts: [Weekday: String]) -> (hours: WorkingHours?, problems: [Weekday: WorkingHoursError]) {
        var days: [Weekday: [TimeRange]] = [:]
        var problems: [Weekday: WorkingHoursError] = [:]
        for weekday in Weekday.allCases {
            do { days[weekday] = try parseDay(texts[weekday] ?? "") } catch { problems[weekday] = error }
        }
        return (problems.isEmpty ? WorkingHours(days: days) : nil, problems)
    }
}
