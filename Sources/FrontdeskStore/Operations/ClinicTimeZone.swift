import Foundation
import FrontdeskCore
import GRDB

/// What changing the clinic's zone does to the bookings: shown before asking.
public struct TimeZoneChangePreview: Sendable, Equatable {
    public var from: String
    public var to: String
    /// Live (confirmed) bookings from now on: their clock times change, their moments do not.
    public var upcomingCount: Int
    /// The next few of them, as examples.
    public var examples: [Booking]
}

/// Changing the clinic's time zone.
///
/// Meaning: every appointment keeps its moment (the instant agreed with the customer); what changes
/// is the clock time the desk shows for it, and which moment working hours and closed days (always
/// read in the clinic's zone) stand for. The preview shows what moves before anything is changed.
extension AppDatabase {
    public func previewTimeZoneChange(to zone: String, examples: Int = 5) throws(StoreError) -> TimeZoneChangePreview {
        guard TimeZone(identifier: zone) != nil else { throw .timeZoneUnknown(zone) }
        let now = self.now
        let (count, rows) = try read { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bookings WHERE status = 'confirmed' AND start_at >= ?",
                                         arguments: [now.storedSeconds]) ?? 0
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM bookings WHERE status = 'confirmed' AND start_at >= ? ORDER BY start_at, id LIMIT ?
                """, arguments: [now.storedSeconds, examples])
            return (count, ids)
        }
        var bookings: [Booking] = []
        for id in rows { bookings.append(try booking(id: id)) }
        return TimeZoneChangePreview(from: timeZoneName, to: zone, upcomingCount: count, examples: bookings)
    }

    /// Records the new zone (audited). The database must be reopened to use it.
    public func changeTimeZone(to zone: String) throws(StoreError) {
        guard TimeZone(identifier: zone) != nil else { throw .timeZoneUnknown(zone) }
        let before = timeZoneName
        try write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('timezone', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [zone])
            // Counters kept per clinic day are recounted for the new zone's days.
            try KPICounters.alignClinicZone(db)
            try self.audit(db, action: "timezone", entity: "settings", id: "timezone", before: before, after: zone)
        }
    }
}
