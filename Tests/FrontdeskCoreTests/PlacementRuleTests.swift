import Foundation
import Testing
@testable import FrontdeskCore

/// The one placement rule (issue 12 items 4, 5, 6, 8, 10, 11) and session numbering as pure functions.
@Suite struct PlacementRuleTests {
    let cal = Fixture.zurich
    let now = Fixture.at(2026, 3, 1, 9)

    func rule(_ strategy: Strategy, _ gaps: [SessionGap], horizon: Int? = PlacementRule.defaultHorizonDays) -> PlacementRule {
        PlacementRule(strategy: strategy, gaps: gaps, horizonDays: horizon, calendar: cal, now: now)
    }

    func session(_ number: Int, _ date: Date, id: Int64? = nil, status: BookingStatus = .confirmed) -> TimelineSession {
        TimelineSession(id: id ?? Int64(number), number: number, start: date, durationMinutes: 60, status: status)
    }

    @Test func sequentialBelowTheMinimumIsRefusedBeyondTheMaximumNeedsConfirmationWithTheDaysOver() {
        let physio = rule(.sequential, [Fixture.physioGap])
        let first = session(1, Fixture.at(2026, 3, 10, 10), status: .completed)
        let tooSoon = physio.check([TimelineSession(number: 2, start: Fixture.at(2026, 3, 11, 10), durationMinutes: 45)],
                                   others: [first], availability: Fixture.weekdays)
        guard case .tooSoon(let soon)? = tooSoon.first?.problem else { Issue.record("\(tooSoon)"); return }
        #expect(soon.boundary == Fixture.day(2026, 3, 12) && soon.days == 1 && soon.limit == .days(2))
        #expect(tooSoon.refusals.count == 1)

        let late = physio.check([TimelineSession(number: 2, start: Fixture.at(2026, 3, 25, 10), durationMinutes: 45)],
                                others: [first], availability: Fixture.weekdays)
        guard case .tooLate(let over)? = late.first?.problem else { Issue.record("\(late)"); return }
        #expect(over.days == 8 && over.boundary == Fixture.day(2026, 3, 17))
        #expect(late.refusals.isEmpty && late.warnings.count == 1)

        let inside = physio.check([TimelineSession(number: 2, start: Fixture.at(2026, 3, 13, 10), durationMinutes: 45)],
                                  others: [first], availability: Fixture.weekdays)
        #expect(inside.isEmpty)
    }

    @Test func availabilityIsAnInputValueClosedDaysHoursAndBookingsAllCount() {
        let single = rule(.flexible, [])
        let closed = ProviderSchedule(closedDays: [Fixture.day(2026, 3, 10)])
        let one = TimelineSession(number: 1, start: Fixture.at(2026, 3, 10, 10), durationMinutes: 60)
        #expect(single.check([one], availability: closed).map(\.problem) == [.unavailable(.closedDay(Fixture.day(2026, 3, 10)))])
        let evening = TimelineSession(number: 1, start: Fixture.at(2026, 3, 10, 19), durationMinutes: 60)
        guard case .unavailable(.outsideWorkingHours)? = single.check([evening], availability: Fixture.weekdays).first?.problem
        else { Issue.record("evening should be outside hours"); return }
        let busy = Fixture.weekdays.adding(busy: Fixture.busy(2026, 3, 10, 9, 30, minutes: 60))
        #expect(single.check([one], availability: busy).map(\.problem) == [.unavailable(.overlapsBooking(Fixture.busy(2026, 3, 10, 9, 30, minutes: 60)))])
        // Two new sessions of one request may not overlap each other either.
        let twice = single.check([one, TimelineSession(number: 2, start: Fixture.at(2026, 3, 10, 10, 30), durationMinutes: 60)],
                                 availability: Fixture.weekdays)
        #expect(twice.count == 1 && twice[0].number == 2)
    }

    @Test func pastAndBeyondTheHorizonAreRefusedNamingTheHorizon() {
        let single = rule(.flexible, [], horizon: 730)
        let past = TimelineSession(number: 1, start: Fixture.at(2026, 2, 27, 10), durationMinutes: 60)
        #expect(single.check([past], availability: Fixture.weekdays).first?.problem == .inThePast(start: past.start))
        let far = TimelineSession(number: 1, start: Fixture.at(2028, 3, 2, 10), durationMinutes: 60)
        #expect(single.check([far], availability: Fixture.weekdays).map(\.problem)
            == [.beyondHorizon(start: far.start, horizonDays: 730, lastDay: Fixture.day(2028, 2, 29))])
        let last = TimelineSession(number: 1, start: Fixture.at(2028, 2, 29, 10), durationMinutes: 60)
        #expect(single.check([last], availability: Fixture.weekdays).isEmpty)
    }

    /// Issue 12 item 6: flexible lessons are spaced by their neighbours in time, not by number.
    @Test func flexibleGapsAreCheckedBetweenNeighboursInTime() {
        let gap = SessionGap(planned: .days(1), minimum: .days(1), recommended: .days(2))
        let driving = rule(.flexible, [gap])
        let lessons = [session(1, Fixture.at(2026, 3, 2, 17), status: .completed), session(2, Fixture.at(2026, 3, 4, 17)),
                       session(3, Fixture.at(2026, 3, 6, 17))]
        // Lesson 2 moves past lesson 3: allowed, they are a day apart in their new order.
        let moved = TimelineSession(id: 2, number: 2, start: Fixture.at(2026, 3, 9, 17), durationMinutes: 60)
        #expect(driving.check([moved], others: lessons, availability: Fixture.weekdays).isEmpty)
        // The same move by number order (a sequential plan) is refused as too soon... before session 3.
        let sequential = rule(.sequential, [gap]).check([moved], others: lessons, availability: Fixture.weekdays)
        guard case .tooSoon(let breach)? = sequential.first?.problem else { Issue.record("\(sequential)"); return }
        #expect(breach.neighbour == 3 && breach.neighbourIsLater)
        // Flexible still keeps the minimum between neighbours: the same day as lesson 3 is too soon.
        let sameDay = TimelineSession(id: 2, number: 2, start: Fixture.at(2026, 3, 6, 10), durationMinutes: 60)
        #expect(driving.check([sameDay], others: lessons, availability: Fixture.weekdays).count == 1)
    }

    @Test func upcomingFlexibleLessonsAreRenumberedByDateCompletedOnesKeepTheirNumbers() {
        let lessons = [session(1, Fixture.at(2026, 3, 2, 17), status: .completed), session(2, Fixture.at(2026, 3, 9, 17)),
                       session(3, Fixture.at(2026, 3, 6, 17)), session(4, Fixture.at(2026, 3, 7, 17)),
                       session(5, Fixture.at(2026, 3, 1, 8), status: .cancelled)]
        #expect(SessionNumbering.byDate(lessons) == [3: 2, 4: 3, 2: 4])
        #expect(SessionNumbering.byDate(Array(lessons.prefix(1))) == [:])
    }

    @Test func newSessionsTakeTheLowestFreeNumbersACancelledOneFreesItsNumber() {
        let sessions = [session(1, now, status: .completed), session(2, now, status: .cancelled), session(3, now)]
        #expect(SessionNumbering.next(count: 2, totalSessions: 5, sessions: sessions) == [2, 4])
        #expect(SessionNumbering.next(count: 4, totalSessions: 5, sessions: sessions) == nil)
        #expect(SessionNumbering.freeNumbers(totalSessions: 3, sessions: sessions) == [2])
    }

    /// Issue 12 item 8: shifting later sessions proposes the next open day at the same time, gaps kept.
    @Test func shiftLaterMovesAClosedDaySessionToTheNextOpenDayAtTheSameTimeKeepingLaterGaps() {
        let gaps = [Fixture.fixedGap(.days(7)), Fixture.fixedGap(.days(7))]
        let plan = rule(.immediate, gaps)
        let sessions = [session(1, Fixture.at(2026, 3, 9, 10)), session(2, Fixture.at(2026, 3, 16, 10)),
                        session(3, Fixture.at(2026, 3, 23, 10))]
        // Moving session 1 by one day puts session 2 on Tue 17 Mar, the dentist's day off.
        let schedule = ProviderSchedule(closedDays: [Fixture.day(2026, 3, 17)])
        let shift = plan.shiftLater(moving: sessions[0], to: Fixture.at(2026, 3, 10, 10), later: Array(sessions.dropFirst()),
                                    availability: schedule)
        #expect(shift.sessions.map { Fixture.local($0.to) } == ["2026-03-10 10:00", "2026-03-18 10:00", "2026-03-25 10:00"])
        #expect(shift.isAdjusted)
        #expect(shift.sessions[1].sameShift == Fixture.at(2026, 3, 17, 10))
        #expect(shift.sessions[1].reason == .closedDay(Fixture.day(2026, 3, 17)))
        #expect(shift.findings.isEmpty)
        // Without the closed day everything moves by the same amount.
        let plain = plan.shiftLater(moving: sessions[0], to: Fixture.at(2026, 3, 10, 10), later: Array(sessions.dropFirst()),
                                    availability: Fixture.weekdays)
        #expect(!plain.isAdjusted && plain.sessions.map { Fixture.local($0.to) } == ["2026-03-10 10:00", "2026-03-17 10:00", "2026-03-24 10:00"])
    }

    /// Issue 12 item 10: a plan landing in the spring gap says so and takes the time typed input suggests.
    @Test func aPlanOnATimeSkippedByDaylightSavingSaysSoAndResolvesForward() {
        let open = ProviderSchedule(hours: try! WorkingHours.parse("Mon-Sun 00:00-23:59"))
        let service = ServiceDefinition(name: "Night check", defaultDurationMinutes: 30, totalSessions: 2, strategy: .immediate)
        // Sat 28 Mar 02:30 + 1 day = Sun 29 Mar 02:30, which Zurich skips.
        let plan = SchedulePlanner.immediate(service: service, gaps: [Fixture.fixedGap(.days(1))], firstStart: Fixture.at(2026, 3, 28, 2, 30),
                                             schedule: open, calendar: cal, now: now)
        #expect(plan.sessions[1].clockChange == .skipped(day: Fixture.day(2026, 3, 29), minuteOfDay: 150, jumpFrom: 120, jumpTo: 180))
        #expect(Fixture.local(plan.sessions[1].start) == "2026-03-29 03:30")
        #expect(plan.sessions[1].clockChange?.resolvedMinuteOfDay == 210)
        #expect(plan.sessions[0].clockChange == nil)
        // The autumn change repeats 02:30: said as well.
        let autumn = SchedulePlanner.immediate(service: service, gaps: [Fixture.fixedGap(.days(1))], firstStart: Fixture.at(2026, 10, 24, 2, 30),
                                               schedule: open, calendar: cal, now: now)
        #expect(autumn.sessions[1].clockChange == .repeated(day: Fixture.day(2026, 10, 25), minuteOfDay: 150, backFrom: 180, backTo: 120))
    }

    /// Issue 12 item 7: relative dates count from the session being moved, at its time.
    @Test func relativeDatesCountFromTheAnchorAtItsTime() throws {
        let parser = DateInputParser(calendar: cal, now: Fixture.at(2026, 12, 8, 18))
        let session = Fixture.at(2026, 12, 8, 8, 45)
        #expect(try parser.parse("+2w", offsetsFrom: session) == Fixture.at(2026, 12, 22, 8, 45))
        #expect(try parser.parse("-3d", offsetsFrom: session) == Fixture.at(2026, 12, 5, 8, 45))
        #expect(try parser.parse("+1d 10:00", offsetsFrom: session) == Fixture.at(2026, 12, 9, 10))
        #expect(try parser.parse("+2w") == Fixture.at(2026, 12, 22, 18))
        // Absolute forms ignore the anchor.
        #expect(try parser.parse("2026-12-20 09:00", offsetsFrom: session) == Fixture.at(2026, 12, 20, 9))
    }

    /// Issue 12 item 11: year 0 is out of range, not a daylight-saving gap.
    @Test func yearZeroIsOutOfRangeNotADaylightSavingGap() {
        let parser = DateInputParser(calendar: cal, now: now)
        #expect(throws: DateInputError.yearOutOfRange(0)) { try parser.parse("0000-03-10 14:00") }
        #expect(throws: DateInputError.yearOutOfRange(0)) { try parser.parseDay("0000-03-10") }
        #expect((try? parser.parse("9999-03-10 14:00")) != nil) // the booking horizon refuses it, naming itself
    }
}
