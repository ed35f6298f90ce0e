import Foundation
import FrontdeskCore
import GRDB

/// Reading and maintaining session groups inside a transaction.
extension AppDatabase {
    static func group(_ db: Database, id: String) throws -> SessionGroup? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT g.*, c.name AS customer_name, s.name AS service_name, s.session_noun
            FROM session_groups g JOIN customers c ON c.id = g.customer_id JOIN services s ON s.id = g.service_id
            WHERE g.session_group_id = ?
            """, arguments: [id]) else { return nil }
        let sessions = try Row.fetchAll(db, sql: """
            SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
            WHERE b.session_group_id = ? ORDER BY b.session_number, b.start_at, b.id
            """, arguments: [id]).map(RowDecoding.booking)
        let expires: Int64? = row["expires_at"]
        return SessionGroup(
            id: row["session_group_id"], customerID: row["customer_id"], customerName: row["customer_name"],
            serviceID: row["service_id"], serviceName: row["service_name"], sessionNoun: row["session_noun"],
            strategy: Strategy(rawValue: row["strategy"]) ?? .flexible, totalSessions: row["total_sessions"],
            createdAt: Date(storedSeconds: row["created_at"]), expiresAt: expires.map(Date.init(storedSeconds:)),
            cancelled: row["cancelled"], sessions: sessions, ended: ending(row))
    }

    /// How the group was ended early, from its row; nil unless `ended_at` is set.
    static func ending(_ row: Row) -> TreatmentEnding? {
        guard let at: Int64 = row["ended_at"] else { return nil }
        return TreatmentEnding(at: Date(storedSeconds: at), reason: EndReason(row["ended_reason"] ?? ""),
                               by: row["ended_by"] ?? "")
    }

    /// One treatment with all its sessions.
    public func group(id: String) throws(StoreError) -> SessionGroup {
        let found = try read { db in try Self.group(db, id: id) }
        guard let found else { throw .notFound(.treatment, key: id) }
        return found
    }

    public func booking(id: Int64) throws(StoreError) -> Booking {
        let found = try read { db in try Self.booking(db, id: id) }
        guard let found else { throw .notFound(.booking, key: "\(id)") }
        return found
    }

    static func booking(_ db: Database, id: Int64) throws -> Booking? {
        try Row.fetchOne(db, sql: "SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins) WHERE b.id = ?",
                         arguments: [id]).map(RowDecoding.booking)
    }

    static func insertGroup(_ db: Database, id: String, customerID: Int64, service: Service, providerID: Int64?,
                            now: Date, expiresAt: Date?) throws {
        try db.execute(sql: """
            INSERT INTO session_groups(session_group_id, customer_id, service_id, provider_id, strategy, total_sessions,
                                       created_at, expires_at, anchor_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, customerID, service.id, providerID, service.strategy.rawValue, service.totalSessions,
                             now.storedSeconds, expiresAt?.storedSeconds, now.storedSeconds])
        try insertRuleCopy(db, groupID: id, service: service)
    }

    /// Inserts one live booking; the overlap trigger refuses a taken slot.
    static func insertBooking(_ db: Database, customerID: Int64, service: Service, providerID: Int64, start: Date,
                              number: Int, groupID: String?, actor: String, now: Date) throws -> Int64 {
        let minutes = service.definition.durationMinutes(forSession: number)
        let end = start.addingTimeInterval(TimeInterval(minutes * 60))
        let total = groupID == nil ? 1 : service.totalSessions
        let label = groupID == nil ? service.name : service.definition.label(forSession: number)
        try db.execute(sql: """
            INSERT INTO bookings(customer_id, service_id, provider_id, start_at, end_at, status, is_part_of_multi_session,
                                 session_group_id, session_number, total_sessions, label, created_at, updated_at,
                                 created_by, updated_by)
            VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [customerID, service.id, providerID, start.storedSeconds, end.storedSeconds, groupID != nil,
                             groupID, groupID == nil ? 1 : number, total, label, now.storedSeconds, now.storedSeconds,
                             actor, actor])
        return db.lastInsertedRowID
    }

    /// Keeps the group's state (the core's `GroupState`), listing order, earliest confirmed session and
    /// completion time current. Every transaction that changes a group's sessions or flags calls it.
    static func refreshGroup(_ db: Database, id: String, now: Date) throws {
        guard let head = try Row.fetchOne(db, sql: """
            SELECT total_sessions, cancelled, ended_at FROM session_groups WHERE session_group_id = ?
            """, arguments: [id]) else { return }
        let sessions = try Row.fetchAll(db, sql: "SELECT session_number, status FROM bookings WHERE session_group_id = ?",
                                        arguments: [id])
            .map { (number: $0["session_number"] as Int, status: BookingStatus(rawValue: $0["status"]) ?? .confirmed) }
        let endedAt: Int64? = head["ended_at"]
        let state = GroupState.stored(totalSessions: head["total_sessions"], sessions: sessions,
                                      cancelled: head["cancelled"], ended: endedAt != nil)
        try db.execute(sql: """
            UPDATE session_groups SET
              state = ?2,
              earliest_confirmed_at = (SELECT MIN(start_at) FROM bookings WHERE session_group_id = ?1 AND status = 'confirmed'),
              anchor_at = COALESCE(
                (SELECT MIN(start_at) FROM bookings WHERE session_group_id = ?1 AND status = 'confirmed'),
                (SELECT MAX(start_at) FROM bookings WHERE session_group_id = ?1 AND status != 'cancelled'),
                created_at),
              completed_at = CASE WHEN ?2 = 'completed' THEN COALESCE(completed_at, ?3) ELSE NULL END
            WHERE session_group_id = ?1
            """, arguments: [id, state.rawValue, now.storedSeconds])
    }
}
