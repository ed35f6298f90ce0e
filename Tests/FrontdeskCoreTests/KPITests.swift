import Testing
@testable import FrontdeskCore

/// The figure definitions and formulas of the Dashboard (SPEC §5.5), from plain counts.
@Suite struct KPITests {
    let counts = DashboardCounts(
        active: [.immediate: 4, .sequential: 3, .flexible: 5],
        closed: [.immediate: ClosedTreatments(completed: 6, cancelled: 1),
                 .sequential: ClosedTreatments(completed: 2, cancelled: 1, endedEarly: 1),
                 .flexible: ClosedTreatments(completed: 1, expired: 1)],
        started: [.immediate: 11, .sequential: 7, .flexible: 7],
        periodSessions: SessionCounts(booked: 40, completed: 95, noShow: 5, cancelled: 9),
        today: SessionCounts(booked: 5, completed: 2, noShow: 1, cancelled: 3),
        thisWeek: SessionCounts(booked: 20, completed: 10, noShow: 1),
        overdueSequential: 2, unscheduledFlexibleSessions: 23, packagesExpiringSoon: 1)

    @Test func completionRateIsCompletedOverClosedIncludingEndedEarlyAndExpired() {
        let report = KPIReport(counts)
        #expect(report.value(of: .completionRate) == .ratio(numerator: 9, denominator: 13))
        #expect(report.value(of: .completionRate).description == "69 % (9 of 13)")
        #expect(report.completionRate(for: .immediate) == 6.0 / 7.0)
        #expect(report.value(of: .completionRateSequential) == .ratio(numerator: 2, denominator: 4))
        #expect(report.completionRate(for: .flexible) == 0.5)
        #expect(report.value(of: .activeTreatments) == .count(12))
    }

    @Test func rateTextShowsPercentAndCounts() {
        #expect(KPIValue.ratio(numerator: 42, denominator: 50).description == "84 % (42 of 50)")
        #expect(KPIValue.ratio(numerator: 0, denominator: 0).description == "– (0 of 0)")
        #expect(KPIValue.sessions(SessionCounts(booked: 5, completed: 3, noShow: 1)).description
                == "5 booked · 3 completed · 1 no-show")
    }

    @Test func noClosedTreatmentsMeansNoRate() {
        let report = KPIReport(DashboardCounts(active: [.flexible: 3]))
        #expect(report.completionRate == nil)
        #expect(report.completionRate(for: .flexible) == nil)
        #expect(report.noShowRate == nil)
        #expect(report.popularity(of: .flexible) == nil)
    }

    @Test func noShowRateIsNoShowsOverCompletedAndNoShowSessions() {
        let report = KPIReport(counts)
        #expect(report.noShowRate == 0.05)
        #expect(report.value(of: .noShowRate).description == "5 % (5 of 100)")
    }

    @Test func popularityIsTheShareOfTreatmentsStarted() {
        let report = KPIReport(counts)
        #expect(report.value(of: .popularityImmediate) == .ratio(numerator: 11, denominator: 25))
        #expect(report.value(of: .popularitySequential) == .ratio(numerator: 7, denominator: 25))
        #expect(report.value(of: .popularityFlexible) == .ratio(numerator: 7, denominator: 25))
    }

    @Test func sessionsAndCountsPassThrough() {
        let report = KPIReport(counts)
        #expect(report.value(of: .sessionsToday) == .sessions(SessionCounts(booked: 5, completed: 2, noShow: 1, cancelled: 3)))
        #expect(counts.today.live == 8)
        #expect(report.value(of: .overdueSequential) == .count(2))
        #expect(report.value(of: .unscheduledFlexibleSessions) == .count(23))
        #expect(report.value(of: .packagesExpiring30d) == .count(1))
        #expect(report.rows.count == KPI.allCases.count)
    }

    @Test func everyFigureHasANameTitleAndDefinition() {
        for kpi in KPI.allCases {
            #expect(!kpi.title.isEmpty && kpi.definition.hasSuffix("."))
            #expect(kpi.followsPeriod == (KPIReport(counts).value(of: kpi).rate != nil))
        }
        for strategy in Strategy.allCases {
            #expect(KPI.completionRate(for: strategy).strategy == strategy)
            #expect(KPI.popularity(of: strategy).strategy == strategy)
            #expect(KPI.completionRate(for: strategy).definition.contains(strategy.rawValue))
        }
        #expect(KPI.completionRate.definition.contains("ended early"))
        #expect(KPI.completionRate.definition.contains("no-show is not a completion"))
        #expect(Set(KPI.allCases.compactMap(\.list)) == Set(KPIList.allCases))
    }

    @Test func periodsCoverTheirCalendarSpans() {
        let today = LocalDay(year: 2026, month: 5, day: 14) // a Thursday
        #expect(KPIPeriod.thisWeek.range(today: today) == LocalDay(year: 2026, month: 5, day: 11)...LocalDay(year: 2026, month: 5, day: 17))
        #expect(KPIPeriod.thisMonth.range(today: today) == LocalDay(year: 2026, month: 5, day: 1)...LocalDay(year: 2026, month: 5, day: 31))
        #expect(KPIPeriod.thisQuarter.range(today: today) == LocalDay(year: 2026, month: 4, day: 1)...LocalDay(year: 2026, month: 6, day: 30))
        #expect(KPIPeriod.thisYear.range(today: today) == LocalDay(year: 2026, month: 1, day: 1)...LocalDay(year: 2026, month: 12, day: 31))
        #expect(KPIPeriod.allTime.range(today: today) == nil)
        let feb = LocalDay(year: 2028, month: 2, day: 10)
        #expect(KPIPeriod.thisMonth.range(today: feb)?.upperBound == LocalDay(year: 2028, month: 2, day: 29))
        let backwards = KPIPeriod.days(from: LocalDay(year: 2026, month: 3, day: 9), to: LocalDay(year: 2026, month: 3, day: 1))
        #expect(backwards.range(today: today) == LocalDay(year: 2026, month: 3, day: 1)...LocalDay(year: 2026, month: 3, day: 9))
        for period in KPIPeriod.offered { #expect(KPIPeriod(name: period.name!) == period) }
        #expect(KPIPeriod(name: "fortnight") == nil)
    }

    @Test func chartWeeksAreTwelveBeforeThisWeekAndFourAfter() {
        let weeks = DashboardQuery.chartWeeks(today: LocalDay(year: 2026, month: 5, day: 14))
        #expect(weeks.count == 17)
        #expect(weeks[12] == LocalDay(year: 2026, month: 5, day: 11))
        #expect(weeks.first == LocalDay(year: 2026, month: 2, day: 16))
        #expect(weeks.last == LocalDay(year: 2026, month: 6, day: 8))
        #expect(weeks.allSatisfy { $0.weekday == .monday })
    }
}
