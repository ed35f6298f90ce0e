import Foundation
import Testing
@testable import FrontdeskCore

/// Weekly hours one weekday at a time, as the provider editor takes them: several ranges a day,
/// empty for a day not worked, and every problem named for its day.
@Suite struct WeekdayHoursTests {
    static let morning = TimeRange(startMinute: 8 * 60, endMinute: 12 * 60)
    static let afternoon = TimeRange(startMinute: 13 * 60, endMinute: 18 * 60)

    @Test func aDayTakesSeveralRangesInAnyOrderAndEmptyIsNotWorked() throws {
        #expect(try WorkingHours.parseDay("08:00-12:00, 13:00-18:00") == [Self.morning, Self.afternoon])
        #expect(try WorkingHours.parseDay("13:00-18:00 8-12") == [Self.morning, Self.afternoon])
        #expect(try WorkingHours.parseDay("8am - 12pm") == [Self.morning])
        #expect(try WorkingHours.parseDay("").isEmpty)
        #expect(try WorkingHours.parseDay("  closed ").isEmpty)
    }

    @Test func overlappingRangesEndBeforeStartAndBadTimesAreRefused() throws {
        #expect(throws: WorkingHoursError.overlappingRanges("08:00-12:00", "11:00-14:00")) {
            try WorkingHours.parseDay("11:00-14:00, 08:00-12:00")
        }
        #expect(throws: WorkingHoursError.endBeforeStart("18:00-08:00")) { try WorkingHours.parseDay("18:00-08:00") }
        #expect(throws: WorkingHoursError.badTime("25:00", in: "08:00-25:00")) { try WorkingHours.parseDay("08:00-25:00") }
        #expect(throws: WorkingHoursError.badRange("0800")) { try WorkingHours.parseDay("0800") }
        #expect(throws: WorkingHoursError.dayInDayField("Mon")) { try WorkingHours.parseDay("Mon 08:00-12:00") }
        // Touching ranges are one stretch of time, not an overlap.
        #expect(try WorkingHours.parseDay("08:00-12:00, 12:00-18:00")
                == [Self.morning, TimeRange(startMinute: 12 * 60, endMinute: 18 * 60)])
        #expect(WorkingHours.fromDays([.monday: "08:00-12:00, 12:00-18:00"]).hours?.dayText(on: .monday) == "08:00-18:00")
    }

    @Test func sevenDayFieldsGiveTheHoursOrEachDaysProblem() throws {
        var texts: [Weekday: String] = [:]
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] { texts[day] = "08:00-12:00, 13:00-18:00" }
        texts[.saturday] = "09:00-13:00"
        let (hours, problems) = WorkingHours.fromDays(texts)
        #expect(problems.isEmpty)
        #expect(hours?.description == "Mon-Fri 08:00-12:00 13:00-18:00; Sat 09:00-13:00")
        #expect(hours?.dayText(on: .tuesday) == "08:00-12:00, 13:00-18:00")
        #expect(hours?.dayText(on: .sunday) == "")

        texts[.tuesday] = "08:00-12:00, 11:00-18:00"
        texts[.thursday] = "12:00-08:00"
        let broken = WorkingHours.fromDays(texts)
        #expect(broken.hours == nil)
        #expect(Set(broken.problems.keys) == [.tuesday, .thursday])
        #expect("\(broken.problems[.tuesday]!)".contains("overlap"))
        #expect("\(broken.problems[.thursday]!)".contains("ends before it starts"))
    }

    /// Property: whatever the hours, the weekday fields and the text form say the same thing.
    @Test func theWeekdayFieldsAndTheTextFormAgreeForAnyHours() throws {
        var random = SeededRandom(seed: 9)
        for _ in 0..<300 {
            var days: [Weekday: [TimeRange]] = [:]
            for day in Weekday.allCases where random.next() % 3 != 0 {
                var minute = Int(random.next() % 8) * 60
                for _ in 0..<Int(random.next() % 3 + 1) {
                    let end = minute + Int(random.next() % 6 + 1) * 30
                    guard end <= 1440 else { break }
                    days[day, default: []].append(TimeRange(startMinute: minute, endMinute: end))
                    minute = end + Int(random.next() % 4 + 1) * 15
                }
            }
            let hours = WorkingHours(days: days)
            let texts = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, hours.dayText(on: $0)) })
            let (read, problems) = WorkingHours.fromDays(texts)
            #expect(problems.isEmpty)
            #expect(read == hours)
            #expect(try WorkingHours.parse(hours.description) == read)
        }
    }
}

extension WeekdayHoursTests {
    @Test func theTypedTextFormRefusesOverlapsAsTheWeekdayFieldsDoWhileStoredHoursStillRead() throws {
        #expect(throws: WorkingHoursError.overlappingRanges("Mon 08:00-18:00", "Mon 09:00-10:00")) {
            try WorkingHours.parse("Mon-Fri 08:00-18:00; Mon 09:00-10:00", refusingOverlaps: true)
        }
        #expect(throws: WorkingHoursError.overlappingRanges("Tue 08:00-12:00", "Tue 11:00-14:00")) {
            try WorkingHours.parse("Tue 08:00-12:00 11:00-14:00", refusingOverlaps: true)
        }
        // Touching ranges, and a day closed after a range of days, are not overlaps.
        #expect(try WorkingHours.parse("Mon 08:00-12:00 12:00-18:00", refusingOverlaps: true).dayText(on: .monday) == "08:00-18:00")
        #expect(try WorkingHours.parse("Mon-Sun 08:00-18:00; Sun closed", refusingOverlaps: true).dayText(on: .sunday) == "")
        // Read leniently (stored text), overlaps merge.
        #expect(try WorkingHours.parse("Tue 08:00-12:00 11:00-14:00").dayText(on: .tuesday) == "08:00-14:00")
    }
}
