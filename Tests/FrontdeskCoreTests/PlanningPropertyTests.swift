import Foundation
import FrontdeskCore
import Testing

/// Properties of immediate planning over many random, valid clinics: buffer configurations, first
/// starts (many near daylight-saving changes), zones, working hours, closed days and busy times.
/// Seeded, so a failure names a case that can be replayed.
@Suite struct PlanningPropertyTests {
    static let zones = ["Europe/Zurich", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "UTC",
                        "America/Sao_Paulo", "Europe/London"]

    struct Case: CustomStringConvertible {
        var seed: UInt64
        var calendar: ClinicCalendar
        var rules: BufferRules
        var rulesJSON: String
        var service: ServiceDefinition
        var schedule: ProviderSchedule
        var firstStart: Date

        var gaps: [SessionGap] { (1..<max(2, service.totalSessions)).map { rules.gap(afterSession: $0) } }
        var description: String {
            "seed \(seed): \(calendar.timeZone.identifier), \(rulesJSON), \(service.totalSessions) sessions, first \(calendar.dayTime(firstStart)), hours \(schedule.hours)"
        }

        func plan() -> SchedulePlan {
            SchedulePlanner.immediate(service: service, gaps: gaps, firstStart: firstStart, schedule: schedule, calendar: calendar)
        }
    }

    /// A random valid clinic, or nil when the drawn buffer configuration is (rightly) refused.
    static func randomCase(seed: UInt64) -> Case? {
        var random = SeededRandom(seed: seed)
        func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        let calendar = ClinicCalendar(identifier: zones[draw(0...(zones.count - 1))])!
        let total = draw(2...8)
        var keys: [String] = []
        switch draw(0...3) {
        case 0: keys.append("\"default_days\": \(draw(1...30))")
        case 1: keys.append("\"default_weeks\": \(draw(1...6))")
        case 2: keys.append("\"default_months\": \(draw(1...3))")
        default:
            let minimum = draw(1...10)
            keys.append("\"minimum_days\": \(minimum)")
            keys.append("\"maximum_days\": \(minimum + draw(3...20))")
        }
        if draw(0...2) == 0 { keys.append("\"session_1_to_2_days\": \(draw(1...21))") }
        let json = "{" + keys.joined(separator: ", ") + "}"
        guard let rules = try? BufferRules.parse(json, totalSessions: total, strategy: .immediate) else { return nil }
        // Working hours: some weekdays open, each from a morning hour to an afternoon hour.
        var days: [Weekday: [TimeRange]] = [:]
        for weekday in Weekday.allCases where draw(0...4) > 0 {
            days[weekday] = [TimeRange(startMinute: draw(7...10) * 60, endMinute: draw(15...20) * 60)]
        }
        if days.isEmpty { days[.monday] = [TimeRange(startMinute: 8 * 60, endMinute: 18 * 60)] }
        // The first start: a day of 2026 (often in a daylight-saving week), at a quarter hour within 09:00–14:45.
        let transitions = [LocalDay(year: 2026, month: 3, day: 29), LocalDay(year: 2026, month: 10, day: 25),
                           LocalDay(year: 2026, month: 3, day: 8), LocalDay(year: 2026, month: 11, day: 1),
                           LocalDay(year: 2026, month: 4, day: 5), LocalDay(year: 2026, month: 10, day: 4)]
        let firstDay = draw(0...1) == 0 ? transitions[draw(0...5)].adding(days: draw(-20...2))
                                        : LocalDay(year: 2026, month: 1, day: 1).adding(days: draw(0...364))
        let firstStart = calendar.resolvedDate(firstDay, minuteOfDay: draw(36...59) * 15)
        var closed: Set<LocalDay> = []
        for _ in 0..<draw(0...6) { closed.insert(firstDay.adding(days: draw(1...120))) }
        var busy: [DateInterval] = []
        for _ in 0..<draw(0...20) {
            let day = firstDay.adding(days: draw(0...150))
            busy.append(DateInterval(start: calendar.resolvedDate(day, minuteOfDay: draw(32...70) * 15), duration: Double(draw(1...8) * 15 * 60)))
        }
        let service = ServiceDefinition(name: "Treatment", defaultDurationMinutes: draw(2...8) * 15, totalSessions: total, strategy: .immediate)
        return Case(seed: seed, calendar: calendar, rules: rules, rulesJSON: json, service: service,
                    schedule: ProviderSchedule(hours: WorkingHours(days: days), closedDays: closed, busy: busy), firstStart: firstStart)
    }

    static let cases: [Case] = (1...300).compactMap { randomCase(seed: $0 &* 0x9E37_79B9_7F4A_7C15) }

    @Test func enoughRandomClinicsAreValid() {
        #expect(Self.cases.count >= 250)
    }

    @Test func everyPlannedGapRespectsTheConfiguration() {
        for example in Self.cases {
            let sessions = example.plan().sessions
            #expect(sessions.count == example.service.totalSessions, "\(example)")
            for (previous, next) in zip(sessions, sessions.dropFirst()) where previous.isPlaceable && next.isPlaceable {
                let gap = example.rules.gap(afterSession: previous.number)
                #expect(SchedulePlanner.checkGap(previous: previous.start, next: next.start, gap: gap, calendar: example.calendar) == nil,
                        "\(example): session \(next.number) at \(example.calendar.dayTime(next.start)) after \(example.calendar.dayTime(previous.start))")
            }
        }
    }

    @Test func noSessionLandsInAClosedPeriodOrOnABusyTime() {
        for example in Self.cases {
            let sessions = example.plan().sessions
            for session in sessions where session.isPlaceable {
                #expect(example.schedule.conflict(start: session.start, durationMinutes: session.durationMinutes, calendar: example.calendar) == nil,
                        "\(example): session \(session.number) at \(example.calendar.dayTime(session.start))")
            }
            let placed = sessions.filter(\.isPlaceable)
            for (index, a) in placed.enumerated() {
                for b in placed.dropFirst(index + 1) {
                    #expect(!(a.start < b.end && b.start < a.end), "\(example): sessions \(a.number) and \(b.number) overlap")
                }
            }
        }
    }

    @Test func sessionsThatFitAsLaidOutKeepTheFirstSessionsWallClockTimeAcrossDaylightSaving() {
        var checked = 0
        for example in Self.cases {
            let sessions = example.plan().sessions
            let firstMinute = example.calendar.minuteOfDay(of: example.firstStart)
            // Up to the first moved session, every session is at the first one's clock time.
            for session in sessions {
                guard session.isPlaceable, !session.wasMoved, session.conflict == nil else { break }
                #expect(example.calendar.minuteOfDay(of: session.start) == firstMinute,
                        "\(example): session \(session.number) at \(example.calendar.dayTime(session.start))")
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    @Test func planningTwiceGivesTheSamePlan() {
        for example in Self.cases {
            #expect(example.plan() == example.plan(), "\(example)")
        }
    }
}
