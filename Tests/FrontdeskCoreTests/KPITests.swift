import Testing
@testable import FrontdeskCore

@Suite struct KPITests {
    let inputs = KPIInputs(
        groups: [.immediate: GroupStateCounts(active: 4, completed: 6, cancelled: 1, expired: 0),
                 .sequential: GroupStateCounts(active: 3, completed: 2, cancelled: 2, expired: 0),
                 .flexible: GroupStateCounts(active: 5, completed: 1, cancelled: 0, expired: 1)],
        sessionsToday: 7, sessionsThisWeek: 31, overdueSequentialGroups: 2, unscheduledFlexibleSessions: 23,
        packagesExpiringWithin30Days: 1, completedSessions: 95, noShowSessions: 5)

    @Test func completionRateIsCompletedOverClosed() {
        let report = KPIReport(inputs)
        #expect(report.value(of: .completedGroups) == .count(9))
        #expect(report.value(of: .closedGroups) == .count(13))
        #expect(report.value(of: .completionRate) == .ratio(numerator: 9, denominator: 13))
        #expect(report.completionRate == 9.0 / 13.0)
        #expect(report.value(of: .completionRate).description == "69% (9 of 13)")
        #expect(report.completionRate(for: .immediate) == 6.0 / 7.0)
        #expect(report.completionRate(for: .sequential) == 0.5)
        #expect(report.completionRate(for: .flexible) == 0.5)
        #expect(report.value(of: .activeTreatments) == .count(12))
    }

    @Test func noClosedGroupsMeansNoRate() {
        let report = KPIReport(KPIInputs(groups: [.flexible: GroupStateCounts(active: 3)]))
        #expect(report.completionRate == nil)
        #expect(report.completionRate(for: .flexible) == nil)
        #expect(report.completionRate(for: .immediate) == nil)
        #expect(report.noShowRate == nil)
        #expect(report.value(of: .completionRate).description == "– (0 of 0)")
        #expect(report.popularity(of: .flexible) == 1)
        #expect(KPIReport(KPIInputs()).popularity(of: .flexible) == nil)
    }

    @Test func noShowRateAndPopularity() {
        let report = KPIReport(inputs)
        #expect(report.noShowRate == 0.05)
        #expect(report.value(of: .noShowRate).description == "5% (5 of 100)")
        #expect(report.value(of: .popularityImmediate) == .ratio(numerator: 11, denominator: 25))
        #expect(report.value(of: .popularitySequential) == .ratio(numerator: 7, denominator: 25))
        #expect(report.value(of: .popularityFlexible) == .ratio(numerator: 7, denominator: 25))
    }

    @Test func plainCountsPassThrough() {
        let report = KPIReport(inputs)
        #expect(report.value(of: .sessionsToday) == .count(7))
        #expect(report.value(of: .sessionsThisWeek) == .count(31))
        #expect(report.value(of: .overdueSequential) == .count(2))
        #expect(report.value(of: .unscheduledFlexibleSessions) == .count(23))
        #expect(report.value(of: .packagesExpiring30d) == .count(1))
        #expect(report.rows.count == KPI.allCases.count)
    }

    @Test func everyKPIHasANameTitleAndDefinition() {
        let names = Set(KPI.allCases.map(\.rawValue))
        for required in ["active_treatments", "completion_rate", "completed_groups", "closed_groups", "sessions_today",
                         "sessions_this_week", "overdue_sequential", "unscheduled_flexible_sessions",
                         "packages_expiring_30d", "no_show_rate"] {
            #expect(names.contains(required))
        }
        for kpi in KPI.allCases {
            #expect(!kpi.title.isEmpty && kpi.definition.hasSuffix("."))
            #expect(kpi.isRate == (KPIReport(inputs).value(of: kpi).rate != nil))
        }
        for strategy in Strategy.allCases {
            #expect(KPI.completionRate(for: strategy).strategy == strategy)
            #expect(KPI.popularity(of: strategy).strategy == strategy)
        }
        #expect(KPI.completionRateSequential.definition.contains("sequential"))
    }
}
