import Foundation
import FrontdeskCore
import FrontdeskStore
import GRDB

/// A 50-session immediate service (one week apart) planned for the busiest provider, starting on
/// that provider's next booked slot so the planner has to move sessions around real bookings.
struct PlanningFixture {
    let service: ServiceDefinition
    let gaps: [SessionGap]
    let firstStart: Date
    let horizon: Date
    let providerID: Int64
    let hours: WorkingHours
    let calendar: ClinicCalendar
    let now: Date
    let reader: DatabaseQueue
    var schedule: CountedSchedule

    struct CountedSchedule {
        var schedule: ProviderSchedule
        var busyCount: Int
    }

    init(database: AppDatabase, path: String, now: Date) throws {
        self.now = now
        self.calendar = database.calendar
        var configuration = Configuration()
        configuration.readonly = true
        reader = try DatabaseQueue(path: path, configuration: configuration)
        let rules = try BufferRules(totalSessions: 50, strategy: .immediate, defaultGap: .days(7))
        gaps = (1..<50).map { rules.gap(afterSession: $0) }
        service = ServiceDefinition(name: "Benchmark programme", defaultDurationMinutes: 60, totalSessions: 50, strategy: .immediate)
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let (provider, hoursText, first): (Int64, String, Int64) = try reader.read { db in
            let busiest = try Row.fetchOne(db, sql: """
                SELECT provider_id, COUNT(*) AS n FROM bookings GROUP BY provider_id ORDER BY n DESC, provider_id LIMIT 1
                """)!
            let id: Int64 = busiest["provider_id"]
            let hours = try String.fetchOne(db, sql: "SELECT working_hours FROM providers WHERE id = ?", arguments: [id]) ?? ""
            let first = try Int64.fetchOne(db, sql: """
                SELECT start_at FROM bookings WHERE provider_id = ? AND start_at >= ? AND status != 'cancelled'
                ORDER BY start_at LIMIT 1
                """, arguments: [id, nowSeconds]) ?? nowSeconds + 86_400
            return (id, hours, first)
        }
        providerID = provider
        hours = (try? WorkingHours.parse(hoursText)) ?? (try! WorkingHours.parse("Mon-Sun 08:00-18:00"))
        firstStart = Date(timeIntervalSince1970: TimeInterval(first))
        var end = firstStart
        for gap in gaps { end = calendar.adding(gap.maximum ?? gap.planned, to: end) }
        horizon = end.addingTimeInterval(400 * 86_400)
        schedule = CountedSchedule(schedule: ProviderSchedule(hours: hours, closedDays: [], busy: []), busyCount: 0)
        schedule = try readSchedule()
    }

    /// The provider's live bookings over the planning horizon, read with the store's own query.
    func readSchedule() throws -> CountedSchedule {
        let from = Int64(firstStart.timeIntervalSince1970), to = Int64(horizon.timeIntervalSince1970)
        let busy = try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, start_at, end_at FROM bookings
                WHERE provider_id = ? AND start_at > ? AND start_at < ? AND end_at > ? AND status != 'cancelled'
                ORDER BY start_at
                """, arguments: [providerID, from - 43_200, to, from]).map { row in
                DateInterval(start: Date(timeIntervalSince1970: TimeInterval(row["start_at"] as Int64)),
                             end: Date(timeIntervalSince1970: TimeInterval(row["end_at"] as Int64)))
            }
        }
        return CountedSchedule(schedule: ProviderSchedule(hours: hours, closedDays: [], busy: busy), busyCount: busy.count)
    }

    func plan(schedule: CountedSchedule) -> SchedulePlan {
        SchedulePlanner.immediate(service: service, gaps: gaps, firstStart: firstStart, schedule: schedule.schedule,
                                  calendar: calendar, now: now)
    }
}
