import Foundation
import Testing
@testable import FrontdeskCore

/// Staff date input against a fixed now: Wednesday 2026-03-04 09:00 in Europe/Zurich.
@Suite("Date input: accepted forms")
struct DateInputParserTests {
    static let zurich = ClinicCalendar(identifier: "Europe/Zurich")!
    static let now = zurich.date(LocalDay(year: 2026, month: 3, day: 4), minuteOfDay: 9 * 60)!
    let parser = DateInputParser(calendar: zurich, now: now)

    @Test func theFixedNowIsAWednesdayMorning() {
        #expect(Self.zurich.iso8601(Self.now) == "2026-03-04T09:00:00+01:00")
        #expect(Self.zurich.weekday(of: Self.now) == .wednesday)
    }

    @Test(arguments: [
        ("tomorrow 10am", "2026-03-05T10:00:00+01:00"),
        ("today 14:30", "2026-03-04T14:30:00+01:00"),
        ("fri 4pm", "2026-03-06T16:00:00+01:00"),
        ("friday at 16:00", "2026-03-06T16:00:00+01:00"),
        ("next fri 4pm", "2026-03-06T16:00:00+01:00"),
        ("March 10 at 2pm", "2026-03-10T14:00:00+01:00"),
        ("10 March 2pm", "2026-03-10T14:00:00+01:00"),
        ("Mar 10 14:00", "2026-03-10T14:00:00+01:00"),
        ("10.3. 14:00", "2026-03-10T14:00:00+01:00"),
        ("10.3.2026 14:00", "2026-03-10T14:00:00+01:00"),
        ("10.03.26 14:00", "2026-03-10T14:00:00+01:00"),
        ("2026-03-10 14:00", "2026-03-10T14:00:00+01:00"),
        ("2026-03-10T14:00", "2026-03-10T14:00:00+01:00"),
        ("+2w", "2026-03-18T09:00:00+01:00"),
        ("+3d", "2026-03-07T09:00:00+01:00"),
        ("+1m", "2026-04-04T09:00:00+02:00"),
        ("+2h", "2026-03-04T11:00:00+01:00"),
        ("in 2 weeks", "2026-03-18T09:00:00+01:00"),
        ("noon", "2026-03-04T12:00:00+01:00"),
        ("2:30pm", "2026-03-04T14:30:00+01:00"),
        ("14h", "2026-03-04T14:00:00+01:00"),
        ("4 pm", "2026-03-04T16:00:00+01:00"),
    ])
    func acceptedForms(input: String, expected: String) throws {
        #expect(Self.zurich.iso8601(try parser.parse(input)) == expected)
    }

    @Test(arguments: [
        ("  TOMORROW    10AM ", "2026-03-05T10:00:00+01:00"),
        ("Friday, 4 P.M.", "2026-03-06T16:00:00+01:00"),
        ("10th of March at 2:00pm", "2026-03-10T14:00:00+01:00"),
        ("March 10, 2026 14:00", "2026-03-10T14:00:00+01:00"),
        ("on fri. at 12pm", "2026-03-06T12:00:00+01:00"),
        ("tomorrow 12am", "2026-03-05T00:00:00+01:00"),
        ("in 3 days 10:00", "2026-03-07T10:00:00+01:00"),
        ("+1w 10:00", "2026-03-11T10:00:00+01:00"),
        ("+2 weeks", "2026-03-18T09:00:00+01:00"),
        ("in 2 hours", "2026-03-04T11:00:00+01:00"),
        ("14h30", "2026-03-04T14:30:00+01:00"),
        ("yesterday 17:00", "2026-03-03T17:00:00+01:00"),
        ("2026-03-10t14:00", "2026-03-10T14:00:00+01:00"),
    ])
    func toleratedVariants(input: String, expected: String) throws {
        #expect(Self.zurich.iso8601(try parser.parse(input)) == expected)
    }

    @Test func aWeekdayIsTodayOnlyWhileItsTimeIsAhead() throws {
        // Today is Wednesday 09:00.
        #expect(Self.zurich.iso8601(try parser.parse("wed 4pm")) == "2026-03-04T16:00:00+01:00")
        #expect(Self.zurich.iso8601(try parser.parse("wed 8am")) == "2026-03-11T08:00:00+01:00")
        #expect(Self.zurich.iso8601(try parser.parse("wed 9:00")) == "2026-03-11T09:00:00+01:00")
        // "next" is always strictly after today.
        #expect(Self.zurich.iso8601(try parser.parse("next wed 4pm")) == "2026-03-11T16:00:00+01:00")
        #expect(Self.zurich.iso8601(try parser.parse("mon 10:00")) == "2026-03-09T10:00:00+01:00")
    }

    @Test func aDateWithoutAYearIsItsNextOccurrence() throws {
        #expect(Self.zurich.iso8601(try parser.parse("March 4 8am")) == "2026-03-04T08:00:00+01:00")
        #expect(Self.zurich.iso8601(try parser.parse("March 1 10:00")) == "2027-03-01T10:00:00+01:00")
        #expect(Self.zurich.iso8601(try parser.parse("1.3. 10:00")) == "2027-03-01T10:00:00+01:00")
        #expect(Self.zurich.iso8601(try parser.parse("29.2. 10:00")) == "2028-02-29T10:00:00+01:00")
    }

    @Test func aTimeAloneIsToday() throws {
        #expect(Self.zurich.iso8601(try parser.parse("8am")) == "2026-03-04T08:00:00+01:00")
    }

    @Test func relativeInputKeepsTheWallClockAcrossDaylightSaving() throws {
        let lateMarch = DateInputParser(calendar: Self.zurich,
                                        now: Self.zurich.date(LocalDay(year: 2026, month: 3, day: 25), minuteOfDay: 14 * 60)!)
        #expect(Self.zurich.iso8601(try lateMarch.parse("+1w")) == "2026-04-01T14:00:00+02:00")
        // Hours are elapsed time: 24 hours across the change is 15:00 the next day.
        let saturday = DateInputParser(calendar: Self.zurich,
                                       now: Self.zurich.date(LocalDay(year: 2026, month: 3, day: 28), minuteOfDay: 14 * 60)!)
        #expect(Self.zurich.iso8601(try saturday.parse("+24h")) == "2026-03-29T15:00:00+02:00")
        #expect(Self.zurich.iso8601(try saturday.parse("+1d")) == "2026-03-29T14:00:00+02:00")
    }

    @Test func newYorkTimesAreReadInNewYork() throws {
        let newYork = ClinicCalendar(identifier: "America/New_York")!
        let parser = DateInputParser(calendar: newYork, now: Self.now)
        #expect(newYork.iso8601(try parser.parse("2026-03-10 14:00")) == "2026-03-10T14:00:00-04:00")
    }

    @Test(arguments: [
        ("today", "2026-03-04"), ("tomorrow", "2026-03-05"), ("yesterday", "2026-03-03"),
        ("wed", "2026-03-04"), ("fri", "2026-03-06"), ("Monday", "2026-03-09"), ("next wed", "2026-03-11"),
        ("2026-03-10", "2026-03-10"), ("March 10", "2026-03-10"), ("10.3.", "2026-03-10"), ("10.3.2026", "2026-03-10"),
        ("+2w", "2026-03-18"), ("-3d", "2026-03-01"), ("+1m", "2026-04-04"), ("in 3 days", "2026-03-07"),
        ("Jan 5", "2027-01-05"), ("5 jan 2026", "2026-01-05"),
    ])
    func days(input: String, expected: String) throws {
        #expect(try parser.parseDay(input).description == expected)
    }
}
