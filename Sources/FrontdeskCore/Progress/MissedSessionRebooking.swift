import Foundation

/// Booking a missed (no-show or cancelled) session of an immediate treatment again (issue 12 item 1).
/// The later sessions were laid out from the missed one, so a new date may break their gaps; the
/// desk is then offered to move them along (`PlacementRule.shiftLater`, which keeps the gaps).
public enum MissedSessionRebooking {
    /// The session number to book again: the lowest number whose booking was missed or cancelled
    /// and has no confirmed or completed booking since; nil when none is.
    public static func number(in progress: GroupProgress) -> Int? {
        progress.missedNumbers.first
    }

    /// "session 3 Thu 23 Apr 2026 14:00 → Thu 30 Apr 2026 14:00": a later session that would move along.
    public static func moveText(noun: String, number: Int, from: Date, to: Date, calendar: ClinicCalendar) -> String {
        "\(noun.lowercased()) \(number) \(calendar.dayTime(from)) → \(calendar.dayTime(to))"
    }
}
