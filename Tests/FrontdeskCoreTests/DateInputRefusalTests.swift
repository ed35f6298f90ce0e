import Foundation
import Testing
@testable import FrontdeskCore

/// Every refusal of staff date input: the error case and a message that says why with an example.
@Suite("Date input: refusals")
struct DateInputRefusalTests {
    let parser = DateInputParser(calendar: DateInputParserTests.zurich, now: DateInputParserTests.now)

    private func refusal(_ input: String, day: Bool = false) -> DateInputError? {
        do {
            if day { _ = try parser.parseDay(input) } else { _ = try parser.parse(input) }
            Issue.record("accepted \(input)")
            return nil
        } catch {
            return error
        }
    }

    @Test func empty() {
        #expect(refusal("") == .empty)
        #expect(refusal("   ") == .empty)
        #expect(refusal("", day: true) == .empty)
        #expect(DateInputError.empty.description.contains("tomorrow 10am"))
    }

    @Test(arguments: ["banana", "next week 10:00", "fri 4pm 5pm", "+2h 10:00", "at", "10 2pm", "tomorrow 14.30"])
    func notUnderstood(input: String) throws {
        let error = try #require(refusal(input))
        #expect(error == .notUnderstood(input))
        #expect(error.description.contains("\"\(input)\""))
        #expect(error.description.contains("2026-03-10 14:00"))
    }

    @Test func aDayAloneNeedsATime() {
        #expect(refusal("fri") == .missingTime("fri"))
        #expect(refusal("March 10") == .missingTime("March 10"))
        #expect(refusal("tomorrow") == .missingTime("tomorrow"))
        #expect(DateInputError.missingTime("fri").description.contains("\"fri 10:00\""))
    }

    @Test func impossibleDates() throws {
        let february = try #require(refusal("February 30 10:00"))
        #expect(february == .impossibleDate(day: 30, month: 2, year: nil))
        #expect(february.description.contains("February 30 does not exist"))
        #expect(february.description.contains("\"February 28\""))
        let april = try #require(refusal("31.4. 10:00"))
        #expect(april == .impossibleDate(day: 31, month: 4, year: nil))
        #expect(april.description.contains("April 31 does not exist"))
        #expect(april.description.contains("April 30"))
        let leap = try #require(refusal("29.2.2026 10:00"))
        #expect(leap == .impossibleDate(day: 29, month: 2, year: 2026))
        #expect(leap.description.contains("February 29, 2026 does not exist"))
        #expect(refusal("2026-02-30 10:00") == .impossibleDate(day: 30, month: 2, year: 2026))
        let month13 = try #require(refusal("10.13. 10:00"))
        #expect(month13 == .impossibleDate(day: 10, month: 13, year: nil))
        #expect(month13.description.contains("no month 13"))
        #expect(refusal("0.3. 10:00") == .impossibleDate(day: 0, month: 3, year: nil))
        #expect(refusal("Feb 30", day: true) == .impossibleDate(day: 30, month: 2, year: nil))
    }

    @Test(arguments: ["24:00", "25:00", "13pm", "10:60", "0am", "24h"])
    func impossibleTimes(time: String) throws {
        let error = try #require(refusal("tomorrow \(time)"))
        #expect(error == .impossibleTime(time))
        #expect(error.description.contains(time))
        #expect(error.description.contains("e.g."))
    }

    @Test func aTimeInsideTheSpringGap() throws {
        let error = try #require(refusal("2026-03-29 02:30"))
        #expect(error == .nonexistentTime(day: LocalDay(year: 2026, month: 3, day: 29), minuteOfDay: 150,
                                          timeZone: "Europe/Zurich", jumpFrom: 120, jumpTo: 180))
        #expect(error.description.contains(
            "02:30 on Sun 29 Mar 2026 does not exist in Europe/Zurich: clocks jump from 02:00 to 03:00"))
        #expect(error.description.contains("03:30"))
    }

    @Test func aTimeInsideTheNewYorkGap() throws {
        let newYork = ClinicCalendar(identifier: "America/New_York")!
        let parser = DateInputParser(calendar: newYork, now: DateInputParserTests.now)
        #expect(throws: DateInputError.nonexistentTime(day: LocalDay(year: 2026, month: 3, day: 8), minuteOfDay: 150,
                                                       timeZone: "America/New_York", jumpFrom: 120, jumpTo: 180)) {
            try parser.parse("March 8 2:30am")
        }
        #expect(throws: DateInputError.ambiguousTime(day: LocalDay(year: 2026, month: 11, day: 1), minuteOfDay: 90,
                                                     timeZone: "America/New_York", backFrom: 120, backTo: 60)) {
            try parser.parse("2026-11-01 1:30am")
        }
    }

    @Test func aTimeThatHappensTwiceInAutumn() throws {
        let error = try #require(refusal("2026-10-25 02:30"))
        #expect(error == .ambiguousTime(day: LocalDay(year: 2026, month: 10, day: 25), minuteOfDay: 150,
                                        timeZone: "Europe/Zurich", backFrom: 180, backTo: 120))
        #expect(error.description.contains("02:30 on Sun 25 Oct 2026 happens twice in Europe/Zurich"))
        #expect(error.description.contains("clocks go back from 03:00 to 02:00"))
        // Just outside the repeated hour is fine.
        #expect((try? parser.parse("2026-10-25 03:00")) != nil)
        #expect((try? parser.parse("2026-10-25 01:59")) != nil)
    }

    @Test func slashDatesAreAmbiguous() throws {
        let error = try #require(refusal("10/3 14:00"))
        #expect(error == .ambiguousSlashDate("10/3 14:00", suggestions: ["10.3.", "March 10"]))
        #expect(error.description.contains("\"10.3.\""))
        #expect(error.description.contains("\"March 10\""))
        let withYear = try #require(refusal("10/3/2026", day: true))
        #expect(withYear == .ambiguousSlashDate("10/3/2026", suggestions: ["10.3.2026", "March 10 2026", "2026-03-10"]))
        #expect(withYear.description.contains("2026-03-10"))
        let monthFirst = try #require(refusal("3/25 10:00"))
        #expect(monthFirst == .ambiguousSlashDate("3/25 10:00", suggestions: ["25.3.", "March 25"]))
    }

    @Test func aDayFieldRefusesATime() {
        #expect(refusal("fri 4pm", day: true) == .unexpectedTime("fri 4pm"))
        #expect(refusal("+2h", day: true) == .unexpectedTime("+2h"))
        #expect(DateInputError.unexpectedTime("x").description.contains("2026-03-10"))
    }
}
