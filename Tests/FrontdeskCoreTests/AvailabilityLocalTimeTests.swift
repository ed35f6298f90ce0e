import Foundation
import Testing
@testable import FrontdeskCore

/// The offset-based conversions used by slot search must agree with the calendar everywhere.
@Suite struct AvailabilityLocalTimeTests {
    @Test(arguments: ["Europe/Zurich", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"])
    func fastConversionsMatchTheCalendar(zone: String) throws {
        let cal = try #require(ClinicCalendar(identifier: zone))
        // Every quarter hour of each day around the 2026 transitions, and noon on every day of the year.
        var days: [LocalDay] = []
        for (month, day) in [(3, 8), (3, 29), (4, 5), (10, 4), (10, 25), (11, 1)] {
            days += (-1...1).map { LocalDay(year: 2026, month: month, day: day).adding(days: $0) }
        }
        for day in days {
            for minute in stride(from: 0, to: 1440, by: 15) {
                #expect(cal.fastDate(day, minuteOfDay: minute) == cal.date(day, minuteOfDay: minute),
                        "\(zone) \(day) \(minute)")
            }
        }
        let start = cal.startOfDay(LocalDay(year: 2026, month: 1, day: 1))
        for step in stride(from: 0, to: 366 * 24 * 4, by: 7) {
            let date = start.addingTimeInterval(Double(step) * 900 + 37)
            let fast = cal.fastLocal(date)
            #expect(fast.day == cal.localDay(of: date) && fast.minute == cal.minuteOfDay(of: date), "\(zone) \(date)")
        }
    }
}
