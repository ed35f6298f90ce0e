/// What the words of a typed date mean, before they are placed on the calendar.
enum DayExpression: Equatable {
    case today
    case tomorrow
    case yesterday
    /// "fri" (`strictlyAfterToday` false) or "next fri" (true).
    case weekday(Weekday, strictlyAfterToday: Bool)
    /// A calendar date; `year` is nil when none was typed. Not yet checked against the calendar.
    case calendar(day: Int, month: Int, year: Int?)
    /// "+2w", "in 3 days", "-3d", "+1m": calendar distance from now.
    case offset(GapLength)
    /// "+2h", "in 2 hours": elapsed time from now.
    case hours(Int)
}

/// A typed date split into its day and its time of day, either of which may be missing.
struct DateInputReading: Equatable {
    var day: DayExpression?
    var minuteOfDay: Int?
}

/// The words and shapes staff type for dates and times: "fri 4pm", "10.3. 14:00", "+2w".
enum DateInputGrammar {
    /// Reads the text into a day and a time; throws for text that is recognisably a date or time
    /// but impossible (25:00, 10/3), or not understood at all.
    static func read(_ text: String) throws(DateInputError) -> DateInputReading {
        let words = tokens(text)
        guard !words.isEmpty else { throw .notUnderstood(text) }
        var reading = DateInputReading()
        var rest: [String] = []
        for word in words {
            if let minute = try time(word) {
                guard reading.minuteOfDay == nil else { throw .notUnderstood(text) }
                reading.minuteOfDay = minute
            } else {
                rest.append(word)
            }
        }
        reading.day = try day(rest, original: text)
        return reading
    }

    // MARK: Words

    /// Lower-case words, with "4 pm" joined into "4pm", ISO's "T" split off, fillers ("at", "on") dropped.
    static func tokens(_ text: String) -> [String] {
        var s = text.lowercased()
        s = s.replacingOccurrences(of: "a.m.", with: "am").replacingOccurrences(of: "p.m.", with: "pm")
        s = s.replacingOccurrences(of: ",", with: " ")
        var words: [String] = []
        for raw in s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) {
            // "2026-03-10t14:00"
            if raw.first?.isNumber == true, let t = raw.firstIndex(of: "t"), raw[..<t].contains("-") {
                words.append(String(raw[..<t]))
                words.append(String(raw[raw.index(after: t)...]))
                continue
            }
            if ["am", "pm", "h"].contains(raw), let last = words.last, !last.isEmpty,
               last.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }) {
                words[words.count - 1] += raw
                continue
            }
            var word = raw
            // "fri." and "mar." are abbreviations; numbers keep their dots ("10.3.").
            if word.count > 1, word.hasSuffix("."), word.dropLast().allSatisfy(\.isLetter) { word.removeLast() }
            if ["at", "on", "the", "of", "@"].contains(word) { continue }
            words.append(word)
        }
        return words
    }

    // MARK: Times

    /// The minute of the day for a time word; nil for a word that is not a time; throws for one
    /// that has a time's shape but no clock shows it.
    static func time(_ word: String) throws(DateInputError) -> Int? {
        if word == "noon" || word == "midday" { return 12 * 60 }
        var body = Substring(word)
        var meridiem: String?
        if word.hasSuffix("am") || word.hasSuffix("pm") {
            meridiem = String(word.suffix(2))
            body = body.dropLast(2)
        }
        let hourMinute: (Substring, Substring?)
        if meridiem == nil, let h = body.firstIndex(of: "h"), body.last == "h" || body[body.index(after: h)...].count == 2 {
            // "14h", "14h30"
            let after = body[body.index(after: h)...]
            hourMinute = (body[..<h], after.isEmpty ? nil : after)
        } else if let colon = body.firstIndex(of: ":") {
            hourMinute = (body[..<colon], body[body.index(after: colon)...])
        } else if meridiem != nil {
            hourMinute = (body, nil)
        } else {
            return nil
        }
        let (hourText, minuteText) = hourMinute
        guard (1...2).contains(hourText.count), hourText.allSatisfy(isDigit), let hour = Int(hourText) else { return nil }
        var minute = 0
        if let minuteText {
            guard minuteText.count == 2, minuteText.allSatisfy(isDigit), let m = Int(minuteText) else { return nil }
            minute = m
        }
        guard minute < 60 else { throw .impossibleTime(word) }
        switch meridiem {
        case "am":
            guard (1...12).contains(hour) else { throw .impossibleTime(word) }
            return (hour % 12) * 60 + minute
        case "pm":
            guard (1...12).contains(hour) else { throw .impossibleTime(word) }
            return (hour % 12 + 12) * 60 + minute
        default:
            guard hour < 24 else { throw .impossibleTime(word) }
            return hour * 60 + minute
        }
    }

    // MARK: Days

    private static func day(_ words: [String], original: String) throws(DateInputError) -> DayExpression? {
        switch words.count {
        case 0:
            return nil
        case 1:
            return try singleWordDay(words[0], original: original)
        case 2:
            if ["next", "this", "coming"].contains(words[0]), let weekday = weekday(words[1]) {
                return .weekday(weekday, strictlyAfterToday: words[0] == "next")
            }
            if let offset = signedOffset(words[0] + words[1]) { return offset }
            if let month = month(words[0]), let day = dayOfMonth(words[1]) { return .calendar(day: day, month: month, year: nil) }
            if let day = dayOfMonth(words[0]), let month = month(words[1]) { return .calendar(day: day, month: month, year: nil) }
        case 3:
            if words[0] == "in", let count = count(words[1]), let unit = unit(words[2]) {
                return expression(count, unit)
            }
            if let month = month(words[0]), let day = dayOfMonth(words[1]), let year = year(words[2]) {
                return .calendar(day: day, month: month, year: year)
            }
            if let day = dayOfMonth(words[0]), let month = month(words[1]), let year = year(words[2]) {
                return .calendar(day: day, month: month, year: year)
            }
        default:
            break
        }
        throw .notUnderstood(original)
    }

    private static func singleWordDay(_ word: String, original: String) throws(DateInputError) -> DayExpression {
        switch word {
        case "today": return .today
        case "tomorrow", "tmrw", "tmr", "tomorow": return .tomorrow
        case "yesterday": return .yesterday
        default: break
        }
        if let weekday = weekday(word) { return .weekday(weekday, strictlyAfterToday: false) }
        if let offset = signedOffset(word) { return offset }
        if word.contains("/"), word.allSatisfy({ $0.isNumber || $0 == "/" }) {
            throw .ambiguousSlashDate(original, suggestions: slashSuggestions(word))
        }
        let dashParts = word.split(separator: "-", omittingEmptySubsequences: false)
        if dashParts.count == 3, dashParts[0].count == 4, dashParts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(isDigit) }),
           let y = Int(dashParts[0]), let m = Int(dashParts[1]), let d = Int(dashParts[2]) {
            return .calendar(day: d, month: m, year: y)
        }
        if word.contains("."), word.allSatisfy({ $0.isNumber || $0 == "." }) {
            var parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.last == "" { parts.removeLast() }
            guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else { throw .notUnderstood(original) }
            if parts.count == 2, parts.allSatisfy({ $0.count <= 2 }), let d = Int(parts[0]), let m = Int(parts[1]) {
                return .calendar(day: d, month: m, year: nil)
            }
            if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, let d = Int(parts[0]), let m = Int(parts[1]),
               let y = year(parts[2]) ?? (parts[2].count == 2 ? Int(parts[2]).map { 2000 + $0 } : nil) {
                return .calendar(day: d, month: m, year: y)
            }
        }
        throw .notUnderstood(original)
    }

    /// "+2w", "-3d", "+1m", "+2h", "+2weeks" (the unit word may also have been a separate word).
    private static func signedOffset(_ word: String) -> DayExpression? {
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        let body = word.dropFirst()
        let digits = body.prefix(while: isDigit)
        guard !digits.isEmpty, digits.count <= 4, let n = Int(digits), let unit = unit(String(body.dropFirst(digits.count)))
        else { return nil }
        return expression(sign == "-" ? -n : n, unit)
    }

    private enum Unit { case days, weeks, months, hours }

    private static func expression(_ n: Int, _ unit: Unit) -> DayExpression {
        switch unit {
        case .days: return .offset(.days(n))
        case .weeks: return .offset(.weeks(n))
        case .months: return .offset(.months(n))
        case .hours: return .hours(n)
        }
    }

    private static func unit(_ word: String) -> Unit? {
        switch word {
        case "d", "day", "days": return .days
        case "w", "wk", "wks", "week", "weeks": return .weeks
        case "m", "mo", "mos", "month", "months": return .months
        case "h", "hr", "hrs", "hour", "hours": return .hours
        default: return nil
        }
    }

    private static func count(_ word: String) -> Int? {
        if word.count <= 4, word.allSatisfy(isDigit) { return Int(word) }
        return ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6][word]
    }

    private static func weekday(_ word: String) -> Weekday? {
        guard word.allSatisfy(\.isLetter), month(word) == nil else { return nil }
        return Weekday(name: word)
    }

    /// A month from its English name or an abbreviation of at least three letters ("mar", "sept").
    static func month(_ word: String) -> Int? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        if word == "sept" { return 9 }
        guard let index = LocalDay.monthNames.firstIndex(where: { $0.lowercased().hasPrefix(word) }) else { return nil }
        return index + 1
    }

    /// "10", "10th", "1st", "22nd", "3rd".
    private static func dayOfMonth(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy(isDigit) else { return nil }
        return Int(digits)
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, word.allSatisfy(isDigit) else { return nil }
        return Int(word)
    }

    /// Unambiguous spellings of the day-first reading of "10/3" (the clinic's own convention), or
    /// the month-first one when only that is possible.
    private static func slashSuggestions(_ word: String) -> [String] {
        let parts = word.split(separator: "/").compactMap { Int($0) }
        guard parts.count >= 2 else { return [] }
        var (day, month) = (parts[0], parts[1])
        if !(1...12).contains(month), (1...12).contains(day) { (day, month) = (month, day) }
        guard (1...12).contains(month), (1...31).contains(day) else { return [] }
        if parts.count == 3, let y = parts.last, y >= 1000 {
            return ["\(day).\(month).\(y)", "\(LocalDay.monthNames[month - 1]) \(day) \(y)",
                    String(format: "%04d-%02d-%02d", y, month, day)]
        }
        return ["\(day).\(month).", "\(LocalDay.monthNames[month - 1]) \(day)"]
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
