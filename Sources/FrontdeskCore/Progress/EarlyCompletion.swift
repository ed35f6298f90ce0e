import Foundation

/// Completing a session that has not taken place yet needs intent (issue 12 item 2): the command
/// line refuses one that starts more than an hour from now unless told `--early`, and the screens
/// name the date and default to No.
public enum EarlyCompletion {
    /// How long before its start a session may be marked completed without saying so: a session
    /// finishing early, or a clock a few minutes off, is not a mistake.
    public static let leeway: TimeInterval = 3600

    /// Whether completing the session starting at `start` needs explicit intent at `now`.
    public static func needsIntent(start: Date, now: Date) -> Bool {
        start.timeIntervalSince(now) > leeway
    }

    /// How far ahead `start` is, in the words the desk uses: "in 40 minutes", "in 3 hours",
    /// "tomorrow", "in 5 days", "in 7 weeks", "in 4 months". Days are the clinic's calendar days.
    public static func distance(from now: Date, to start: Date, calendar: ClinicCalendar) -> String {
        let days = calendar.daysBetween(now, start)
        let seconds = start.timeIntervalSince(now)
        switch days {
        case ..<1:
            let minutes = max(1, Int((seconds / 60).rounded()))
            if minutes < 60 { return "in \(minutes) minute\(minutes == 1 ? "" : "s")" }
            let hours = Int((Double(minutes) / 60).rounded())
            return "in \(hours) hour\(hours == 1 ? "" : "s")"
        case 1: return "tomorrow"
        case 2..<14: return "in \(days) days"
        case 14..<61:
            let weeks = Int((Double(days) / 7).rounded())
            return "in \(weeks) weeks"
        default:
            let months = Int((Double(days) / 30.44).rounded())
            return "in \(months) months"
        }
    }

    /// The question after `notStartedYet`.
    public static let completeAnyway = "Mark it completed anyway?"

    /// Why completing needs a second thought: "This session is on Tue 19 Jan 2027, in 7 weeks.";
    /// nil once the session has started.
    public static func notStartedYet(start: Date, now: Date, calendar: ClinicCalendar, noun: String = "session") -> String? {
        guard start > now else { return nil }
        let day = calendar.localDay(of: start)
        return "This \(noun.lowercased()) is on \(calendar.shortDayWithYear(day)), \(distance(from: now, to: start, calendar: calendar))."
    }

    /// The screen's question before completing a session that has not started: "This session is on
    /// Tue 19 Jan 2027, in 7 weeks. Mark it completed anyway?"; nil once it has started.
    public static func question(start: Date, now: Date, calendar: ClinicCalendar, noun: String = "session") -> String? {
        notStartedYet(start: start, now: now, calendar: calendar, noun: noun).map { $0 + " " + completeAnyway }
    }
}
