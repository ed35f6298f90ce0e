import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// The store counts; the core's KPI definitions turn the counts into figures.
@Suite struct KPICountTests {
    @Test func countsTreatmentsSessionsAndNoShows() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let other = try t.database.addCustomer(name: "Thomas Weber")
        // An implant treatment that will be completed.
        let implant = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                                   firstStart: t.at("2026-03-02 09:00"))
        // A driving package: one lesson done, one missed, one upcoming.
        let driving = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id,
                                                  starts: [t.at("2026-03-03 17:00"), t.at("2026-03-05 17:00"), t.at("2026-04-13 17:00")])
        // A physiotherapy plan: session 1 done, then nothing booked for weeks (overdue).
        let physio = try t.database.bookSessions(customerID: other.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-04 10:00")])

        t.now = t.at("2026-03-06 09:00")
        _ = try t.database.complete(bookingID: driving.bookings[0].id)
        _ = try t.database.markNoShow(bookingID: driving.bookings[1].id)
        _ = try t.database.complete(bookingID: physio.bookings[0].id)
        t.now = t.at("2026-04-13 08:00") // a Monday
        for booking in implant.bookings { _ = try t.database.complete(bookingID: booking.id) }

        let report = try t.database.kpiReport()
        #expect(report.value(of: .activeTreatments) == .count(2))
        #expect(report.value(of: .completedGroups) == .count(1))
        #expect(report.value(of: .completionRate) == .ratio(numerator: 1, denominator: 1))
        #expect(report.value(of: .sessionsToday) == .count(1))
        #expect(report.value(of: .overdueSequential) == .count(1))
        // 10 lessons − 1 completed − 1 upcoming: the missed lesson is to be booked again.
        #expect(report.value(of: .unscheduledFlexibleSessions) == .count(8))
        // Sessions that took place in the last 90 days: implant 1–2 (3 is on 15 April), a lesson, physio 1,
        // and the missed lesson.
        #expect(report.value(of: .noShowRate) == .ratio(numerator: 1, denominator: 5))
    }
}
