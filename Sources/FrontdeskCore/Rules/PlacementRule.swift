import Foundation

/// The one rule that decides whether sessions may sit at given times (SPEC §3): not in the past,
/// within the booking horizon, when the provider is available (working hours, absences, closed
/// days, other bookings — all given as the `availability` value), and keeping the treatment's gaps.
///
/// Gaps are measured between neighbours: by session number for immediate and sequential
/// treatments, by time for flexible packages (lessons may be taken in any order). The Book preview,
/// its confirmation, `book`, `reschedule` and shift-later all ask this rule.
public struct PlacementRule: Sendable, Equatable {
    /// How far ahead a booking may be made when the configuration says nothing.
    public static let defaultHorizonDays = 730

    public var strategy: Strategy
    /// `gaps[i]` is the gap between session i+1 and i+2; a missing entry reuses the last one.
    public var gaps: [SessionGap]
    /// How many days ahead of today a session may be booked; nil for no limit.
    public var horizonDays: Int?
    public var calendar: ClinicCalendar
    public var now: Date

    public init(strategy: Strategy, gaps: [SessionGap], horizonDays: Int? = PlacementRule.defaultHorizonDays,
                calendar: ClinicCalendar, now: Date) {
        self.strategy = strategy
        self.gaps = gaps
        self.horizonDays = horizonDays
        self.calendar = calendar
        self.now = now
    }

    /// The gap between session `number` and the one after it.
    public func gap(after number: Int) -> SessionGap {
        let index = number - 1
        if gaps.indices.contains(index) { return gaps[index] }
        if index >= 0, let last = gaps.last { return last }
        return gaps.first ?? SessionGap(planned: .zero, minimum: .zero, recommended: .zero)
    }

    /// The last day a session may be booked on; nil without a horizon.
    public var lastBookableDay: LocalDay? { horizonDays.map { calendar.localDay(of: now).adding(days: $0) } }

    /// Every problem with putting `placements` into a treatment whose other sessions are `others`.
    ///
    /// `availability` is the provider's schedule without the sessions being moved; placements are
    /// checked in order, each one then counting as busy for the next. Sessions of `others` that do
    /// not hold a slot (cancelled) and those being moved (same id) are ignored.
    public func check(_ placements: [TimelineSession], others: [TimelineSession] = [],
                      availability: ProviderSchedule) -> [PlacementFinding] {
        var findings: [PlacementFinding] = []
        var working = availability
        for placement in placements {
            for problem in timeProblems(start: placement.start, durationMinutes: placement.durationMinutes, availability: working) {
                findings.append(PlacementFinding(number: placement.number, start: placement.start, problem: problem))
            }
            working.addBusy(placement.interval)
        }
        return findings + gapFindings(placements, others: others)
    }

    /// The problems of one start that have nothing to do with the treatment's other sessions.
    public func timeProblems(start: Date, durationMinutes: Int, availability: ProviderSchedule) -> [PlacementProblem] {
        var problems: [PlacementProblem] = []
        if start < now { problems.append(.inThePast(start: start)) }
        if let horizonDays, let last = lastBookableDay, calendar.localDay(of: start) > last {
            problems.append(.beyondHorizon(start: start, horizonDays: horizonDays, lastDay: last))
            return problems // a date years away says nothing useful about hours or bookings
        }
        if let conflict = availability.conflict(start: start, durationMinutes: durationMinutes, calendar: calendar) {
            problems.append(.unavailable(conflict))
        }
        return problems
    }

    /// The gap problems of the placements among the treatment's other live sessions.
    public func gapFindings(_ placements: [TimelineSession], others: [TimelineSession]) -> [PlacementFinding] {
        struct Entry { var session: TimelineSession; var isPlaced: Bool }
        let placedIDs = Set(placements.compactMap(\.id))
        var timeline = others.filter { $0.status.holdsNumber && !($0.id.map(placedIDs.contains) ?? false) }
            .map { Entry(session: $0, isPlaced: false) }
        timeline += placements.map { Entry(session: $0, isPlaced: true) }
        let byTime = strategy == .flexible
        timeline.sort { a, b in
            byTime ? (a.session.start, a.session.number) < (b.session.start, b.session.number)
                : (a.session.number, a.session.start) < (b.session.number, b.session.start)
        }
        var findings: [PlacementFinding] = []
        for index in timeline.indices.dropFirst() {
            let previous = timeline[index - 1], next = timeline[index]
            guard previous.isPlaced || next.isPlaced else { continue }
            // Flexible lessons are spaced by their order in time, whatever their numbers.
            let gap = self.gap(after: byTime ? index : previous.session.number)
            // The finding belongs to the session being placed; when both are, to the later one.
            let subject = next.isPlaced ? next.session : previous.session
            let neighbour = next.isPlaced ? previous.session : next.session
            let neighbourIsLater = !next.isPlaced
            if let problem = Self.gapProblem(previous: previous.session, next: next.session, gap: gap,
                                             subject: subject, neighbour: neighbour, neighbourIsLater: neighbourIsLater,
                                             calendar: calendar) {
                findings.append(PlacementFinding(number: subject.number, start: subject.start, problem: problem))
            }
        }
        return findings
    }

    /// Too soon when `next` falls before day(previous) + minimum (or before `previous` itself), too
    /// late after day(previous) + maximum.
    static func gapProblem(previous: TimelineSession, next: TimelineSession, gap: SessionGap, subject: TimelineSession,
                           neighbour: TimelineSession, neighbourIsLater: Bool, calendar: ClinicCalendar) -> PlacementProblem? {
        let previousDay = calendar.localDay(of: previous.start)
        let nextDay = calendar.localDay(of: next.start)
        let earliest = previousDay.adding(gap.minimum)
        if next.start < previous.start || nextDay < earliest {
            return .tooSoon(GapBreach(session: subject.number, start: subject.start, neighbour: neighbour.number,
                                      neighbourStart: neighbour.start, neighbourIsLater: neighbourIsLater,
                                      limit: gap.minimum, boundary: earliest, days: max(0, nextDay.days(to: earliest))))
        }
        if let maximum = gap.maximum {
            let latest = previousDay.adding(maximum)
            if nextDay > latest {
                return .tooLate(GapBreach(session: subject.number, start: subject.start, neighbour: neighbour.number,
                                          neighbourStart: neighbour.start, neighbourIsLater: neighbourIsLater,
                                          limit: maximum, boundary: latest, days: latest.days(to: nextDay)))
            }
        }
        return nil
    }
}
