import Foundation
@testable import FrontdeskCore
import Testing

/// The "How it works" preview the Services editor and `service show` share.
@Suite struct ServicePreviewTests {
    let laser = ServiceDefinition(name: "Laser Hair Removal", defaultDurationMinutes: 45, totalSessions: 4, strategy: .immediate)

    func rules(_ json: String, total: Int, _ strategy: Strategy) throws -> BufferRules {
        try BufferRules.parse(json, totalSessions: total, strategy: strategy)
    }

    @Test func immediateShowsEverySessionWithItsGapAndTheSpan() throws {
        let laserRules = try rules(#"{"session_1_to_2_weeks": 4, "session_2_to_3_weeks": 4, "session_3_to_4_weeks": 6}"#, total: 4, .immediate)
        let preview = ServicePreview.make(definition: laser, rules: laserRules, firstStart: Fixture.at(2026, 3, 10, 10),
                                          providerName: "Dr. Keller", schedule: Fixture.weekdays, calendar: Fixture.zurich)
        #expect(preview.sessions.map { Fixture.local($0.start) } == ["2026-03-10 10:00", "2026-04-07 10:00", "2026-05-05 10:00", "2026-06-16 10:00"])
        #expect(preview.sessions.map(\.daysAfterPrevious) == [nil, 28, 28, 42])
        #expect(preview.spanDays(calendar: Fixture.zurich) == 98)
        let lines = preview.lines(calendar: Fixture.zurich)
        #expect(lines.first == "How it works (4 w, 4 w, then 6 w), for an example first session on Tue 10 Mar 2026 10:00 with Dr. Keller:")
        #expect(lines.contains("  Session 4  Tue 16 Jun 2026 10:00  45 min  +42 d (6 weeks)"))
        #expect(lines.last == "About 98 days from first to last session.")
    }

    @Test func sessionsMovedByWorkingHoursOrClosedDaysSayWhy() throws {
        // 14 days after Tue 10 Mar is Tue 24 Mar, a closed day; session 3 follows the moved session 2.
        let implant = try rules(#"{"session_1_to_2_days": 14, "session_2_to_3_days": 30}"#, total: 3, .immediate)
        let closed = DayOff.clinicClosed(Fixture.day(2026, 3, 24), reason: "Holiday")
        let preview = ServicePreview.make(definition: Fixture.dentalImplant, rules: implant, firstStart: Fixture.at(2026, 3, 10, 14),
                                          providerName: "Dr. Keller", schedule: ProviderSchedule(name: "Dr. Keller", daysOff: [closed]),
                                          calendar: Fixture.zurich)
        #expect(preview.sessions[1].moveReason == .dayOff(closed))
        #expect(preview.sessions[1].movedFrom.map(Fixture.local) == "2026-03-24 14:00")
        #expect(Fixture.local(preview.sessions[1].start) == "2026-03-25 08:00")
        #expect(preview.sessions[2].movedFrom == nil)
        #expect(Fixture.local(preview.sessions[2].start) == "2026-04-24 08:00")
        #expect(preview.sessions.map(\.daysAfterPrevious) == [nil, 15, 30])
        let lines = preview.lines(calendar: Fixture.zurich)
        #expect(lines.contains("     moved from Tue 24 Mar 2026 14:00: The clinic is closed on Tue 24 Mar (Holiday)"))
    }

    @Test func sequentialShowsTheWindowForSessionTwo() throws {
        let physio = ServiceDefinition(name: "Physio", defaultDurationMinutes: 45, totalSessions: 8, strategy: .sequential)
        let preview = ServicePreview.make(definition: physio, rules: try rules(#"{"minimum_days": 2, "maximum_days": 7, "recommended_days": 3}"#, total: 8, .sequential),
                                          firstStart: Fixture.at(2026, 3, 9, 10), providerName: "Dr. Keller",
                                          schedule: Fixture.weekdays, calendar: Fixture.zurich)
        let window = try #require(preview.nextWindow)
        #expect(Fixture.local(window.earliest) == "2026-03-11 10:00")
        #expect(Fixture.local(window.recommended) == "2026-03-12 10:00")
        #expect(window.latest.map(Fixture.local) == "2026-03-16 10:00")
        #expect(preview.lines(calendar: Fixture.zurich).last
                == "After session 1 is completed, session 2 may be booked from Wed 11 Mar, ideally Thu 12 Mar, at the latest Mon 16 Mar; the desk would suggest Thu 12 Mar 2026 10:00.")
        #expect(preview.sessions.count == 8)
    }

    @Test func aPacedExampleKeepsTheTimeOfDayAndSaysWhyASessionMoved() throws {
        // Thu 12 Mar + 3 days is a Sunday: the suggestion is Monday at the same 10:00, not the first opening.
        let physio = ServiceDefinition(name: "Physio", defaultDurationMinutes: 45, totalSessions: 3, strategy: .sequential)
        let preview = ServicePreview.make(definition: physio, rules: try rules(#"{"minimum_days": 2, "maximum_days": 7, "recommended_days": 3}"#, total: 3, .sequential),
                                          firstStart: Fixture.at(2026, 3, 12, 10), providerName: "Dr. Keller",
                                          schedule: Fixture.weekdays, calendar: Fixture.zurich)
        #expect(preview.sessions.map { Fixture.local($0.start) } == ["2026-03-12 10:00", "2026-03-16 10:00", "2026-03-19 10:00"])
        #expect(preview.sessions[1].moveReason == .outsideWorkingHours(.sunday, "closed"))
        #expect(preview.suggestedNext.map(Fixture.local) == "2026-03-16 10:00")
    }

    @Test func flexibleShowsASampleOfTheSuggestedFrequency() throws {
        let driving = ServiceDefinition(name: "Driving", sessionNoun: "Lesson", totalSessions: 4, strategy: .flexible)
        let preview = ServicePreview.make(definition: driving, rules: try rules(#"{"suggested_frequency": "2 per week"}"#, total: 4, .flexible),
                                          firstStart: Fixture.at(2026, 3, 9, 17), providerName: "Car 1",
                                          schedule: Fixture.weekdays, calendar: Fixture.zurich)
        #expect(preview.frequencyText == "2 per week")
        #expect(preview.sessions.map { Fixture.local($0.start) } == ["2026-03-09 17:00", "2026-03-12 17:00", "2026-03-16 17:00", "2026-03-19 17:00"])
        #expect(preview.lines(calendar: Fixture.zurich)[1] == "At 2 per week, for example:")
    }

    @Test func defaultStartIsTenOnTheNextWorkingDay() {
        let friday = Fixture.at(2026, 3, 13, 16)
        let away = DayOff.absence("Dr. Keller", from: Fixture.day(2026, 3, 16), reason: "course")
        let start = ServicePreview.defaultStart(schedule: ProviderSchedule(daysOff: [away]), durationMinutes: 45, after: friday,
                                                calendar: Fixture.zurich)
        #expect(start.map(Fixture.local) == "2026-03-17 10:00")
        let mornings = ProviderSchedule(hours: try! WorkingHours.parse("Mon-Fri 13:00-18:00"))
        #expect(ServicePreview.defaultStart(schedule: mornings, durationMinutes: 45, after: friday, calendar: Fixture.zurich)
                    .map(Fixture.local) == "2026-03-16 13:00")
    }
}

/// The editor's path: fields as typed → a valid draft → the same preview `service show` prints.
@Suite struct ServicePreviewDraftTests {
    @Test func aDraftTypedInTheEditorPreviewsLikeTheSavedService() throws {
        let fields = ServiceDraft.Fields(name: "Laser Hair Removal", durationMinutes: 45, price: 180, totalSessions: 4, strategy: .immediate,
                                         bufferDays: ["session_1_to_2_days": 28, "session_2_to_3_days": 28, "session_3_to_4_days": 42])
        let draft = try #require(ServiceDraft.validate(fields).draft)
        let preview = ServicePreview.make(draft: draft, firstStart: Fixture.at(2026, 3, 10, 10), providerName: "Dr. Keller",
                                          schedule: Fixture.weekdays, calendar: Fixture.zurich)
        #expect(preview.sessions.map(\.daysAfterPrevious) == [nil, 28, 28, 42])
        #expect(preview.ruleWords == "28 d, 28 d, then 42 d")
        #expect(preview.sessions.allSatisfy { $0.durationMinutes == 45 })
    }
}
