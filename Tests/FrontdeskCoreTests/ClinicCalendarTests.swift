import Foundation
import Testing
@testable import FrontdeskCore

@Suite("Clinic calendar: daylight saving and months")
struct ClinicCalendarTests {
    let zurich = ClinicCalendar(identifier: "Europe/Zurich")!
    let newYork = ClinicCalendar(identifier: "America/New_York")!

    private func at(_ calendar: ClinicCalendar, _ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) throws -> Date {
        try #require(calendar.date(LocalDay(year: y, month: m, day: d), minuteOfDay: h * 60 + min))
    }

    @Test func zurichSpringForwardKeepsWallClock() throws {
        let before = try at(zurich, 2026, 3, 28, 14)
        let after = zurich.adding(.days(1), to: before)
        #expect(zurich.iso8601(before) == "2026-03-28T14:00:00+01:00")
        #expect(zurich.iso8601(after) == "2026-03-29T14:00:00+02:00")
        #expect(after.timeIntervalSince(before) == 23 * 3600)
        #expect(zurich.iso8601(zurich.adding(.weeks(1), to: try at(zurich, 2026, 3, 24, 14))) == "2026-03-31T14:00:00+02:00")
    }

    @Test func zurichFallBackKeepsWallClock() throws {
        let before = try at(zurich, 2026, 10, 24, 14)
        let after = zurich.adding(days: 1, to: before)
        #expect(zurich.iso8601(before) == "2026-10-24T14:00:00+02:00")
        #expect(zurich.iso8601(after) == "2026-10-25T14:00:00+01:00")
        #expect(after.timeIntervalSince(before) == 25 * 3600)
        #expect(zurich.daysBetween(before, after) == 1)
    }

    @Test func newYorkInBothDirections() throws {
        let spring = try at(newYork, 2026, 3, 7, 10)
        #expect(newYork.iso8601(newYork.adding(days: 1, to: spring)) == "2026-03-08T10:00:00-04:00")
        let autumn = try at(newYork, 2026, 10, 31, 10)
        #expect(newYork.iso8601(newYork.adding(days: 1, to: autumn)) == "2026-11-01T10:00:00-05:00")
        #expect(newYork.iso8601(newYork.adding(.months(1), to: try at(newYork, 2026, 2, 10, 9))) == "2026-03-10T09:00:00-04:00")
    }

    @Test func aTimeInsideTheSpringGapDoesNotExist() throws {
        #expect(zurich.date(LocalDay(year: 2026, month: 3, day: 29), minuteOfDay: 2 * 60 + 30) == nil)
        #expect(newYork.date(LocalDay(year: 2026, month: 3, day: 8), minuteOfDay: 2 * 60 + 30) == nil)
        // Adding a day onto the gap moves forward by the gap's length, as a wall clock would.
        let start = try at(zurich, 2026, 3, 28, 2, 30)
        #expect(zurich.iso8601(zurich.adding(days: 1, to: start)) == "2026-03-29T03:30:00+02:00")
    }

    @Test func aTimeInTheRepeatedAutumnHourStillResolves() throws {
        let repeated = try #require(zurich.date(LocalDay(year: 2026, month: 10, day: 25), minuteOfDay: 2 * 60 + 30))
        // The first of the two 02:30s (summer time) is the one chosen.
        #expect(zurich.iso8601(repeated) == "2026-10-25T02:30:00+02:00")
    }

    @Test func monthsClampTheDay() throws {
        let jan31 = try at(zurich, 2026, 1, 31, 14)
        #expect(zurich.iso8601(zurich.adding(.months(1), to: jan31)) == "2026-02-28T14:00:00+01:00")
        let jan31Leap = try at(zurich, 2028, 1, 31, 14)
        #expect(zurich.iso8601(zurich.adding(.months(1), to: jan31Leap)) == "2028-02-29T14:00:00+01:00")
        #expect(LocalDay(year: 2026, month: 3, day: 31).adding(months: 1) == LocalDay(year: 2026, month: 4, day: 30))
        #expect(LocalDay(year: 2026, month: 12, day: 31).adding(months: 2) == LocalDay(year: 2027, month: 2, day: 28))
        #expect(LocalDay(year: 2026, month: 3, day: 31).adding(months: -1) == LocalDay(year: 2026, month: 2, day: 28))
        // Across the spring change, a month later is still 14:00 local.
        let march24 = try at(zurich, 2026, 3, 24, 14)
        #expect(zurich.iso8601(zurich.adding(.months(1), to: march24)) == "2026-04-24T14:00:00+02:00")
    }

    @Test func displayIsLocaleIndependentEnglish() throws {
        let date = try at(zurich, 2026, 3, 10, 14)
        #expect(zurich.dayTime(date) == "Tue 10 Mar 2026 14:00")
        #expect(zurich.shortDay(date) == "Tue 10 Mar")
        #expect(zurich.time(date) == "14:00")
        #expect(zurich.time12(date) == "2:00 PM")
        #expect(zurich.longDay(date) == "Tuesday, March 10")
        #expect(zurich.monthDay(date) == "March 10")
        #expect(zurich.time(try at(zurich, 2026, 3, 10, 9, 5)) == "09:05")
        #expect(zurich.time12(try at(zurich, 2026, 3, 10, 0, 15)) == "12:15 AM")
        #expect(zurich.time12(try at(zurich, 2026, 3, 10, 12, 30)) == "12:30 PM")
        #expect(zurich.time12(try at(zurich, 2026, 3, 10, 9)) == "9:00 AM")
        #expect(zurich.shortDayWithYear(LocalDay(year: 2026, month: 3, day: 29)) == "Sun 29 Mar 2026")
    }
}
