import Foundation
import FrontdeskCore
import GRDB

/// Treatments keep the rules they were booked under: a session group stores a copy of its service's
/// buffer configuration, session plan and default duration (migration "v7 services"). Planning,
/// windows, rescheduling and follow-ups for an existing treatment read that copy through here.
extension AppDatabase {
    /// The service as the treatment `groupID` was booked: its name, noun, price and providers as they
    /// are now, but its sessions, strategy, gaps, plan and durations as copied into the group.
    static func service(_ db: Database, asBookedIn groupID: String) throws -> Service? {
        var cache = GroupRulesCache()
        return try cache.service(db, asBookedIn: groupID)
    }

    /// Builds the service as booked from a group's copy and the service's current row.
    static func service(_ db: Database, copy row: Row, current: Service?) throws -> Service? {
        guard var service = current else { return nil }
        let strategy = Strategy(rawValue: row["strategy"]) ?? service.strategy
        let total: Int = row["total_sessions"]
        var definition = service.definition
        definition.strategy = strategy
        definition.totalSessions = total
        definition.requiresMultipleSessions = true
        if let minutes: Int = row["duration_minutes"] { definition.defaultDurationMinutes = minutes }
        if let planText: String = row["session_plan"],
           let plan = try? JSONDecoder().decode([SessionPlanStep].self, from: Data(planText.utf8)) {
            definition.plan = plan
        }
        service.definition = definition
        if let config: String = row["session_buffer_config"] {
            service.bufferRules = Self.groupRules(config, totalSessions: total, strategy: strategy) ?? service.bufferRules
        }
        return service
    }

    /// Stores the treatment's own copy of the rules it is booked under, in its creating transaction.
    static func insertRuleCopy(_ db: Database, groupID: String, service: Service) throws {
        let plan = String(decoding: (try? JSONEncoder().encode(service.definition.plan)) ?? Data("[]".utf8), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO session_group_rules(session_group_id, session_buffer_config, session_plan, duration_minutes)
            VALUES (?, ?, ?, ?)
            """, arguments: [groupID, service.bufferRules.canonicalJSON, plan, service.definition.defaultDurationMinutes])
    }

    /// Gives every treatment without a copy of its rules the service's current ones (rows written
    /// outside `insertGroup`, as the demo volume's bulk load does).
    static func fillMissingRuleCopies(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO session_group_rules(session_group_id, session_buffer_config, session_plan, duration_minutes)
            SELECT g.session_group_id, s.session_buffer_config, s.session_plan, s.duration_minutes
            FROM session_groups g JOIN services s ON s.id = g.service_id
            WHERE NOT EXISTS (SELECT 1 FROM session_group_rules r WHERE r.session_group_id = g.session_group_id)
            """)
    }

    /// The service whose rules apply to `booking`: its treatment's copy, or the service itself for a
    /// single appointment.
    static func rulesService(_ db: Database, for booking: Booking) throws -> Service {
        if let groupID = booking.sessionGroupID, let service = try service(db, asBookedIn: groupID) { return service }
        return try requireService(db, id: booking.serviceID)
    }

    /// Parses a group's copied configuration. It was valid when copied; should the check have become
    /// stricter since, the copy is read without the strategy's completeness rule rather than lost.
    static func groupRules(_ config: String, totalSessions: Int, strategy: Strategy) -> BufferRules? {
        (try? BufferRules.parse(config, totalSessions: totalSessions, strategy: strategy))
            ?? (try? BufferRules.parse(config, totalSessions: totalSessions, strategy: .flexible))
    }

    /// The service as treatment `groupID` was booked, for screens that continue it (book next, book more).
    public func serviceAsBooked(groupID: String) throws(StoreError) -> Service {
        let found = try read { db in try Self.service(db, asBookedIn: groupID) }
        guard let found else { throw .notFound(.treatment, key: groupID) }
        return found
    }

    /// Treatments of a service that are still going (not completed, not cancelled): they keep the
    /// rules they were booked under when the service is saved ("3 active treatments keep their current rules").
    public func activeTreatmentCount(serviceID: Int64) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM session_groups WHERE service_id = ? AND state IN ('active', 'to_book')
                """, arguments: [serviceID]) ?? 0
        }
    }
}

/// Reads treatments' copies of their rules, building each distinct copy once: the follow-up generator
/// visits many treatments of few services.
struct GroupRulesCache {
    private var built: [String: Service] = [:]
    private var services: [Int64: Service?] = [:]

    mutating func service(_ db: Database, asBookedIn groupID: String) throws -> Service? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT g.service_id, g.strategy, g.total_sessions, r.session_buffer_config, r.session_plan, r.duration_minutes
            FROM session_groups g LEFT JOIN session_group_rules r ON r.session_group_id = g.session_group_id
            WHERE g.session_group_id = ?
            """, arguments: [groupID]) else { return nil }
        return try service(db, copy: row)
    }

    /// The service as booked from a row holding the group's `service_id`, `strategy`, `total_sessions`
    /// and its copy's `session_buffer_config`, `session_plan` and `duration_minutes` (NULL without a copy).
    mutating func service(_ db: Database, copy row: Row) throws -> Service? {
        let serviceID: Int64 = row["service_id"]
        let strategy: String = row["strategy"]
        let total: Int = row["total_sessions"]
        let config: String? = row["session_buffer_config"]
        let plan: String? = row["session_plan"]
        let minutes: Int? = row["duration_minutes"]
        let key = "\(serviceID)|\(strategy)|\(total)|\(config ?? "-")|\(plan ?? "-")|\(minutes.map(String.init) ?? "-")"
        if let found = built[key] { return found }
        if services[serviceID] == nil { services[serviceID] = .some(try AppDatabase.service(db, id: serviceID)) }
        let service = try AppDatabase.service(db, copy: row, current: services[serviceID] ?? nil)
        if let service { built[key] = service }
        return service
    }
}
