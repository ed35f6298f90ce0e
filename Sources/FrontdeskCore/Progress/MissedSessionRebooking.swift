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

/// What booking a missed session of an immediate treatment again at a chosen time takes: the
/// session alone (the later sessions where they are) and, when later sessions follow, the plan with
/// them moved along by the same amount, gaps kept (`PlacementRule.shiftLater`). The Book flow shows
/// it before anything is written; the store books `chosen` in one transaction.
public struct MissedRebookProposal: Sendable, Equatable {
    /// The session number booked again.
    public var number: Int
    public var providerID: Int64
    /// Whose time the findings are about: "Dr. Keller".
    public var provider: String
    /// The missed session at the chosen time, nothing else moved.
    public var alone: ShiftPlan
    /// The missed session at the chosen time and every later confirmed session moved along; nil
    /// when no confirmed session follows it.
    public var movedAlong: ShiftPlan?
    /// The clinic's calendar, so any front end words the dates in the clinic's zone.
    public var calendar: ClinicCalendar

    public init(number: Int, providerID: Int64, provider: String, alone: ShiftPlan, movedAlong: ShiftPlan?,
                calendar: ClinicCalendar) {
        self.number = number
        self.providerID = providerID
        self.provider = provider
        self.alone = alone
        self.movedAlong = movedAlong
        self.calendar = calendar
    }

    /// The session may sit at the chosen time without moving anything (late warnings aside).
    public var fitsAlone: Bool { alone.findings.refusals.isEmpty }

    /// Alone it breaks a later gap, moved along everything fits: the desk is offered the move.
    public var needsMovingLater: Bool {
        !fitsAlone && movedAlong.map { $0.findings.refusals.isEmpty && $0.sessions.count > 1 } == true
    }

    /// The plan to book: alone when it fits, else moved along when that fits; nil when neither does.
    public var chosen: ShiftPlan? { fitsAlone ? alone : needsMovingLater ? movedAlong : nil }

    /// Why the session cannot sit at the chosen time alone (empty when it can).
    public var refusal: PlacementRefusal {
        PlacementRefusal(provider: provider, findings: alone.findings.refusals, calendar: calendar)
    }

    /// The later sessions that move, with where they were and where they go.
    public var moves: [ShiftedSession] { needsMovingLater ? Array(movedAlong!.sessions.dropFirst()) : [] }
}
