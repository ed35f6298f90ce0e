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
