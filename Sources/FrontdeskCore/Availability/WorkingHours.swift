/// A provider's weekly working hours: for each weekday, the ranges in which sessions may take place.
///
/// Written and read as staff would type it: "Mon-Fri 08:00-18:00; Sat 09:00-13:00".
public struct WorkingHours: Sendable, Equatable, CustomStringConvertible {
    /// Sorted, non-overlapping ranges per weekday; a weekday without an entry is not worked.
    public var days: [Weekday: [TimeRange]] {
        didSet { days = WorkingHours.normalized(days) }
    }

    public init(days: [Weekday: [TimeRange]]) {
        self.days = WorkingHours.normalized(days)
    }

    /// Monday to Friday, 08:00–18:00: the default for a new provider.
    public static let weekdaysEightToSix = WorkingHours(days: Dictionary(
        uniqueKeysWithValues: [Weekday.monday, .tuesday, .wednesday, .thursday, .friday]
            .map { ($0, [TimeRange(startMinute: 8 * 60, endMinute: 18 * 60)]) }))

    /// The ranges worked on a weekday (empty when not worked).
    public func ranges(on weekday: Weekday) -> [TimeRange] { days[weekday] ?? [] }

    /// The ranges of one weekday as text: "08:00-12:00 13:00-17:00", or "closed".
    public func rangesDescription(on weekday: Weekday) -> String {
        let ranges = ranges(on: weekday)
        return ranges.isEmpty ? "closed" : ranges.map(\.description).joined(separator: " ")
    }

    /// Canonical text that `parse` reads back to an equal value: "Mon-Fri 08:00-18:00; Sat 09:00-13:00".
    public var description: String {
        // Group weekdays that share exactly the same ranges, in the order of their first weekday.
        var groups: [(ranges: [TimeRange], days: [Weekday])] = []
        for day in Weekday.allCases {
            guard let ranges = days[day], !ranges.isEmpty else { continue }
            if let i = groups.firstIndex(where: { $0.ranges == ranges }) {
                groups[i].days.append(day)
            } else {
                groups.append((ranges, [day]))
            }
        }
        if groups.isEmpty { return "closed" }
        return groups.map { group in
            WorkingHours.describe(days: group.days) + " " + group.ranges.map(\.description).joined(separator: " ")
        }.joined(separator: "; ")
    }

    /// Parses "Mon-Fri 08:00-18:00; Sat 09:00-13:00", "Mon,Wed 09:00-12:00 13:00-17:00", "Tue 8-12",
    /// "Sat 9am-1pm". Segments are separated by ";" or new lines; each names days, then ranges.
    /// Overlapping ranges of one day are merged, or refused with `refusingOverlaps` (what staff type:
    /// the provider editor and `--hours`); stored hours are read leniently.
    public static func parse(_ text: String, refusingOverlaps: Bool = false) throws(WorkingHoursError) -> WorkingHours {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed.lowercased() == "closed" { return WorkingHours(days: [:]) }
        var result: [Weekday: [TimeRange]] = [:]
        let segments = trimmed.split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for segment in segments {
            let tokens = tokenize(segment)
            var segmentDays: [Weekday] = []
            var ranges: [TimeRange] = []
            var closed = false
            for token in tokens {
                if token.lowercased() == "closed" {
                    closed = true
                } else if let first = token.first, first.isLetter {
                    guard ranges.isEmpty else { throw .daysAfterHours(segment: segment, token: token) }
                    guard let parsed = parseDays(token) else { throw .unknownDay(token) }
                    segmentDays.append(contentsOf: parsed)
                } else {
                    ranges.append(try parseRange(token))
                }
            }
            guard !segmentDays.isEmpty else { throw .missingDays(segment: segment) }
            guard closed || !ranges.isEmpty else { throw .missingHours(segment: segment) }
            for day in segmentDays {
                result[day, default: []].append(contentsOf: closed ? [] : ranges)
                if closed { result[day] = [] }
            }
        }
        if refusingOverlaps {
            for day in Weekday.allCases {
                let sorted = (result[day] ?? []).sorted()
                for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.startMinute < earlier.endMinute {
                    throw .overlappingRanges("\(day.shortName) \(earlier)", "\(day.shortName) \(later)")
                }
            }
        }
        return WorkingHours(days: result)
    }

    // MARK: - Parsing pieces

    /// Splits a segment into day and range tokens; "Mon - Fri" and "8 - 12" become one token each.
    static func tokenize(_ segment: String) -> [String] {
        var text = segment
        for dash in ["–", "—"] { text = text.replacingOccurrences(of: dash, with: "-") }
        while text.contains(" -") || text.contains("- ") {
            text = text.replacingOccurrences(of: " -", with: "-").replacingOccurrences(of: "- ", with: "-")
        }
        // Commas separate days ("Mon,Wed") and ranges alike, so treat them as spaces, except that
        // "Mon, Wed" should stay one day list: both forms yield the same tokens this way.
        return text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
    }

    /// "Mon", "Mon-Fri", "Sat-Mon" (wrapping), "Monday".
    static func parseDays(_ raw: String) -> [Weekday]? {
        let token = raw.hasSuffix(":") ? String(raw.dropLast()) : raw // "Mon-Fri: 08:00-18:00"
        let parts = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            return weekday(parts[0]).map { [$0] }
        case 2:
            guard let from = weekday(parts[0]), let to = weekday(parts[1]) else { return nil }
            var result: [Weekday] = [from]
            var day = from
            while day != to {
                day = Weekday(rawValue: day.rawValue % 7 + 1)!
                result.append(day)
            }
            return result
        default:
            return nil
        }
    }

    /// A weekday name, also in the plural ("Mondays").
    static func weekday(_ name: String) -> Weekday? {
        if let day = Weekday(name: name) { return day }
        if name.count > 3, name.lowercased().hasSuffix("s") { return Weekday(name: String(name.dropLast())) }
        return nil
    }

    static func parseRange(_ token: String) throws(WorkingHoursError) -> TimeRange {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw .badRange(token) }
        guard let start = ClockTime.parse(parts[0]) else { throw .badTime(parts[0], in: token) }
        guard let end = ClockTime.parse(parts[1], allowEndOfDay: true) else { throw .badTime(parts[1], in: token) }
        guard end != start else { throw .emptyRange(token) }
        guard end > start else { throw .endBeforeStart(token) }
        return TimeRange(startMinute: start, endMinute: end)
    }

    /// Sorts each day's ranges and merges overlapping or touching ones, so equal hours compare equal.
    private static func normalized(_ days: [Weekday: [TimeRange]]) -> [Weekday: [TimeRange]] {
        var result: [Weekday: [TimeRange]] = [:]
        for (day, ranges) in days {
            var merged: [TimeRange] = []
            for range in ranges.sorted() where range.endMinute > range.startMinute {
                if let last = merged.last, range.startMinute <= last.endMinute {
                    merged[merged.count - 1].endMinute = max(last.endMinute, range.endMinute)
                } else {
                    merged.append(range)
                }
            }
            if !merged.isEmpty { result[day] = merged }
        }
        return result
    }

    /// "Mon-Fri", "Mon,Wed", "Mon-Wed,Fri": runs of three or more consecutive days use a hyphen.
    static func describe(days: [Weekday]) -> String {
        var runs: [[Weekday]] = []
        for day in days.sorted() {
            if let last = runs.last?.last, last.rawValue + 1 == day.rawValue {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs.map { run in
            run.count >= 3 ? "\(run.first!.shortName)-\(run.last!.shortName)" : run.map(\.shortName).joined(separator: ",")
        }.joined(separator: ",")
    }
}

/// Why a working-hours text could not be read.
public enum WorkingHoursError: Error, Equatable, CustomStringConvertible {
    case empty
    case unknownDay(String)
    case missingDays(segment: String)
    case missingHours(segment: String)
    case daysAfterHours(segment: String, token: String)
    case badRange(String)
    case badTime(String, in: String)
    case endBeforeStart(String)
    /// A range that starts and ends at the same time, such as 08:00-08:00.
    case emptyRange(String)
    /// Two ranges of one weekday that overlap, such as 08:00-12:00 and 11:00-14:00.
    case overlappingRanges(String, String)
    /// A weekday's field holds a word where a range belongs ("Mon" in the Tuesday field).
    case dayInDayField(String)

    public var description: String {
        let example = "Write them like \"Mon-Fri 08:00-18:00; Sat 09:00-13:00\"."
        switch self {
        case .empty:
            return "No working hours given. \(example)"
        case .unknownDay(let token):
            return "\"\(TextLimits.quote(token))\" is not a day of the week. Use Mon, Tue, Wed, Thu, Fri, Sat, Sun or a range like Mon-Fri."
        case .missingDays(let segment):
            return "\"\(segment)\" does not say which days it is for. Start it with a day, e.g. \"Mon-Fri 08:00-18:00\"."
        case .missingHours(let segment):
            return "\"\(segment)\" names days but no hours. Add a range such as 08:00-18:00, or write \"closed\"."
        case .daysAfterHours(let segment, let token):
            return "In \"\(segment)\" the day \"\(token)\" comes after the hours. Separate groups of days with \";\". \(example)"
        case .badRange(let token):
            return "\"\(TextLimits.quote(token))\" is not a time range. Write a start and an end, e.g. 08:00-12:00."
        case .badTime(let time, let token):
            return "\"\(time)\" in \"\(TextLimits.quote(token))\" is not a time of day. Use 24-hour \"14:00\" or \"2pm\"."
        case .emptyRange(let token):
            return "The range \"\(TextLimits.quote(token))\" is empty: it starts and ends at the same time. Give the end of the working time, e.g. 08:00-12:00."
        case .endBeforeStart(let token):
            return "The range \"\(TextLimits.quote(token))\" ends before it starts. Put the earlier time first, e.g. 13:00-17:00."
        case .overlappingRanges(let first, let second):
            return "The ranges \"\(TextLimits.quote(first))\" and \"\(TextLimits.quote(second))\" overlap: give each stretch of time once."
        case .dayInDayField(let token):
            return "\"\(TextLimits.quote(token))\" is not a time range. Give this day's ranges only, e.g. 08:00-12:00, 13:00-18:00, or leave it empty when the day is not worked."
        }
    }
}
