import Foundation
import Testing
@testable import FrontdeskCore

@Suite struct PlanningSequentialFlexibleTests {
    let cal = Fixture.zurich
    let mondayToSaturday = ProviderSchedule(hours: try! WorkingHours.parse("Mon-Sat 08:00-18:00"))

    @Test func physioWindowAfterAWednesday() {
        let window = SchedulePlanner.sequentialWindow(after: Fixture.at(2026, 3, 11, 10), gap: Fixture.physioGap, calendar: cal)
        #expect(window.earliest == Fixture.at(2026, 3, 13, 10))
        #expect(window.recommended == Fixture.at(2026, 3, 14, 10))
        #expect(window.latest == Fixture.at(2026, 3, 18, 10))
        let open = SessionGap(planned: .days(2), minimum: .days(2), recommended: .days(2))
        #expect(SchedulePlanner.sequentialWindow(after: Fixture.at(2026, 3, 11, 10), gap: open, calendar: cal).latest == nil)
    }

    @Test func suggestsTheRecommendedDayAtTheSameTime() {
        let window = SchedulePlanner.sequentialWindow(after: Fixture.at(2026, 3, 11, 10), gap: Fixture.physioGap, calendar: cal)
        #expect(SchedulePlanner.suggestNext(window: window, schedule: mondayToSaturday, durationMinutes: 45,
                                            calendar: cal, now: Fixture.at(2026, 3, 11, 11)) == Fixture.at(2026, 3, 14, 10))
        // Saturday is not worked: the same time on Monday.
        #expect(SchedulePlanner.suggestNext(window: window, schedule: Fixture.weekdays, durationMinutes: 45,
                                            calendar: cal, now: Fixture.at(2026, 3, 11, 11)) == Fixture.at(2026, 3, 16, 10))
    }

    @Test func suggestNextSkipsABusySlot() {
        let window = SchedulePlanner.sequentialWindow(after: Fixture.at(2026, 3, 11, 10), gap: Fixture.physioGap, calendar: cal)
        let schedule = mondayToSaturday.adding(busy: Fixture.busy(2026, 3, 14, 9, 30, minutes: 60))
        #expect(SchedulePlanner.suggestNext(window: window, schedule: schedule, durationMinutes: 45,
                                            calendar: cal, now: Fixture.at(2026, 3, 11, 11)) == Fixture.at(2026, 3, 14, 10, 30))
    }

    @Test func suggestNextNeverBeforeNowAndFallsBackInsideTheWindow() {
        let window = SchedulePlanner.sequentialWindow(after: Fixture.at(2026, 3, 11, 10), gap: Fixture.physioGap, calendar: cal)
        // Completed late: now is Monday 16 at 12:07, past the recommended Saturday: the next quarter hour today.
        #expect(SchedulePlanner.suggestNext(window: window, schedule: mondayToSaturday, durationMinutes: 45,
                                            calendar: cal, now: Fixture.at(2026, 3, 16, 12, 7)) == Fixture.at(2026, 3, 16, 12, 15))
        // Everything from the recommended day to the end of the window is closed: Friday 13 (earliest) remains.
        let closed = ProviderSchedule(hours: mondayToSaturday.hours,
                                      closedDays: Set((14...18).map { Fixture.day(2026, 3, $0) }))
        #expect(SchedulePlanner.suggestNext(window: window, schedule: closed, durationMinutes: 45,
                                            calendar: cal, now: Fixture.at(2026, 3, 11, 11)) == Fixture.at(2026, 3, 13, 10))
        // Nothing inside the window at all: the first free day after it.
        let allClosed = ProviderSchedule(hours: mondayToSaturday.hours,
                                         closedDays: Set((12...18).map { Fixture.day(2026, 3, $0) }))
        #expect(SchedulePlanner.suggestNext(window: window, schedule: allClosed, durationMinutes: 45,
                                            calendar: cal, now: Fixture.at(2026, 3, 11, 11)) == Fixture.at(2026, 3, 19, 10))
    }

    @Test func flexiblePatternFromASunday() throws {
        let pattern = try WeeklyPattern.parse("Mon Wed Fri 17:00")
        let slots = SchedulePlanner.flexibleSlots(pattern: pattern, count: 3, from: Fixture.at(2026, 3, 1, 9), after: nil,
                                                  minimumGap: .zero, schedule: Fixture.weekdays, durationMinutes: 60,
                                                  calendar: cal)
        #expect(slots == [Fixture.at(2026, 3, 2, 17), Fixture.at(2026, 3, 4, 17), Fixture.at(2026, 3, 6, 17)])
    }

    @Test func flexiblePatternKeepsTheMinimumGap() throws {
        let everyDay = try WeeklyPattern.parse("Mon-Fri 17:00")
        func slots(_ minimum: Int, after last: Date? = nil) -> [String] {
            SchedulePlanner.flexibleSlots(pattern: everyDay, count: 3, from: Fixture.at(2026, 3, 1, 9), after: last,
                                          minimumGap: .days(minimum), schedule: Fixture.weekdays, durationMinutes: 60,
                                          calendar: cal).map(Fixture.local)
        }
        #expect(slots(2) == ["2026-03-02 17:00", "2026-03-04 17:00", "2026-03-06 17:00"])
        #expect(slots(3) == ["2026-03-02 17:00", "2026-03-05 17:00", "2026-03-09 17:00"])
        #expect(slots(2, after: Fixture.at(2026, 3, 2, 17)) == ["2026-03-04 17:00", "2026-03-06 17:00", "2026-03-09 17:00"])
    }

    @Test func flexiblePatternSkipsBusySlots() throws {
        let pattern = try WeeklyPattern.parse("Mon Wed Fri 17:00")
        let schedule = Fixture.weekdays.adding(busy: Fixture.busy(2026, 3, 4, 16, 30, minutes: 60))
        let slots = SchedulePlanner.flexibleSlots(pattern: pattern, count: 3, from: Fixture.at(2026, 3, 1, 9), after: nil,
                                                  minimumGap: .zero, schedule: schedule, durationMinutes: 60,
                                                  calendar: cal)
        #expect(slots.map(Fixture.local) == ["2026-03-02 17:00", "2026-03-06 17:00", "2026-03-09 17:00"])
    }

    @Test func guidePatternWithSaturdays() throws {
        let pattern = try WeeklyPattern.parse("Mon Wed 6pm; Sat 10am")
        let slots = SchedulePlanner.flexibleSlots(pattern: pattern, count: 5, from: Fixture.at(2026, 3, 1, 9), after: nil,
                                                  minimumGap: .zero,
                                                  schedule: ProviderSchedule(hours: try WorkingHours.parse("Mon-Fri 08:00-20:00; Sat 09:00-13:00")),
                                                  durationMinutes: 60, calendar: cal)
        #expect(slots.map(Fixture.local) == ["2026-03-02 18:00", "2026-03-04 18:00", "2026-03-07 10:00",
                                             "2026-03-09 18:00", "2026-03-11 18:00"])
    }

    @Test func frequencySpreadsOverTheWeek() {
        func slots(_ perWeek: Int, count: Int = 4, schedule: ProviderSchedule = Fixture.weekdays) -> [String] {
            SchedulePlanner.frequencySlots(perWeek: perWeek, count: count, preferredMinuteOfDay: 17 * 60,
                                           from: Fixture.at(2026, 3, 1, 9), after: nil, minimumGap: .zero,
                                           schedule: schedule, durationMinutes: 60, calendar: cal).map(Fixture.local)
        }
        #expect(slots(2) == ["2026-03-02 17:00", "2026-03-05 17:00", "2026-03-09 17:00", "2026-03-12 17:00"])
        #expect(slots(3) == ["2026-03-02 17:00", "2026-03-04 17:00", "2026-03-06 17:00", "2026-03-09 17:00"])
        #expect(slots(1, count: 2) == ["2026-03-02 17:00", "2026-03-09 17:00"])
        // Thursday 17:00 is taken: the same day is no longer possible (17:00–18:00 is the last hour), so Friday.
        let busy = Fixture.weekdays.adding(busy: Fixture.busy(2026, 3, 5, 17, minutes: 60))
        #expect(slots(2, count: 3, schedule: busy) == ["2026-03-02 17:00", "2026-03-06 17:00", "2026-03-09 17:00"])
    }
}
