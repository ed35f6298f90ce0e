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
            cancelled: row["cancelled"], sessions: sessions)
    }

    /// One treatment with all its sessions.
    public func group(id: String) throws(StoreError) -> SessionGroup {
        let found = try read { db in try Self.group(db, id: id) }
        guard let found else { throw .notFound(what: "treatment", key: id) }
        return found
    }

    public func booking(id: Int64) throws(StoreError) -> Booking {
        let found = try read { db in try Self.booking(db, id: id) }
        guard let found else { throw .notFound(what: "booking", key: "\(id)") }
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

    /// Keeps the group's listing order and completion time current after any change to its sessions.
    static func refreshGroup(_ db: Database, id: String, now: Date) throws {
        try db.execute(sql: """
            UPDATE session_groups SET
              anchor_at = COALESCE(
                (SELECT MIN(start_at) FROM bookings WHERE session_group_id = ?1 AND status = 'confirmed'),
                (SELECT MAX(start_at) FROM bookings WHERE session_group_id = ?1 AND status != 'cancelled'),
                created_at),
              -- Completed when every session is done, or every number is resolved (some missed) and none is pending:
              -- the same rule as the core's GroupState.
              completed_at = CASE
                WHEN (SELECT COUNT(*) FROM bookings WHERE session_group_id = ?1 AND status = 'completed') >= total_sessions
                  OR ((SELECT COUNT(*) FROM bookings WHERE session_group_id = ?1 AND status IN ('completed', 'no_show')) >= total_sessions
                      AND NOT EXISTS (SELECT 1 FROM bookings WHERE session_group_id = ?1 AND status = 'confirmed')
                      AND EXISTS (SELECT 1 FROM bookings WHERE session_group_id = ?1 AND status = 'completed'))
                THEN COALESCE(completed_at, ?2) ELSE NULL END
            WHERE session_group_id = ?1
            """, arguments: [id, now.storedSeconds])
    }
}
