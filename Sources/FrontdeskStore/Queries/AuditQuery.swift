import Foundation
import FrontdeskCore
import GRDB

/// One change in the audit trail: who (the OS account), when, what, and the record before and after.
public struct AuditEvent: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var entity: String
    public var entityID: String
    /// The record before the change (JSON for services, providers and closed days), if any.
    public var before: String?
    public var after: String?
}

extension AppDatabase {
    /// Audit events at or after `since` (all when nil), oldest first, at most `limit` of the newest.
    public func auditEvents(since: Date? = nil, limit: Int = 1000) throws(StoreError) -> [AuditEvent] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM audit_events WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?
                """, arguments: [since?.storedSeconds ?? Int64.min, limit])
            return rows.reversed().map { row in
                AuditEvent(id: row["id"], at: Date(storedSeconds: row["at"]), actor: row["actor"], action: row["action"],
                           entity: row["entity"], entityID: row["entity_id"], before: row["before"], after: row["after"])
            }
        }
    }
}
