import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// The Dashboard's figures read from the counters, on a real database, against counts worked out by hand.
@Suite struct KPICountTests {
    /// An implant treatment completed, a driving package with a lesson done, one missed and one ahead,
    /// and a physiotherapy plan waiting weeks after its first session.
    struct Scenario {
        let t: TemporaryDatabase
        let clinic: ClinicFixture.Clinic
        let implant: BookingResult
        let driving: BookingResult
        let physio: BookingResult

        init() throws {
            t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
            clinic = try ClinicFixture.seed(t.database)
            let other = try t.database.addCustomer(name: "Thomas Weber")
            implant = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                                   firstStart: t.at("2026-03-02 09:00"))
            driving = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id,
                                                  starts: [t.at("2026-03-03 17:00"), t.at("2026-03-05 17:00"), t.at("2026-04-13 17:00")])
            physio = try t.database.bookSessions(customerID: other.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-04 10:00")])
            t.now = t.at("2026-03-06 09:00")
            _ = try t.database.complete(bookingID: driving.bookings[0].id)
            _ = try t.database.markNoShow(bookingID: driving.bookings[1].id)
            _ = try t.database.complete(bookingID: physio.bookings[0].id)
            t.now = t.at("2026-04-13 08:00") // a Monday
            // The crown (15 April) is completed ahead of time, on purpose.
            for booking in implant.bookings { _ = try t.database.complete(bookingID: booking.id, early: true) }
        }
    }

    @Test func dashboardCountsTreatmentsSessionsAndRates() throws {
        let s = try Scenario()
        let report = try s.t.database.dashboard()
        #expect(report.value(of: .activeTreatments) == .count(2))
        #expect(report.value(of: .completionRate) == .ratio(numerator: 1, denominator: 1))
        #expect(report.value(of: .completionRateImmediate) == .ratio(numerator: 1, denominator: 1))
        #expect(report.value(of: .completionRateFlexible) == .ratio(numerator: 0, denominator: 0))
        #expect(report.value(of: .sessionsToday) == .sessions(SessionCounts(booked: 1)))
        // The week of 13 April: the lesson on Monday, the crown (completed ahead of time) on Wednesday.
        #expect(report.value(of: .sessionsThisWeek) == .sessions(SessionCounts(booked: 1, completed: 1)))
        #expect(report.value(of: .overdueSequential) == .count(1))
        // 10 lessons: one completed, one ahead; the missed one leaves its number to book again.
        #expect(report.value(of: .unscheduledFlexibleSessions) == .count(8))
        #expect(report.value(of: .packagesExpiring30d) == .count(0))
        // Implant 1–3, lesson 1 and physio 1 completed; lesson 2 missed.
        #expect(report.value(of: .noShowRate) == .ratio(numerator: 1, denominator: 6))
        #expect(report.value(of: .popularityFlexible) == .ratio(numerator: 1, denominator: 3))
        let weeks = report.counts.weeks
        #expect(weeks.count == 17 && weeks[12].weekStart == LocalDay(year: 2026, month: 4, day: 13))
        #expect(weeks[12].sessions == SessionCounts(booked: 1, completed: 1))
        // The week of 2 March: implant 1, lessons 1 and 2, physio 1.
        #expect(weeks[6].weekStart == LocalDay(year: 2026, month: 3, day: 2))
        #expect(weeks[6].sessions == SessionCounts(completed: 3, noShow: 1))
        #expect(try s.t.database.verifyKPICounters().isEmpty)
    }

    @Test func ratesFollowThePeriodAndFiguresFollowTheFilters() throws {
        let s = try Scenario()
        let april = try s.t.database.dashboard(DashboardQuery(period: .thisMonth))
        #expect(april.counts.period == LocalDay(year: 2026, month: 4, day: 1)...LocalDay(year: 2026, month: 4, day: 30))
        #expect(april.value(of: .completionRate) == .ratio(numerator: 1, denominator: 1)) // completed on 13 April
        #expect(april.value(of: .noShowRate) == .ratio(numerator: 0, denominator: 1))    // the crown on 15 April
        #expect(april.value(of: .popularityImmediate) == .ratio(numerator: 0, denominator: 0))
        let march = try s.t.database.dashboard(DashboardQuery(period: .days(from: LocalDay(year: 2026, month: 3, day: 1),
                                                                           to: LocalDay(year: 2026, month: 3, day: 31))))
        #expect(march.value(of: .completionRate) == .ratio(numerator: 0, denominator: 0))
        #expect(march.value(of: .noShowRate) == .ratio(numerator: 1, denominator: 5))
        #expect(march.value(of: .popularitySequential) == .ratio(numerator: 1, denominator: 3))

        let physio = try s.t.database.dashboard(DashboardQuery(serviceID: s.clinic.physio.id))
        #expect(physio.value(of: .activeTreatments) == .count(1))
        #expect(physio.value(of: .overdueSequential) == .count(1))
        #expect(physio.value(of: .unscheduledFlexibleSessions) == .count(0))
        #expect(physio.value(of: .sessionsToday) == .sessions(SessionCounts()))
        #expect(physio.value(of: .noShowRate) == .ratio(numerator: 0, denominator: 1))
        let keller = try s.t.database.dashboard(DashboardQuery(providerID: s.clinic.provider.id))
        #expect(keller.counts == (try s.t.database.dashboard()).counts)
        let nobody = try s.t.database.addProvider(name: "Dr. Brunner")
        let empty = try s.t.database.dashboard(DashboardQuery(providerID: nobody.id))
        #expect(empty.value(of: .activeTreatments) == .count(0))
        #expect(empty.value(of: .sessionsToday) == .sessions(SessionCounts()))
    }

    @Test func tileListsHoldWhatTheTilesCount() throws {
        let s = try Scenario()
        let db = s.t.database
        guard case .treatments(let overdue) = try db.dashboardList(.overdue) else { Issue.record("overdue is a treatment list"); return }
        #expect(overdue.map(\.groupID) == [s.physio.group!.id])
        guard case .treatments(let unscheduled) = try db.dashboardList(.unscheduled) else { Issue.record("unscheduled"); return }
        #expect(unscheduled.map(\.groupID) == [s.driving.group!.id])
        #expect(unscheduled.first?.completed == 1 && unscheduled.first?.noShow == 1 && unscheduled.first?.booked == 1)
        guard case .sessions(let today) = try db.dashboardList(.today) else { Issue.record("today is a session list"); return }
        #expect(today.map(\.id) == [s.driving.bookings[2].id])
        guard case .treatments(let expiring) = try db.dashboardList(.expiring) else { Issue.record("expiring"); return }
        #expect(expiring.isEmpty)
        guard case .treatments(let none) = try db.dashboardList(.overdue, query: DashboardQuery(serviceID: s.clinic.driving.id)) else {
            Issue.record("overdue"); return
        }
        #expect(none.isEmpty)
    }

    @Test func packageExpiringThenExpiredMovesBetweenFigures() throws {
        let s = try Scenario()
        let db = s.t.database
        // The package was bought on 1 March with 180 days: it lapses on 28 August.
        s.t.now = s.t.at("2026-08-01 09:00")
        #expect(try db.dashboard().value(of: .packagesExpiring30d) == .count(1))
        guard case .treatments(let expiring) = try db.dashboardList(.expiring) else { Issue.record("expiring"); return }
        #expect(expiring.map(\.groupID) == [s.driving.group!.id])
        // Past the date with a lesson still booked, it stays open.
        s.t.now = s.t.at("2026-09-01 09:00")
        #expect(try db.dashboard().value(of: .activeTreatments) == .count(2))
        _ = try db.markNoShow(bookingID: s.driving.bookings[2].id)
        let after = try db.dashboard()
        #expect(after.value(of: .activeTreatments) == .count(1))
        #expect(after.counts.allClosed == ClosedTreatments(completed: 1, expired: 1))
        #expect(after.value(of: .unscheduledFlexibleSessions) == .count(0))
        let august = try db.dashboard(DashboardQuery(period: .days(from: LocalDay(year: 2026, month: 8, day: 1),
                                                                   to: LocalDay(year: 2026, month: 8, day: 31))))
        #expect(august.value(of: .completionRateFlexible) == .ratio(numerator: 0, denominator: 1))
        guard case .treatments(let unscheduled) = try db.dashboardList(.unscheduled) else { Issue.record("unscheduled"); return }
        #expect(unscheduled.isEmpty)
    }

    @Test func endingEarlyClosesWithoutCompletingAndReopeningUndoes() throws {
        let s = try Scenario()
        let db = s.t.database
        // The physiotherapy plan, ended on 13 April: closed, not completed.
        _ = try db.endTreatment(groupID: s.physio.group!.id, reason: .movedAway)
        var report = try db.dashboard()
        #expect(report.value(of: .completionRate) == .ratio(numerator: 1, denominator: 2))
        #expect(report.counts.closed[.sequential] == ClosedTreatments(endedEarly: 1))
        #expect(report.value(of: .activeTreatments) == .count(1))
        #expect(report.value(of: .overdueSequential) == .count(0))
        #expect(report.value(of: .completionRateSequential).description == "0 % (0 of 1)")
        let april = try db.dashboard(DashboardQuery(period: .thisMonth))
        #expect(april.counts.allClosed == ClosedTreatments(completed: 1, endedEarly: 1))
        // Undoing the crown's completion opens the implant treatment again.
        _ = try db.reopen(bookingID: s.implant.bookings[2].id)
        report = try db.dashboard()
        #expect(report.value(of: .completionRate) == .ratio(numerator: 0, denominator: 1))
        #expect(report.value(of: .activeTreatments) == .count(2))
        #expect(report.value(of: .sessionsThisWeek) == .sessions(SessionCounts(booked: 2)))
        #expect(try db.verifyKPICounters().isEmpty)
    }
}
