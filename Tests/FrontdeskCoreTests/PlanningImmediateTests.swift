import Foundation
import Testing
@testable import FrontdeskCore

@Suite struct PlanningImmediateTests {
    let cal = Fixture.zurich

    func plan(_ schedule: ProviderSchedule = Fixture.weekdays, gaps: [SessionGap] = Fixture.implantGaps,
              first: Date = Fixture.at(2026, 3, 10, 14), pinned: [Int: Date] = [:], now: Date? = nil,
              service: ServiceDefinition = Fixture.dentalImplant) -> SchedulePlan {
        SchedulePlanner.immediate(service: service, gaps: gaps, firstStart: first, schedule: schedule,
                                  calendar: cal, pinned: pinned, now: now)
    }

    @Test func dentalImplantScenarioOfSpecSeven() {
        let plan = plan()
        #expect(plan.sessions.map(\.start) == [Fixture.at(2026, 3, 10, 14), Fixture.at(2026, 3, 24, 14),
                                               Fixture.at(2026, 4, 23, 14)])
        #expect(plan.sessions.map(\.number) == [1, 2, 3])
        #expect(plan.sessions.map(\.label) == ["Implant placement", "Healing check", "Crown installation"])
        #expect(plan.sessions.map(\.durationMinutes) == [90, 30, 60])
        #expect(plan.sessions[0].end == Fixture.at(2026, 3, 10, 15, 30))
        #expect(plan.fitsAsRequested && plan.isComplete)
        #expect(plan.sessions.allSatisfy { $0.conflict == nil })
        // 14:00 stays 14:00 across the change to summer time on March 29.
        #expect(cal.iso8601(plan.sessions[0].start) == "2026-03-10T14:00:00+01:00")
        #expect(cal.iso8601(plan.sessions[2].start) == "2026-04-23T14:00:00+02:00")
    }

    @Test func aMonthGapGivesApril24() {
        let plan = plan(gaps: [Fixture.fixedGap(.days(14)), Fixture.fixedGap(.months(1))])
        #expect(plan.sessions.map(\.start).last == Fixture.at(2026, 4, 24, 14))
    }

    @Test func busyProviderMovesSessionAndShiftsTheNext() {
        let booked = Fixture.busy(2026, 3, 24, 13, 30, minutes: 90)
        let plan = plan(ProviderSchedule(name: "Dr. Keller", busy: [booked]))
        let second = plan.sessions[1]
        #expect(second.conflict == .overlapsBooking(booked))
        #expect(second.requestedStart == Fixture.at(2026, 3, 24, 14))
        #expect(second.start == Fixture.at(2026, 3, 24, 15))
        #expect(second.isPlaceable && second.wasMoved)
        #expect(plan.sessions[2].requestedStart == Fixture.at(2026, 4, 23, 15))
        #expect(plan.sessions[2].start == Fixture.at(2026, 4, 23, 15))
        #expect(!plan.fitsAsRequested && plan.isComplete)
        #expect(plan.flagged.map(\.number) == [2])
    }

    /// Issue 12 item 8: a session on a closed day keeps its hour on the next open day.
    @Test func closedDayMovesToTheSameTimeOnTheNextOpenDayAndLaterSessionsFollow() {
        let plan = plan(ProviderSchedule(closedDays: [Fixture.day(2026, 3, 24)]))
        #expect(plan.sessions[1].conflict == .closedDay(Fixture.day(2026, 3, 24)))
        #expect(Fixture.local(plan.sessions[1].start) == "2026-03-25 14:00")
        #expect(Fixture.local(plan.sessions[2].start) == "2026-04-24 14:00")
        #expect(plan.isComplete)
    }

    @Test func closedDayWithTheSameTimeTakenNextDayFallsBackToTheFirstFreeSlot() {
        let taken = Fixture.busy(2026, 3, 25, 13, 30, minutes: 60)
        let plan = plan(ProviderSchedule(closedDays: [Fixture.day(2026, 3, 24)], busy: [taken]))
        // 14:00 on the 25th is taken, the 26th at 14:00 is free: same hour beats an odd time.
        #expect(Fixture.local(plan.sessions[1].start) == "2026-03-26 14:00")
    }

    @Test func outsideHoursFirstSessionMovesToTheNextMorning() {
        let plan = plan(first: Fixture.at(2026, 3, 10, 17, 30))
        #expect(plan.sessions[0].conflict == .outsideWorkingHours(.tuesday, "08:00-18:00"))
        #expect(plan.sessions.map { Fixture.local($0.start) } == ["2026-03-11 08:00", "2026-03-25 08:00", "2026-04-24 08:00"])
    }

    @Test func sessionsOfTheSamePlanDoNotOverlap() {
        let sameDay = ServiceDefinition(name: "Laser", totalSessions: 3, strategy: .immediate)
        let gaps = [SessionGap(planned: .zero, minimum: .zero, recommended: .zero)]
        let plan = plan(gaps: gaps, first: Fixture.at(2026, 3, 10, 9), service: sameDay)
        #expect(plan.sessions.map { Fixture.local($0.start) } == ["2026-03-10 09:00", "2026-03-10 10:00", "2026-03-10 11:00"])
        #expect(plan.sessions[1].conflict == .overlapsBooking(plan.sessions[0].interval))
    }

    @Test func unreachableMaximumGapIsNotPlaceable() {
        let service = ServiceDefinition(name: "Physio", totalSessions: 3, strategy: .immediate)
        let gap = SessionGap(planned: .days(3), minimum: .days(2), recommended: .days(3), maximum: .days(3))
        let schedule = ProviderSchedule(closedDays: [Fixture.day(2026, 3, 12), Fixture.day(2026, 3, 13)])
        let plan = plan(schedule, gaps: [gap], first: Fixture.at(2026, 3, 10, 10), service: service)
        #expect(plan.sessions[1].conflict == .gapTooLong(maximum: .days(3)))
        #expect(!plan.sessions[1].isPlaceable)
        #expect(!plan.isComplete)
        #expect(plan.sessions[1].start == Fixture.at(2026, 3, 13, 10))
        // Later sessions still get a proposal, planned from where session 2 was asked for.
        #expect(plan.sessions[2].start == Fixture.at(2026, 3, 16, 10))
        #expect(plan.sessions[2].isPlaceable)
    }

    @Test func blockedRequestedDayFallsBackToEarlierDayInsideTheWindow() {
        let service = ServiceDefinition(name: "Physio", totalSessions: 2, strategy: .immediate)
        let gap = SessionGap(planned: .days(3), minimum: .days(2), recommended: .days(3), maximum: .days(3))
        let plan = plan(ProviderSchedule(closedDays: [Fixture.day(2026, 3, 13)]), gaps: [gap],
                        first: Fixture.at(2026, 3, 10, 10), service: service)
        #expect(plan.sessions[1].conflict == .closedDay(Fixture.day(2026, 3, 13)))
        #expect(plan.sessions[1].start == Fixture.at(2026, 3, 12, 8))
        #expect(plan.isComplete)
    }

    @Test func pinnedSessionIsKeptAndTheRestReplanned() {
        let plan = plan(pinned: [2: Fixture.at(2026, 3, 31, 10)])
        #expect(plan.sessions[1].start == Fixture.at(2026, 3, 31, 10))
        #expect(plan.sessions[1].isPinned && plan.sessions[1].conflict == nil)
        #expect(plan.sessions[2].start == Fixture.at(2026, 4, 30, 10))
        #expect(plan.isComplete)
    }

    /// Issue 12 item 4: a date typed by hand closer than the minimum gap is refused, not booked.
    @Test func pinnedSessionBreakingTheMinimumGapIsKeptButCannotBeBooked() {
        let plan = plan(pinned: [2: Fixture.at(2026, 3, 23, 10)])
        #expect(plan.sessions[1].start == Fixture.at(2026, 3, 23, 10))
        #expect(plan.sessions[1].conflict == .gapTooShort(minimum: .days(14)))
        #expect(!plan.sessions[1].isPlaceable && !plan.isComplete)
        guard case .tooSoon(let breach)? = plan.sessions[1].problems.first else {
            Issue.record("expected a too-soon finding, got \(plan.sessions[1].problems)")
            return
        }
        #expect(breach.neighbour == 1 && breach.boundary == Fixture.day(2026, 3, 24) && breach.days == 1)
        #expect(plan.sessions[2].start == Fixture.at(2026, 4, 22, 10))
    }

    @Test func pinnedSessionBeyondTheMaximumIsBookableWithAWarningThatStands() {
        let gaps = [SessionGap(planned: .days(3), minimum: .days(2), recommended: .days(3), maximum: .days(7))]
        let plan = plan(gaps: gaps, first: Fixture.at(2026, 3, 10, 10), pinned: [2: Fixture.at(2026, 3, 20, 10)],
                        service: ServiceDefinition(name: "Physio", totalSessions: 2, strategy: .immediate))
        #expect(plan.sessions[1].isPlaceable && plan.isComplete)
        #expect(plan.sessions[1].warnings.count == 1)
        guard case .tooLate(let breach)? = plan.findings.first?.problem else {
            Issue.record("expected a too-late finding, got \(plan.findings)")
            return
        }
        #expect(breach.days == 3 && breach.limit == .days(7))
    }

    @Test func pinnedSessionOnABookingCannotBeBooked() {
        let booked = Fixture.busy(2026, 3, 31, 9, minutes: 120)
        let plan = plan(ProviderSchedule(busy: [booked]), pinned: [2: Fixture.at(2026, 3, 31, 10)])
        #expect(plan.sessions[1].conflict == .overlapsBooking(booked))
        #expect(plan.sessions[1].start == Fixture.at(2026, 3, 31, 10))
        #expect(!plan.sessions[1].isPlaceable && !plan.isComplete)
    }

    @Test func earlierSessionsAreNotMovedOntoAPinnedOne() {
        let service = ServiceDefinition(name: "Check", defaultDurationMinutes: 30, totalSessions: 3, strategy: .immediate)
        let gaps = [SessionGap(planned: .zero, minimum: .zero, recommended: .zero)]
        let booked = Fixture.busy(2026, 3, 10, 9, 30, minutes: 30)
        let plan = plan(ProviderSchedule(busy: [booked]), gaps: gaps, first: Fixture.at(2026, 3, 10, 9),
                        pinned: [3: Fixture.at(2026, 3, 10, 10)], service: service)
        // 09:00 is session 1, 09:30 is booked, 10:00 is pinned session 3: session 2 goes to 10:30.
        #expect(plan.sessions[1].start == Fixture.at(2026, 3, 10, 10, 30))
        #expect(plan.sessions[2].start == Fixture.at(2026, 3, 10, 10))
        #expect(plan.sessions[2].conflict == .gapTooShort(minimum: .zero))
    }

    @Test func pastStartIsFlaggedAndMovedToNow() {
        let plan = plan(now: Fixture.at(2026, 3, 10, 14, 50))
        #expect(plan.sessions[0].conflict == .inThePast)
        #expect(plan.sessions[0].start == Fixture.at(2026, 3, 10, 15))
        #expect(plan.sessions[1].start == Fixture.at(2026, 3, 24, 15))
    }

    @Test func checkGapIsCalendarDayBased() {
        let gap = Fixture.physioGap
        let wednesday = Fixture.at(2026, 3, 11, 16)
        #expect(SchedulePlanner.checkGap(previous: wednesday, next: Fixture.at(2026, 3, 13, 8), gap: gap, calendar: cal) == nil)
        #expect(SchedulePlanner.checkGap(previous: wednesday, next: Fixture.at(2026, 3, 12, 17), gap: gap, calendar: cal)
                == .gapTooShort(minimum: .days(2)))
        #expect(SchedulePlanner.checkGap(previous: wednesday, next: Fixture.at(2026, 3, 18, 17), gap: gap, calendar: cal) == nil)
        #expect(SchedulePlanner.checkGap(previous: wednesday, next: Fixture.at(2026, 3, 19, 8), gap: gap, calendar: cal)
                == .gapTooLong(maximum: .days(7)))
    }

    @Test func fiftySessionsAgainstFiveThousandBookingsMakeAValidPlan() {
        // Deterministic pseudo-random bookings: 5,000 over the working days from March 2026 on.
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var busy: [DateInterval] = []
        var day = Fixture.day(2026, 3, 2)
        while busy.count < 5_000 {
            if day.weekday.rawValue <= 5 {
                for _ in 0..<8 where busy.count < 5_000 {
                    let start = cal.date(day, minuteOfDay: 8 * 60 + next(40) * 15)!
                    busy.append(DateInterval(start: start, duration: Double(15 * (1 + next(8))) * 60))
                }
            }
            day = day.adding(days: 1)
        }
        let schedule = ProviderSchedule(busy: busy)
        let service = ServiceDefinition(name: "Long course", defaultDurationMinutes: 45, totalSessions: 50,
                                        strategy: .immediate)
        let gap = SessionGap(planned: .days(7), minimum: .days(5), recommended: .days(7), maximum: .days(10))
        let plan = SchedulePlanner.immediate(service: service, gaps: [gap], firstStart: Fixture.at(2026, 3, 10, 14),
                                             schedule: schedule, calendar: cal)
        #expect(plan.sessions.count == 50)
        #expect(plan.isComplete)
        for (index, session) in plan.sessions.enumerated() {
            #expect(schedule.conflict(start: session.start, durationMinutes: 45, calendar: cal) == nil)
            if index > 0 {
                #expect(SchedulePlanner.checkGap(previous: plan.sessions[index - 1].start, next: session.start,
                                                 gap: gap, calendar: cal) == nil)
                #expect(plan.sessions[index - 1].end <= session.start)
            }
        }
    }
}
