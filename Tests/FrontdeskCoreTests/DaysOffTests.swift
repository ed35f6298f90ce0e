import Foundation
@testable import FrontdeskCore
import Testing

/// Provider absences and clinic closed days: refused with their reason, skipped by every planner.
@Suite struct DaysOffTests {
    let holiday = DayOff.absence("Dr Keller", from: Fixture.day(2026, 7, 20), to: Fixture.day(2026, 8, 2), reason: "holiday")
    let christmas = DayOff.clinicClosed(Fixture.day(2026, 12, 25), reason: "Christmas")

    @Test func anAbsenceIsRefusedWithItsReason() {
        let schedule = ProviderSchedule(name: "Dr Keller", daysOff: [holiday])
        let conflict = schedule.conflict(start: Fixture.at(2026, 7, 21, 10), durationMinutes: 45, calendar: Fixture.zurich)
        #expect(conflict == .dayOff(holiday))
        #expect(conflict?.message(provider: "Dr Keller", calendar: Fixture.zurich)
                == "Dr Keller is away 20 Jul–2 Aug (holiday). Pick another day.")
        #expect(schedule.conflict(start: Fixture.at(2026, 8, 3, 10), durationMinutes: 45, calendar: Fixture.zurich) == nil)
        #expect(schedule.conflict(start: Fixture.at(2026, 7, 17, 10), durationMinutes: 45, calendar: Fixture.zurich) == nil)
    }

    @Test func aClinicClosedDayIsRefusedWithItsReason() {
        let schedule = ProviderSchedule(name: "Dr Keller", daysOff: [christmas])
        let conflict = schedule.conflict(start: Fixture.at(2026, 12, 25, 10), durationMinutes: 30, calendar: Fixture.zurich)
        #expect(conflict?.message(provider: "Dr Keller", calendar: Fixture.zurich)
                == "The clinic is closed on Fri 25 Dec (Christmas). Pick another day.")
        #expect(conflict?.shortLabel == "clinic closed")
    }

    @Test func wordingOfSingleDaysAndRangesAcrossTheYear() {
        #expect(DayOff.absence("Ana", from: Fixture.day(2026, 3, 11), reason: "training").message == "Ana is away on Wed 11 Mar (training)")
        #expect(DayOff.absence("Ana", from: Fixture.day(2026, 12, 28), to: Fixture.day(2027, 1, 3)).message
                == "Ana is away 28 Dec 2026–3 Jan 2027")
    }

    @Test func theClinicClosureWinsWhereBothCoverADay() {
        let inside = DayOff.clinicClosed(Fixture.day(2026, 7, 22), reason: "Town fair")
        let schedule = ProviderSchedule(daysOff: [holiday, inside])
        #expect(schedule.conflict(start: Fixture.at(2026, 7, 22, 10), durationMinutes: 30, calendar: Fixture.zurich) == .dayOff(inside))
    }

    @Test func immediatePlansMovePastAnAbsenceLikeAClosedWeekday() {
        // Session 2 would fall on Tue 24 Mar, inside the absence: it moves to the first day after it.
        let away = DayOff.absence("Dr. Keller", from: Fixture.day(2026, 3, 23), to: Fixture.day(2026, 3, 27), reason: "course")
        let schedule = ProviderSchedule(name: "Dr. Keller", daysOff: [away])
        let gaps = [SessionGap(planned: .days(14), minimum: .days(14), recommended: .days(14)), Fixture.fixedGap(.days(30))]
        let plan = SchedulePlanner.immediate(service: Fixture.dentalImplant, gaps: gaps, firstStart: Fixture.at(2026, 3, 10, 14),
                                             schedule: schedule, calendar: Fixture.zurich)
        #expect(plan.sessions[1].conflict == .dayOff(away))
        #expect(Fixture.local(plan.sessions[1].start) == "2026-03-30 08:00")
        #expect(Fixture.local(plan.sessions[2].requestedStart) == "2026-04-29 08:00")
    }

    /// Property: whatever the absences and closed days, no session an immediate plan places falls on one.
    @Test func noPlannedSessionLandsOnADayOff() {
        var random = SeededRandom(seed: 9)
        for _ in 0..<200 {
            var offs: [DayOff] = []
            for _ in 0..<Int(random.next() % 4) {
                let start = Fixture.day(2026, 3, 1).adding(days: Int(random.next() % 120))
                offs.append(.absence("P", from: start, to: start.adding(days: Int(random.next() % 10))))
            }
            for _ in 0..<Int(random.next() % 4) {
                offs.append(.clinicClosed(Fixture.day(2026, 3, 1).adding(days: Int(random.next() % 120))))
            }
            let schedule = ProviderSchedule(name: "P", daysOff: offs)
            let gap = Int(random.next() % 20) + 1
            let service = ServiceDefinition(name: "S", totalSessions: 5, strategy: .immediate)
            let plan = SchedulePlanner.immediate(service: service, gaps: [Fixture.fixedGap(.days(gap))],
                                                 firstStart: Fixture.at(2026, 3, 2, 9), schedule: schedule, calendar: Fixture.zurich)
            for session in plan.sessions where session.isPlaceable {
                let day = Fixture.zurich.localDay(of: session.start)
                #expect(!offs.contains { $0.contains(day) }, "session \(session.number) on \(day)")
            }
        }
    }

    @Test func earliestFitSkipsDaysOff() {
        let schedule = ProviderSchedule(daysOff: [holiday])
        let found = schedule.earliestFit(notBefore: Fixture.at(2026, 7, 20, 9), durationMinutes: 60, notAfter: nil, calendar: Fixture.zurich)
        #expect(found.map(Fixture.local) == "2026-08-03 08:00")
    }
}
