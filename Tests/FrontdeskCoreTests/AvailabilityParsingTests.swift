import Foundation
import Testing
@testable import FrontdeskCore

@Suite struct AvailabilityParsingTests {
    @Test func parsesRangesOfDaysAndSeveralSegments() throws {
        let hours = try WorkingHours.parse("Mon-Fri 08:00-18:00; Sat 09:00-13:00")
        #expect(hours.ranges(on: .monday) == [TimeRange(startMinute: 480, endMinute: 1080)])
        #expect(hours.ranges(on: .friday) == [TimeRange(startMinute: 480, endMinute: 1080)])
        #expect(hours.ranges(on: .saturday) == [TimeRange(startMinute: 540, endMinute: 780)])
        #expect(hours.ranges(on: .sunday).isEmpty)
        #expect(hours == .weekdaysEightToSix.merging(.saturday, [TimeRange(startMinute: 540, endMinute: 780)]))
    }

    @Test func parsesDayListsSplitHoursAndShortTimes() throws {
        let split = try WorkingHours.parse("Mon,Wed 09:00-12:00 13:00-17:00")
        #expect(split.ranges(on: .wednesday) == [TimeRange(startMinute: 540, endMinute: 720),
                                                 TimeRange(startMinute: 780, endMinute: 1020)])
        #expect(split.ranges(on: .tuesday).isEmpty)
        #expect(try WorkingHours.parse("Tue 8-12").ranges(on: .tuesday) == [TimeRange(startMinute: 480, endMinute: 720)])
        #expect(try WorkingHours.parse("Sat 9am-1pm").ranges(on: .saturday) == [TimeRange(startMinute: 540, endMinute: 780)])
        #expect(try WorkingHours.parse("mon - fri 8:00 - 18:00") == .weekdaysEightToSix)
        #expect(try WorkingHours.parse("Mon-Fri: 08:00-18:00") == .weekdaysEightToSix)
        #expect(try WorkingHours.parse("Mon-Sun 08:00-18:00; Sun closed").ranges(on: .sunday).isEmpty)
    }

    @Test func descriptionRoundTripsCanonically() throws {
        for text in ["Mon-Fri 08:00-18:00; Sat 09:00-13:00", "Mon,Wed 09:00-12:00 13:00-17:00",
                     "Mon-Wed,Fri 08:00-12:00; Thu 14:00-24:00", "closed"] {
            let hours = try WorkingHours.parse(text)
            #expect(hours.description == text)
            #expect(try WorkingHours.parse(hours.description) == hours)
        }
        #expect(try WorkingHours.parse("Tue 8-12").description == "Tue 08:00-12:00")
        #expect(WorkingHours.weekdaysEightToSix.description == "Mon-Fri 08:00-18:00")
    }

    @Test func errorsNameTheBadPart() {
        #expect(throws: WorkingHoursError.unknownDay("Mnday")) { try WorkingHours.parse("Mnday 08:00-18:00") }
        #expect(throws: WorkingHoursError.badTime("25:00", in: "08:00-25:00")) { try WorkingHours.parse("Mon 08:00-25:00") }
        #expect(throws: WorkingHoursError.endBeforeStart("18:00-08:00")) { try WorkingHours.parse("Mon 18:00-08:00") }
        #expect(throws: WorkingHoursError.missingHours(segment: "Sat")) { try WorkingHours.parse("Mon-Fri 8-18; Sat") }
        #expect(throws: WorkingHoursError.empty) { try WorkingHours.parse("  ") }
        #expect(WorkingHoursError.unknownDay("Mnday").description.contains("\"Mnday\" is not a day of the week"))
    }

    @Test func weeklyPatternReadsDaysThenTimes() throws {
        let pattern = try WeeklyPattern.parse("Mon Wed 17:00, Sat 10:00")
        #expect(pattern.slots == [WeeklySlot(weekday: .monday, minuteOfDay: 1020),
                                  WeeklySlot(weekday: .wednesday, minuteOfDay: 1020),
                                  WeeklySlot(weekday: .saturday, minuteOfDay: 600)])
        #expect(try WeeklyPattern.parse("Mon Wed 5pm; Sat 10am") == pattern)
        #expect(try WeeklyPattern.parse("Mondays and Wednesdays at 5pm, Saturday 10:00") == pattern)
        #expect(pattern.description == "Mon Wed 17:00, Sat 10:00")
        #expect(try WeeklyPattern.parse(pattern.description) == pattern)
        #expect(try WeeklyPattern.parse("Mon-Wed 18:00").slots.count == 3)
    }

    @Test func weeklyPatternErrors() {
        #expect(throws: WeeklyPatternError.dayWithoutTime("Sat")) { try WeeklyPattern.parse("Mon 17:00, Sat") }
        #expect(throws: WeeklyPatternError.timeWithoutDay("17:00")) { try WeeklyPattern.parse("17:00 Mon") }
        #expect(throws: WeeklyPatternError.unknownDay("Funday")) { try WeeklyPattern.parse("Funday 17:00") }
        #expect(throws: WeeklyPatternError.badTime("25:00")) { try WeeklyPattern.parse("Mon 25:00") }
    }
}

extension WorkingHours {
    func merging(_ day: Weekday, _ ranges: [TimeRange]) -> WorkingHours {
        var copy = self
        copy.days[day] = ranges
        return copy
    }
}
