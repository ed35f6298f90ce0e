import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// The counters stay right whoever writes, are built for databases that predate them, follow the
/// clinic's time zone, and `verifyKPICounters` finds any difference.
@Suite struct KPICounterMaintenanceTests {
    /// Runs SQL with the sqlite3 shell: a writer that knows nothing of Frontdesk.
    func sqlite(_ path: String, _ sql: String) throws -> String {
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

    func busyClinic() throws -> (TemporaryDatabase, ClinicFixture.Clinic) {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let implant = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                                   firstStart: t.at("2026-03-02 09:00"))
        let driving = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                  starts: [t.at("2026-03-03 17:00"), t.at("2026-03-05 17:00")])
        t.now = t.at("2026-03-06 09:00")
        _ = try t.database.complete(bookingID: implant.bookings[0].id)
        _ = try t.database.markNoShow(bookingID: driving.bookings[1].id)
        return (t, clinic)
    }

    @Test func migrationBuildsCountersForADatabaseThatPredatesThem() throws {
        let (t, _) = try busyClinic()
        let before = try t.database.dashboard()
        // Take the database back to before the counters: no tables, no triggers, no migration record.
        let objects = try sqlite(t.path, """
            SELECT type || ' ' || name FROM sqlite_master WHERE (name LIKE 'kpi%' OR name LIKE 'dashboard_overdue%') AND type IN ('table', 'trigger')
            """)
        let drops = objects.split(separator: "\n").map { "DROP \($0.split(separator: " ")[0].uppercased()) IF EXISTS \($0.split(separator: " ")[1]);" }
        _ = try sqlite(t.path, drops.joined() + """
            DELETE FROM grdb_migrations WHERE identifier LIKE 'v5 kpi%' OR identifier LIKE 'v6 kpi%' OR identifier LIKE 'dashboard: overdue%';
            DELETE FROM settings WHERE key = 'kpi_zone';
            """)
        #expect(try sqlite(t.path, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'kpi%'") == "0")
        let now = t.now
        let reopened = try AppDatabase.open(path: t.path, actor: "test", clock: { now })
        #expect(try reopened.dashboard() == before)
        #expect(try reopened.verifyKPICounters().isEmpty)
    }

    @Test func v6MigrationCountsLapsingPackagesInADatabaseCountedWithout() throws {
        let (t, _) = try busyClinic()
        // The driving package: its first lesson missed too, it lapses with nothing booked.
        let lesson = try #require(try t.database.agenda(from: t.at("2026-03-03 00:00"), to: t.at("2026-03-04 00:00")).first)
        try t.database.markNoShow(bookingID: lesson.id)
        t.now = t.at("2026-10-01 09:00")
        let before = try t.database.dashboard()
        #expect(before.counts.allClosed.expired == 1)
        _ = try sqlite(t.path, "DELETE FROM kpi_treatment_counts WHERE event = 'lapses'; DELETE FROM grdb_migrations WHERE identifier LIKE 'v6 kpi%';")
        #expect(try t.database.verifyKPICounters().isEmpty == false)
        let now = t.now
        let reopened = try AppDatabase.open(path: t.path, actor: "test", clock: { now })
        #expect(try reopened.verifyKPICounters().isEmpty)
        #expect(try reopened.dashboard() == before)
    }

    @Test func aWriterOutsideTheApplicationKeepsTheCountersRight() throws {
        let (t, clinic) = try busyClinic()
        let customer = clinic.customer.id, service = clinic.implant.id, provider = clinic.provider.id
        let start = Int64(t.at("2026-03-06 12:00").timeIntervalSince1970)
        _ = try sqlite(t.path, """
            INSERT INTO bookings(customer_id, service_id, provider_id, start_at, end_at, status, created_at, updated_at, created_by, updated_by)
            VALUES (\(customer), \(service), \(provider), \(start), \(start + 3600), 'confirmed', 0, 0, 'shell', 'shell');
            UPDATE bookings SET status = 'cancelled' WHERE session_number = 2 AND session_group_id IS NOT NULL;
            DELETE FROM follow_ups; DELETE FROM bookings WHERE status = 'no_show';
            """)
        #expect(try t.database.verifyKPICounters().isEmpty)
        #expect(try t.database.dashboard().value(of: .sessionsToday) == .sessions(SessionCounts(booked: 1)))
    }

    @Test func sessionsCountOnTheClinicsLocalDay() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00", timeZone: "Pacific/Auckland")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Sun 00:00-23:59")
        // 00:30 on 2 March in Auckland is still 1 March in UTC.
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-02 00:30")])
        t.now = t.at("2026-03-02 08:00")
        #expect(try t.database.dashboard().value(of: .sessionsToday) == .sessions(SessionCounts(booked: 1)))
        t.now = t.at("2026-03-01 23:00")
        #expect(try t.database.dashboard().value(of: .sessionsToday) == .sessions(SessionCounts()))
    }

    @Test func changingTheClinicsZoneRecountsTheDays() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Sun 00:00-23:59")
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-02 00:30")])
        // 00:30 in Zurich is 23:30 the day before in UTC.
        let utcNow = t.at("2026-03-01 23:30")
        // Opening never changes an existing database's zone; the explicit change does (and recounts).
        try t.database.changeTimeZone(to: "UTC")
        let moved = try AppDatabase.open(path: t.path, actor: "test", clock: { utcNow })
        #expect(try moved.verifyKPICounters().isEmpty)
        #expect(try moved.dashboard().value(of: .sessionsToday) == .sessions(SessionCounts(booked: 1)))
        #expect(try moved.dashboard().counts.today == SessionCounts(booked: 1))
    }

    @Test func verificationFindsATamperedCounterAndRebuildRepairsIt() throws {
        let (t, _) = try busyClinic()
        #expect(try t.database.verifyKPICounters().isEmpty)
        _ = try sqlite(t.path, """
            UPDATE kpi_sessions SET sessions = sessions + 2 WHERE provider_id = 0 AND service_id = 0 AND status = 'completed';
            UPDATE kpi_treatments SET held_sessions = 9;
            """)
        let differences = try t.database.verifyKPICounters()
        #expect(Set(differences.map(\.table)) == ["kpi_sessions", "kpi_treatments", "kpi_treatment_counts"])
        #expect(differences.contains { $0.side == .keptOnly } && differences.contains { $0.side == .recountedOnly })
        try t.database.rebuildKPICounters()
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    @Test func generatedVolumeIsCountedOnce() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let written = try t.database.seedVolume(bookings: 2_000)
        #expect(written == 2_000)
        #expect(try t.database.verifyKPICounters().isEmpty)
        let report = try t.database.dashboard()
        guard case .ratio(_, let sessions) = report.value(of: .noShowRate) else { Issue.record("no-show rate is a ratio"); return }
        #expect(sessions > 0)
    }
}
