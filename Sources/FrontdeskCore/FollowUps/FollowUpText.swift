import Foundation

/// The customer-facing texts of SPEC §4, in the spirit of the original guide: warm wording, exact facts.
///
/// `noun` is the service's session noun ("Session", "Lesson"); dates and times are written in
/// English in the clinic's zone, whatever the machine's locale.
public enum FollowUpText {
    /// Every session just booked: "Session 1 of 3: Tuesday, March 10 at 14:00 - Implant placement".
    /// `remaining` (flexible packages) adds how many are still unbooked.
    public static func confirmation(serviceName: String, noun: String, totalSessions: Int,
                                    sessions: [SessionSnapshot], remaining: Int? = nil,
                                    calendar: ClinicCalendar) -> String {
        let ordered = sessions.sorted { ($0.number, $0.start) < ($1.number, $1.start) }
        let heading = ordered.count == 1
            ? "Your \(serviceName) appointment is confirmed:"
            : "All \(ordered.count) \(plural(noun, ordered.count)) of your \(serviceName) are confirmed:"
        var lines = [heading]
        for session in ordered {
            var line = "\(noun) \(session.number) of \(totalSessions): "
                + DateWording.longDateTime(session.start, calendar: calendar)
            if !isDefaultLabel(session.label, noun: noun, number: session.number, total: totalSessions) {
                line += " - \(session.label)"
            }
            lines.append(line)
        }
        if let remaining, remaining > 0 {
            lines.append("You have \(remaining) \(plural(noun, remaining)) remaining. Book more anytime!")
        }
        lines.append("You'll receive a reminder 24 hours before each appointment.")
        return lines.joined(separator: "\n")
    }

    /// "Reminder: Session 2 of 3 tomorrow at 14:00 - Healing check." The day is worded as seen at
    /// `now`, so the text is made when it is sent.
    public static func reminder(noun: String, session: SessionSnapshot, totalSessions: Int, now: Date,
                                calendar: ClinicCalendar) -> String {
        let when = DateWording.relativeDay(session.start, now: now, calendar: calendar)
        var text = "Reminder: \(noun) \(session.number) of \(totalSessions) \(when) at "
            + DateWording.time24(minuteOfDay: calendar.minuteOfDay(of: session.start))
        if !isDefaultLabel(session.label, noun: noun, number: session.number, total: totalSessions) {
            text += " - \(session.label)"
        }
        return text + "."
    }

    /// After completing session `completed` of `total` (before the last): the count, the halfway
    /// milestone at total/2 (even totals), "just 1 more to go" at total − 1.
    public static func progress(noun: String, completed k: Int, totalSessions n: Int) -> String {
        let left = n - k
        let halfway = n % 2 == 0 && k == n / 2
        if halfway && left == 1 {
            return "Milestone! You're halfway through - \(k) of \(n) \(plural(noun, n)) complete. Just 1 more to go!"
        }
        if halfway {
            return "Milestone! You're halfway through - \(k) of \(n) \(plural(noun, n)) complete, \(left) to go!"
        }
        if left == 1 {
            return "Almost there! \(noun) \(k) of \(n) complete. Just 1 more to go!"
        }
        return "\(noun) \(k) of \(n) complete! You have \(left) \(plural(noun, left)) remaining."
    }

    /// After the last session: congratulations and what could come next.
    public static func completion(serviceName: String, noun: String, totalSessions n: Int) -> String {
        let all = n == 1 ? "your \(noun.lowercased())" : "all \(n) \(plural(noun, n))"
        return "Congratulations! You've completed \(all) of your \(serviceName)! "
            + "How are you feeling? Would you like to book a follow-up evaluation or another package?"
    }

    /// Sequential, after completing session k < n: when to book session k+1, with its window:
    /// "... between Fri 13 Mar and Wed 18 Mar, ideally Sat 14 Mar."
    public static func nextSession(noun: String, completed k: Int, totalSessions n: Int, window: SessionWindow,
                                   calendar: ClinicCalendar) -> String {
        let left = n - k
        let earliest = DateWording.shortDay(calendar.localDay(of: window.earliest))
        let ideal = DateWording.shortDay(calendar.localDay(of: window.recommended))
        let range = window.latest.map {
            "between \(earliest) and \(DateWording.shortDay(calendar.localDay(of: $0)))"
        } ?? "from \(earliest)"
        return "Great job completing \(noun) \(k)! You have \(left) \(plural(noun, left)) remaining. "
            + "When would you like to book \(noun) \(k + 1)? For best results: \(range), ideally \(ideal)."
    }

    /// Sequential, nothing booked since session k for too long:
    /// "It's been 10 days since Session 3. Book Session 4 soon for best results!"
    public static func overdue(noun: String, lastCompleted k: Int, lastSessionStart: Date, now: Date,
                               calendar: ClinicCalendar) -> String {
        let days = calendar.daysBetween(lastSessionStart, now)
        return "It's been \(days) \(days == 1 ? "day" : "days") since \(noun) \(k). "
            + "Book \(noun) \(k + 1) soon for best results!"
    }

    /// Flexible, nothing booked ahead: "You have 5 lessons remaining in your package. Would you like to schedule more?"
    public static func checkIn(noun: String, remaining: Int) -> String {
        "You have \(remaining) \(plural(noun, remaining)) remaining in your package. Would you like to schedule more?"
    }

    /// Flexible, before the package lapses: "Your package expires in 30 days. 5 sessions still available!"
    public static func expiry(noun: String, daysLeft: Int, remaining: Int) -> String {
        let when = daysLeft <= 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in \(daysLeft) days"
        return "Your package expires \(when). \(remaining) \(plural(noun, remaining)) still available!"
    }

    /// A single appointment: "Reminder: your Massage tomorrow at 14:00."
    public static func appointmentReminder(serviceName: String, start: Date, now: Date, calendar: ClinicCalendar) -> String {
        "Reminder: your \(serviceName) \(DateWording.relativeDay(start, now: now, calendar: calendar)) at "
            + DateWording.time24(minuteOfDay: calendar.minuteOfDay(of: start)) + "."
    }

    /// "Your Physiotherapy session 2 of 8 on Tuesday, March 10 at 14:00 is cancelled. …"
    public static func cancellation(serviceName: String, noun: String, session: SessionSnapshot, totalSessions: Int,
                                    calendar: ClinicCalendar) -> String {
        "Your \(what(serviceName, noun, session.number, totalSessions)) on "
            + DateWording.longDateTime(session.start, calendar: calendar)
            + " is cancelled. Please contact us to book a new time."
    }

    /// "Your Physiotherapy session 2 of 8 has moved to Friday, March 13 at 10:00 with Dr. Keller."
    public static func change(serviceName: String, noun: String, session: SessionSnapshot, totalSessions: Int,
                              provider: String, calendar: ClinicCalendar) -> String {
        "Your \(what(serviceName, noun, session.number, totalSessions)) has moved to "
            + DateWording.longDateTime(session.start, calendar: calendar) + " with \(provider)."
    }

    /// "Physiotherapy session 2 of 8", or "Massage appointment" for a single session.
    private static func what(_ serviceName: String, _ noun: String, _ number: Int, _ total: Int) -> String {
        total <= 1 ? "\(serviceName) appointment" : "\(serviceName) \(noun.lowercased()) \(number) of \(total)"
    }

    // MARK: - Wording

    /// "sessions", "lessons", "lesson": the noun in lower case, plural unless count is 1.
    public static func plural(_ noun: String, _ count: Int) -> String {
        let lower = noun.lowercased()
        if count == 1 { return lower }
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") {
            return lower + "es"
        }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            return lower.dropLast() + "ies"
        }
        return lower + "s"
    }

    /// The label says nothing more than "Session 2 of 3" (the service has no per-session plan).
    private static func isDefaultLabel(_ label: String, noun: String, number: Int, total: Int) -> Bool {
        label.isEmpty || label == "\(noun) \(number) of \(total)"
    }
}
