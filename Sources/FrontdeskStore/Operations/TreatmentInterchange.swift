import Foundation
import FrontdeskCore
import GRDB

/// Treatments out to CSV and back in: what a treatment holds beyond its bookings (created, expiry,
/// how it was closed, its own copy of the rules). `import csv bookings` creates the treatments;
/// `importTreatments` then gives each one the rest, in one transaction, and checks that the state
/// and counts the file gives are what its bookings make them.
extension AppDatabase {
    /// Every treatment in id order, `limit` at a time after `afterID`, with its state at now.
    public func exportedTreatments(after afterID: String, limit: Int) throws(StoreError) -> [ExportedTreatment] {
        let now = self.now
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.session_group_id, c.name, s.name, g.strategy, g.state, g.total_sessions, g.created_at, g.expires_at,
                       g.completed_at, g.ended_at, g.ended_reason, g.ended_by,
                       COALESCE(r.session_buffer_config, s.session_buffer_config), COALESCE(r.session_plan, s.session_plan),
                       COALESCE(r.duration_minutes, s.duration_minutes),
                       (SELECT count(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'completed'),
                       (SELECT count(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'confirmed')
                FROM session_groups g JOIN customers c ON c.id = g.customer_id JOIN services s ON s.id = g.service_id
                LEFT JOIN session_group_rules r ON r.session_group_id = g.session_group_id
                WHERE g.session_group_id > ? ORDER BY g.session_group_id LIMIT ?
                """, arguments: [afterID, limit]).map { row in
                let expires = (row[7] as Int64?).map(Date.init(storedSeconds:))
                let booked: Int = row[16]
                let stored = GroupState(rawValue: row[4]) ?? .toBook
                let ending = (row[9] as Int64?).map {
                    TreatmentEnding(at: Date(storedSeconds: $0), reason: EndReason(row[10] ?? ""), by: row[11] ?? "")
                }
                return ExportedTreatment(
                    id: row[0], customerName: row[1], serviceName: row[2], strategy: Strategy(rawValue: row[3]) ?? .flexible,
                    state: stored.at(now, expiresAt: expires, hasConfirmed: booked > 0), totalSessions: row[5],
                    completed: row[15], booked: booked, createdAt: Date(storedSeconds: row[6]), expiresAt: expires,
                    completedAt: (row[8] as Int64?).map(Date.init(storedSeconds:)), ended: ending,
                    bufferConfig: row[12], sessionPlan: row[13], durationMinutes: row[14])
            }
        }
    }

    /// Applies checked treatment rows to the treatments their bookings created, in one transaction.
    /// A row naming a treatment that is not in the database, or another customer, service, strategy
    /// or number of sessions than it has, or a state or count its bookings do not give, refuses
    /// the whole file naming the row and column.
    public func importTreatments(_ rows: [TreatmentImport]) throws(StoreError) -> ImportSummary {
        try write { db in
            let update = try db.makeStatement(sql: """
                UPDATE session_groups SET created_at = ?, expires_at = ?, cancelled = ?, ended_at = ?, ended_reason = ?,
                                          ended_by = ?, completed_at = ?
                WHERE session_group_id = ?
                """)
            let rules = try db.makeStatement(sql: """
                UPDATE session_group_rules SET session_buffer_config = COALESCE(?, session_buffer_config),
                       session_plan = COALESCE(?, session_plan), duration_minutes = COALESCE(?, duration_minutes)
                WHERE session_group_id = ?
                """)
            for row in rows {
                guard let head = try Row.fetchOne(db, sql: """
                    SELECT c.name, s.name, g.strategy, g.total_sessions
                    FROM session_groups g JOIN customers c ON c.id = g.customer_id JOIN services s ON s.id = g.service_id
                    WHERE g.session_group_id = ?
                    """, arguments: [row.id]) else {
                    throw StoreError.invalid(.importRow(row: row.row, .treatmentMissing(row.id)))
                }
                let have: [(column: String, file: String, database: String)] = [
                    ("customer", row.customerName, head[0]), ("service", row.serviceName, head[1]),
                    ("strategy", row.strategy.rawValue, head[2]), ("total_sessions", String(row.totalSessions), String(head[3] as Int)),
                ]
                for (column, file, database) in have where file != database {
                    throw StoreError.invalid(.importRow(row: row.row, .differsFromImported(column: column, file: file, database: database)))
                }
                try update.execute(arguments: [
                    row.createdAt.storedSeconds, row.expiresAt?.storedSeconds, row.state == .cancelled,
                    row.ended?.at.storedSeconds, row.ended?.reason.text, row.ended?.by, row.completedAt?.storedSeconds, row.id,
                ])
                try Self.fillMissingRuleCopies(db, groupID: row.id)
                try rules.execute(arguments: [row.bufferConfig, row.sessionPlan, row.durationMinutes, row.id])
                try Self.refreshGroup(db, id: row.id, now: now)
                try Self.checkImported(db, row)
            }
            try self.audit(db, action: "import", entity: "treatment", id: "\(rows.count)", after: "\(rows.count) treatments from CSV")
            return ImportSummary(treatments: rows.count)
        }
    }

    /// The state and counts the file gives must be what the treatment's bookings make them.
    private static func checkImported(_ db: Database, _ row: TreatmentImport) throws {
        guard let after = try Row.fetchOne(db, sql: """
            SELECT g.state,
                   (SELECT count(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'completed'),
                   (SELECT count(*) FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'confirmed')
            FROM session_groups g WHERE g.session_group_id = ?
            """, arguments: [row.id]) else { return }
        let state: String = after[0], completed: Int = after[1], booked: Int = after[2]
        func refuse(_ column: String, _ file: String, _ derived: String) -> StoreError {
            .invalid(.importRow(row: row.row, .differsFromBookings(column: column, file: file, derived: derived)))
        }
        if row.storedState.rawValue != state {
            throw refuse("state", row.state.rawValue.replacingOccurrences(of: "_", with: "-"), state.replacingOccurrences(of: "_", with: "-"))
        }
        if let expected = row.completed, expected != completed { throw refuse("completed", "\(expected)", "\(completed)") }
        if let expected = row.booked, expected != booked { throw refuse("booked", "\(expected)", "\(booked)") }
    }

    /// Gives one treatment the service's current rules when it has no copy yet (bookings imported from CSV).
    static func fillMissingRuleCopies(_ db: Database, groupID: String) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO session_group_rules(session_group_id, session_buffer_config, session_plan, duration_minutes)
            SELECT g.session_group_id, s.session_buffer_config, s.session_plan, s.duration_minutes
            FROM session_groups g JOIN services s ON s.id = g.service_id WHERE g.session_group_id = ?
            """, arguments: [groupID])
    }
}
