import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// The small demo clinic `frontdesk demo` opens on: what a desk would have booked.
@Suite struct DemoClinicTests {
    @Test func everyDemoSessionStartsOnAQuarterHourWhateverTheClockSays() throws {
        let t = try TemporaryDatabase(now: "2026-12-01T17:14:23+01:00")
        try t.database.seedDemoClinic()
        let starts = try t.database.read { db in
            try Int64.fetchAll(db, sql: "SELECT start_at FROM bookings")
        }
        #expect(starts.count > 50)
        // Clinic time is a whole number of hours from UTC here, so a quarter hour is the same in both.
        let offGrid = starts.filter { $0 % 900 != 0 }
        #expect(offGrid.isEmpty, "sessions off the quarter hour: \(offGrid.prefix(5))")
    }
}

extension DemoClinicTests {
    /// A day off must not squeeze a past session against the one before it: every sequential
    /// treatment's consecutive sessions keep the service's minimum gap, whatever weekday "now" is.
    @Test(arguments: ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"])
    func sequentialDemoSessionsKeepTheirMinimumGap(today: String) throws {
        let t = try TemporaryDatabase(now: "\(today)T10:00:00+01:00")
        try t.database.seedDemoClinic()
        let rows = try t.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT b.session_group_id AS grp, b.start_at AS start, s.session_buffer_config AS rules
                FROM bookings b JOIN services s ON s.id = b.service_id
                WHERE s.multi_session_strategy = 'sequential' AND b.status != 'cancelled'
                ORDER BY b.session_group_id, b.session_number
                """)
        }
        #expect(!rows.isEmpty)
        var previous: (group: String, start: Int64)?
        for row in rows {
            let group: String = row["grp"], start: Int64 = row["start"], rulesJSON: String = row["rules"]
            let rules = try JSONSerialization.jsonObject(with: Data(rulesJSON.utf8)) as? [String: Any]
            let minimumDays = (rules?["minimum_days"] as? Int) ?? 0
            if let previous, previous.group == group {
                let days = Double(start - previous.start) / 86_400
                #expect(days >= Double(minimumDays) - 0.05, "treatment \(group): sessions \(days) days apart, minimum \(minimumDays)")
            }
            previous = (group, start)
        }
    }
}
