import Foundation
import Testing
@testable import FrontdeskCore

/// `localDay(of:)` and `minuteOfDay(of:)` read the zone's offset instead of asking Foundation's
/// calendar: they must answer exactly what the calendar answers, across offsets that are not whole
/// hours, daylight saving transitions, and instants before 1970.
@Suite("Clinic calendar: local day and minute from the zone's offset")
struct ClinicCalendarFastPathTests {
    static let zones = ["Europe/Zurich", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
                        "America/St_Johns", "Pacific/Kiritimati", "Europe/Dublin"]

    static func reference(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    static func expectSame(_ clinic: ClinicCalendar, _ calendar: Calendar, _ date: Date) {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        #expect(clinic.localDay(of: date) == LocalDay(year: c.year!, month: c.month!, day: c.day!), "\(clinic.timeZone.identifier) \(date)")
        #expect(clinic.minuteOfDay(of: date) == c.hour! * 60 + c.minute!, "\(clinic.timeZone.identifier) \(date)")
    }

    @Test(arguments: zones)
    func randomInstantsFrom1900To2100(zone: String) throws {
        let clinic = try #require(ClinicCalendar(identifier: zone))
        let calendar = Self.reference(clinic.timeZone)
        var random = SeededRandom(seed: 7)
        for _ in 0..<3_000 {
            // 1900-01-01 to 2100-01-01, with fractions of a second.
            let seconds = Double(random.next() % 6_311_433_600) - 2_208_988_800 + Double(random.next() % 1000) / 1000
            Self.expectSame(clinic, calendar, Date(timeIntervalSince1970: seconds))
        }
    }

    @Test(arguments: zones)
    func everyTransitionAndTheSecondsAroundIt(zone: String) throws {
        let clinic = try #require(ClinicCalendar(identifier: zone))
        let calendar = Self.reference(clinic.timeZone)
        var cursor = Date(timeIntervalSince1970: -1_000_000_000)
        let end = Date(timeIntervalSince1970: 2_500_000_000)
        while let next = clinic.timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            for delta in [-3601.0, -60, -1, -0.5, 0, 0.5, 1, 59, 3600] {
                Self.expectSame(clinic, calendar, next.addingTimeInterval(delta))
            }
            cursor = next
        }
    }

    @Test func instantsOutsideTheFastRangeStillAnswer() throws {
        let clinic = try #require(ClinicCalendar(identifier: "Europe/Zurich"))
        let calendar = Self.reference(clinic.timeZone)
        for seconds in [-12_000_000_000.0, -11_676_096_001, -11_676_096_000, 32_503_679_999, 32_503_680_000, 40_000_000_000] {
            Self.expectSame(clinic, calendar, Date(timeIntervalSince1970: seconds))
        }
    }
}
