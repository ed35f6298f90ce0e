import Foundation
import Testing
@testable import FrontdeskCore

@Suite struct AvailabilityScheduleTests {
    let cal = Fixture.zurich

    @Test func fitsInsideHoursAndTouchingBookings() {
        let schedule = ProviderSchedule(busy: [Fixture.busy(2026, 3, 10, 12, minutes: 120)])
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 14), durationMinutes: 90, calendar: cal) == nil)
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 10), durationMinutes: 120, calendar: cal) == nil)
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 17), durationMinutes: 60, calendar: cal) == nil)
    }

    @Test func reportsEachKindOfConflict() {
        let booked = Fixture.busy(2026, 3, 10, 14, minutes: 90)
        let schedule = ProviderSchedule(name: "Dr. Keller", closedDays: [Fixture.day(2026, 3, 11)], busy: [booked])
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 15), durationMinutes: 30, calendar: cal)
                == .overlapsBooking(booked))
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 13, 30), durationMinutes: 60, calendar: cal)
                == .overlapsBooking(booked))
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 11, 10), durationMinutes: 30, calendar: cal)
                == .closedDay(Fixture.day(2026, 3, 11)))
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 17, 30), durationMinutes: 60, calendar: cal)
                == .outsideWorkingHours(.tuesday, "08:00-18:00"))
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 15, 10), durationMinutes: 30, calendar: cal)
                == .outsideWorkingHours(.sunday, "closed"))
    }

    @Test func sessionMustFitInOneRangeOfSplitHours() throws {
        let schedule = ProviderSchedule(hours: try WorkingHours.parse("Mon-Fri 09:00-12:00 13:00-17:00"))
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 11, 30), durationMinutes: 60, calendar: cal)
                == .outsideWorkingHours(.tuesday, "09:00-12:00 13:00-17:00"))
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 11), durationMinutes: 60, calendar: cal) == nil)
    }

    @Test func aSessionMovedOffADayOffSaysWhyWithoutAdvice() throws {
        let schedule = ProviderSchedule(name: "Sara Rossi", hours: try WorkingHours.parse("Mon-Fri 09:00-17:00"))
        let saturday = try #require(schedule.conflict(start: Fixture.at(2026, 3, 14, 10), durationMinutes: 45, calendar: cal))
        #expect(saturday.shortLabel == "day off")
        #expect(saturday.reason(provider: "Sara Rossi", calendar: cal) == "Sara Rossi does not work on Saturdays")
        let evening = try #require(schedule.conflict(start: Fixture.at(2026, 3, 13, 18), durationMinutes: 45, calendar: cal))
        #expect(evening.shortLabel == "outside hours")
        #expect(!evening.reason(provider: "Sara Rossi", calendar: cal).contains("Pick"))
    }

    @Test func messagesSpeakToReceptionists() {
        let booked = Fixture.busy(2026, 3, 24, 14, minutes: 90)
        #expect(SlotConflict.overlapsBooking(booked).message(provider: "Dr. Keller", calendar: cal)
                == "Dr. Keller is booked Tue 24 Mar 14:00–15:30. Pick a free time.")
        #expect(SlotConflict.closedDay(Fixture.day(2026, 4, 6)).message(provider: "Dr. Keller", calendar: cal)
                == "Dr. Keller is not working on Mon 6 Apr 2026. Pick another day.")
        #expect(SlotConflict.gapTooShort(minimum: .days(14)).message(provider: "Dr. Keller", calendar: cal)
                .contains("at least 14 days apart"))
        #expect(SlotConflict.gapTooLong(maximum: .days(7)).message(provider: "x", calendar: cal).contains("at most 7 days"))
        #expect(SlotConflict.outsideWorkingHours(.saturday, "09:00-13:00").message(provider: "Room 2", calendar: cal)
                == "Outside Room 2's hours on Saturdays (09:00-13:00). Pick a time within them.")
    }

    @Test func earliestFitTriesTheTimeItselfThenTheGridPastBookings() {
        let schedule = ProviderSchedule(busy: [Fixture.busy(2026, 3, 24, 14, minutes: 90),
                                               Fixture.busy(2026, 3, 24, 15, 30, minutes: 20)])
        #expect(schedule.earliestFit(notBefore: Fixture.at(2026, 3, 24, 13, 7), durationMinutes: 30,
                                     notAfter: nil, calendar: cal) == Fixture.at(2026, 3, 24, 13, 7))
        // 14:00–15:30 and 15:30–15:50 are taken: the next quarter hour after both is 16:00.
        #expect(schedule.earliestFit(notBefore: Fixture.at(2026, 3, 24, 14), durationMinutes: 30,
                                     notAfter: nil, calendar: cal) == Fixture.at(2026, 3, 24, 16))
        // Too long for the rest of the day: next working day at opening.
        #expect(schedule.earliestFit(notBefore: Fixture.at(2026, 3, 24, 14), durationMinutes: 150,
                                     notAfter: nil, calendar: cal) == Fixture.at(2026, 3, 25, 8))
        // Friday evening moves to Monday morning.
        #expect(schedule.earliestFit(notBefore: Fixture.at(2026, 3, 27, 17, 30), durationMinutes: 60,
                                     notAfter: nil, calendar: cal) == Fixture.at(2026, 3, 30, 8))
        #expect(schedule.earliestFit(notBefore: Fixture.at(2026, 3, 27, 17, 30), durationMinutes: 60,
                                     notAfter: Fixture.at(2026, 3, 29, 23), calendar: cal) == nil)
    }

    @Test func longBookingStartingEarlierIsFoundAmongShortOnes() {
        // A long block starting before many short ones must still be seen (running maximum of ends).
        var busy = [Fixture.busy(2026, 3, 10, 8, minutes: 8 * 60)]
        for hour in 9..<15 { busy.append(Fixture.busy(2026, 3, 10, hour, minutes: 10)) }
        let schedule = ProviderSchedule(busy: busy.reversed())
        #expect(schedule.busy.first == busy[0])
        #expect(schedule.conflict(start: Fixture.at(2026, 3, 10, 15, 30), durationMinutes: 15, calendar: cal)
                == .overlapsBooking(busy[0]))
        #expect(schedule.earliestFit(notBefore: Fixture.at(2026, 3, 10, 9), durationMinutes: 60,
                                     notAfter: nil, calendar: cal) == Fixture.at(2026, 3, 10, 16))
    }

    @Test func addingBusyKeepsOrderAndBlocksTheTime() {
        let base = ProviderSchedule(busy: [Fixture.busy(2026, 3, 12, 9, minutes: 60)])
        let added = base.adding(busy: Fixture.busy(2026, 3, 10, 9, minutes: 60))
        #expect(added.busy.map(\.start) == [Fixture.at(2026, 3, 10, 9), Fixture.at(2026, 3, 12, 9)])
        #expect(base.conflict(start: Fixture.at(2026, 3, 10, 9), durationMinutes: 30, calendar: cal) == nil)
        #expect(added.conflict(start: Fixture.at(2026, 3, 10, 9), durationMinutes: 30, calendar: cal) != nil)
    }

    @Test func earliestFitSkipsTheDaylightSavingGap() throws {
        // 2026-03-29 02:00–03:00 does not exist in Zurich.
        let schedule = ProviderSchedule(hours: try WorkingHours.parse("Sun 01:00-05:00"),
                                        busy: [Fixture.busy(2026, 3, 29, 1, minutes: 60)])
        let found = schedule.earliestFit(notBefore: Fixture.at(2026, 3, 29, 1), durationMinutes: 60,
                                         notAfter: nil, calendar: cal)
        #expect(found == Fixture.at(2026, 3, 29, 3))
    }
}
