import Foundation
@testable import FrontdeskCore

/// Shared clock, zone and services for the planning, availability, progress and follow-up tests.
enum Fixture {
    static let zurich = ClinicCalendar(identifier: "Europe/Zurich")!

    /// A Zurich wall-clock instant: at(2026, 3, 10, 14) is 2026-03-10 14:00 local.
    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        zurich.date(LocalDay(year: year, month: month, day: day), minuteOfDay: hour * 60 + minute)!
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDay { LocalDay(year: year, month: month, day: day) }

    /// A busy interval in local time.
    static func busy(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, minutes: Int) -> DateInterval {
        DateInterval(start: at(year, month, day, hour, minute), duration: Double(minutes) * 60)
    }

    static let dentalImplant = ServiceDefinition(
        name: "Dental Implant - Complete Treatment", totalSessions: 3, strategy: .immediate,
        plan: [SessionPlanStep(label: "Implant placement", durationMinutes: 90),
               SessionPlanStep(label: "Healing check", durationMinutes: 30),
               SessionPlanStep(label: "Crown installation", durationMinutes: 60)])

    static func fixedGap(_ length: GapLength, maximum: GapLength? = nil) -> SessionGap {
        SessionGap(planned: length, minimum: length, recommended: length, maximum: maximum)
    }

    static let implantGaps = [fixedGap(.days(14)), fixedGap(.days(30))]

    static let physioGap = SessionGap(planned: .days(3), minimum: .days(2), recommended: .days(3), maximum: .days(7))

    static let weekdays = ProviderSchedule(name: "Dr. Keller", hours: .weekdaysEightToSix)

    /// Local "2026-03-24 14:00" of an instant, for readable expectations.
    static func local(_ date: Date) -> String {
        let minute = zurich.minuteOfDay(of: date)
        return "\(zurich.localDay(of: date)) \(DateWording.time24(minuteOfDay: minute))"
    }
}
