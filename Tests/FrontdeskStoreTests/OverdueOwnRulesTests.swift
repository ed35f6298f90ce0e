import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// The Dashboard's overdue figure and list follow each treatment's own copy of its rules, as the
/// follow-ups do, whatever a manager later does to the service's gaps.
@Suite struct OverdueOwnRulesTests {
    /// A sequential physiotherapy plan (maximum gap 7 days) booked and its first session completed.
    func completedFirstSession(_ t: TemporaryDatabase, _ clinic: ClinicFixture.Clinic, customer: Int64, at start: String) throws -> String {
        let result = try t.database.bookSessions(customerID: customer, serviceID: clinic.physio.id, starts: [t.at(start)])
        _ = try t.database.complete(bookingID: result.bookings[0].id, early: true)
        return try #require(result.group?.id)
    }

    /// Changes the physiotherapy service's maximum gap; treatments already booked keep theirs.
    func setMaximumGap(_ t: TemporaryDatabase, _ clinic: ClinicFixture.Clinic, days: Int) throws {
        let current = try t.database.service(id: clinic.physio.id)
        var draft = ServiceDraft(current, providerNames: try t.database.providerNames(of: current))
        draft.rules = try BufferRules.parse(#"{"minimum_days": 2, "maximum_days": \#(days), "recommended_days": 3}"#,
                                            totalSessions: current.definition.totalSessions, strategy: .sequential)
        #expect(try t.database.saveService(draft, id: clinic.physio.id).kind == .updated)
    }

    /// The treatments the follow-ups hold overdue now (pending, due), after generating what is due.
    func followUpOverdue(_ t: TemporaryDatabase) throws -> Set<String> {
        try t.database.generateDueFollowUps()
        return Set(try t.database.followUps(status: .pending, dueBefore: t.now).filter { $0.kind == .overdue }.compactMap(\.groupID))
    }

    func dashboardOverdue(_ t: TemporaryDatabase) throws -> (count: Int, ids: Set<String>) {
        let count = try t.database.dashboard().counts.overdueSequential
        guard case .treatments(let rows) = try t.database.dashboardList(.overdue) else { return (count, []) }
        return (count, Set(rows.compactMap(\.groupID)))
    }

    @Test func overdueFollowsTheTreatmentsOwnMaximumGapAfterTheServiceChanges() throws {
        let t = try TemporaryDatabase(now: "2026-03-02T08:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Sun 07:00-21:00")
        let zoe = try t.database.addCustomer(name: "Zoë Müller").id
        // Booked under a maximum gap of 7 days.
        let underSeven = try completedFirstSession(t, clinic, customer: clinic.customer.id, at: "2026-03-02 10:00")
        try setMaximumGap(t, clinic, days: 30)
        // Booked under the new maximum gap of 30 days.
        let underThirty = try completedFirstSession(t, clinic, customer: zoe, at: "2026-03-02 11:00")

        // Six days on: neither is overdue.
        t.now = t.at("2026-03-08 12:00")
        #expect(try dashboardOverdue(t).count == 0)
        #expect(try followUpOverdue(t).isEmpty)

        // Ten days on: the 7-day treatment is overdue by its own copy; the 30-day one is not.
        t.now = t.at("2026-03-12 12:00")
        let tenDays = try dashboardOverdue(t)
        #expect(tenDays.count == 1 && tenDays.ids == [underSeven])
        #expect(try followUpOverdue(t) == tenDays.ids)
        #expect(try t.database.verifyKPICounters().isEmpty)

        // The service back at 7 days changes neither: each treatment keeps the rules it was booked under.
        try setMaximumGap(t, clinic, days: 7)
        let after = try dashboardOverdue(t)
        #expect(after.count == 1 && after.ids == [underSeven])
        #expect(try followUpOverdue(t) == after.ids)

        // Thirty-one days on, both are overdue, the longest overdue first.
        t.now = t.at("2026-04-02 12:00")
        let both = try dashboardOverdue(t)
        #expect(both.count == 2 && both.ids == [underSeven, underThirty])
        #expect(try followUpOverdue(t) == both.ids)
        guard case .treatments(let rows) = try t.database.dashboardList(.overdue) else { Issue.record("overdue is a treatment list"); return }
        #expect(rows.map(\.groupID) == [underSeven, underThirty])
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    @Test func anOverdueInstantAnotherProgramClearedIsWorkedOutWhenRead() throws {
        let t = try TemporaryDatabase(now: "2026-03-02T08:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Sun 07:00-21:00")
        let group = try completedFirstSession(t, clinic, customer: clinic.customer.id, at: "2026-03-02 10:00")
        try setMaximumGap(t, clinic, days: 30)
        // Another program (the sqlite3 shell) rewrites the treatment's copy: the instant is cleared by
        // the triggers and nobody fills it in, yet the figure follows the copy it now holds.
        try shell(t.path, """
            UPDATE session_group_rules SET session_buffer_config = '{"minimum_days":1,"maximum_days":4,"recommended_days":2}'
            WHERE session_group_id = '\(group)';
            """)
        #expect(try shell(t.path, "SELECT COUNT(*) FROM kpi_treatments WHERE overdue_at IS NULL AND session_group_id = '\(group)'") == "1")
        t.now = t.at("2026-03-07 12:00")
        #expect(try dashboardOverdue(t).count == 1)
        #expect(try dashboardOverdue(t).ids == [group])
        #expect(try t.database.verifyKPICounters().isEmpty)
        // The next write of the application fills it in, with the same answer.
        _ = try t.database.addCustomer(name: "Thomas Weber")
        #expect(try shell(t.path, "SELECT COUNT(*) FROM kpi_treatments WHERE overdue_at IS NULL AND session_group_id = '\(group)'") == "0")
        #expect(try dashboardOverdue(t).count == 1)
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    @Test func verificationFindsAWrongOverdueInstant() throws {
        let t = try TemporaryDatabase(now: "2026-03-02T08:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Sun 07:00-21:00")
        let group = try completedFirstSession(t, clinic, customer: clinic.customer.id, at: "2026-03-02 10:00")
        try shell(t.path, "UPDATE kpi_treatments SET overdue_at = overdue_at + 86400 WHERE session_group_id = '\(group)';")
        let differences = try t.database.verifyKPICounters()
        #expect(differences.count == 2 && differences.allSatisfy { $0.row.contains(group) && $0.row.contains("overdue_at") })
        try t.database.rebuildKPICounters()
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    /// Runs SQL with the sqlite3 shell: a writer that knows nothing of Frontdesk.
    @discardableResult
    func shell(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 failed on: \(sql)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
