import Foundation
import FrontdeskCore
import GRDB

/// The grouped Bookings list: treatments and single bookings merged in anchor order, one page at a time.
///
/// Both kinds are read with keyset conditions on their own index (groups by `anchor_at`, singles by
/// `start_at`) and merged, so a page costs the same at row 10 and at row 1,000,000.
extension AppDatabase {
    public enum PageDirection: Sendable { case forward, backward }

    /// Up to `limit` rows after (forward) or before (backward) `cursor`, always returned in ascending order.
    public func treatments(filter: TreatmentFilter = TreatmentFilter(), from cursor: TreatmentCursor? = nil,
                           direction: PageDirection = .forward, limit: Int = 50) throws(StoreError) -> [TreatmentSummary] {
        let now = self.now
        return try read { db in
            let customerIDs = try Self.customerIDs(db, matching: filter)
            if let customerIDs, customerIDs.isEmpty { return [] }
            var groups = try Self.groupRows(db, filter: filter, customerIDs: customerIDs, cursor: cursor,
                                            direction: direction, limit: limit, now: now)
            let singles = try Self.singleRows(db, filter: filter, customerIDs: customerIDs, cursor: cursor,
                                              direction: direction, limit: limit, now: now)
            try Self.fillProgress(db, &groups, now: now)
            var merged = (groups + singles).sorted(by: Self.listOrder)
            if direction == .forward {
                merged = Array(merged.prefix(limit))
            } else {
                merged = Array(merged.suffix(limit))
            }
            return merged
        }
    }

    static func listOrder(_ a: TreatmentSummary, _ b: TreatmentSummary) -> Bool {
        if a.anchor != b.anchor { return a.anchor < b.anchor }
        switch (a.kind, b.kind) {
        case (.single, .group): return true
        case (.group, .single): return false
        case (.single, .single): return (a.bookingID ?? 0) < (b.bookingID ?? 0)
        case (.group, .group): return (a.groupID ?? "") < (b.groupID ?? "")
        }
    }

    /// The customers a text search names (at most 500), or nil when the filter has no customer part.
    private static func customerIDs(_ db: Database, matching filter: TreatmentFilter) throws -> [Int64]? {
        if let id = filter.customerID { return [id] }
        guard let query = filter.customerQuery?.trimmingCharacters(in: .whitespaces), !query.isEmpty else { return nil }
        let words = SearchText.fold(query).split(separator: " ").map { "%" + SearchText.escapeLike(String($0)) + "%" }
        let sql = "SELECT id FROM customers WHERE " + words.map { _ in "search_name LIKE ? ESCAPE '\\'" }.joined(separator: " AND ")
            + " LIMIT 500"
        return try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(words))
    }

    private static func groupRows(_ db: Database, filter: TreatmentFilter, customerIDs: [Int64]?, cursor: TreatmentCursor?,
                                  direction: PageDirection, limit: Int, now: Date) throws -> [TreatmentSummary] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let cursor {
            let a = cursor.anchor.storedSeconds
            let forward = direction == .forward
            if cursor.rowID.hasPrefix("b:") {
                conditions.append(forward ? "g.anchor_at >= ?" : "g.anchor_at < ?")
                arguments.append(a)
            } else {
                let key = String(cursor.rowID.dropFirst(2))
                conditions.append(forward ? "(g.anchor_at, g.session_group_id) > (?, ?)"
                                          : "(g.anchor_at, g.session_group_id) < (?, ?)")
                arguments += [a, key]
            }
        }
        if let from = filter.from { conditions.append("g.anchor_at >= ?"); arguments.append(from.storedSeconds) }
        if let to = filter.to { conditions.append("g.anchor_at < ?"); arguments.append(to.storedSeconds) }
        if let provider = filter.providerID { conditions.append("g.provider_id = ?"); arguments.append(provider) }
        if let strategy = filter.strategy { conditions.append("g.strategy = ?"); arguments.append(strategy.rawValue) }
        if let ids = customerIDs {
            conditions.append("g.customer_id IN (" + ids.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += ids
        }
        let n = now.storedSeconds
        // The stored state answers every filter; "expired" and "needs outcome" add the clock.
        let expired = "g.state = 'to_book' AND g.expires_at <= ? AND g.earliest_confirmed_at IS NULL"
        switch filter.state {
        case nil: break
        case .active?: conditions.append("g.state = 'active'")
        case .toBook?:
            conditions.append("g.state = 'to_book' AND (g.expires_at IS NULL OR g.expires_at > ? OR g.earliest_confirmed_at IS NOT NULL)")
            arguments.append(n)
        case .needsOutcome?:
            conditions.append("""
                g.state IN ('active', 'to_book') AND g.earliest_confirmed_at <= ? AND EXISTS (
                    SELECT 1 FROM bookings b WHERE b.session_group_id = g.session_group_id AND b.status = 'confirmed' AND b.end_at <= ?)
                """)
            arguments += [n, n]
        case .completed?: conditions.append("g.state = 'completed'")
        case .cancelled?: conditions.append("g.state = 'cancelled'")
        case .ended?: conditions.append("g.state = 'ended'")
        case .expired?: conditions.append(expired); arguments.append(n)
        }
        let order = direction == .forward ? "ASC" : "DESC"
        arguments.append(limit)
        let sql = """
            SELECT g.session_group_id, g.customer_id, g.strategy, g.total_sessions, g.anchor_at, g.cancelled,
                   g.completed_at, g.expires_at, g.state, g.earliest_confirmed_at, c.name AS customer_name, s.name AS service_name, s.session_noun
            FROM session_groups g
            JOIN customers c ON c.id = g.customer_id JOIN services s ON s.id = g.service_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY g.anchor_at \(order), g.session_group_id \(order) LIMIT ?
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            let completedAt: Int64? = row["completed_at"]
            let expiresAt: Int64? = row["expires_at"]
            let earliestConfirmed: Int64? = row["earliest_confirmed_at"]
            let stored = GroupState(rawValue: row["state"]) ?? .active
            return TreatmentSummary(
                kind: .group, groupID: row["session_group_id"], bookingID: nil, customerID: row["customer_id"],
                customerName: row["customer_name"], serviceName: row["service_name"], sessionNoun: row["session_noun"],
                strategy: Strategy(rawValue: row["strategy"]), totalSessions: row["total_sessions"],
                completed: 0, booked: 0, cancelled: 0, noShow: 0, nextStart: nil,
                anchor: Date(storedSeconds: row["anchor_at"]), singleStatus: nil, groupCancelled: row["cancelled"],
                completedAt: completedAt.map(Date.init(storedSeconds:)), expiresAt: expiresAt.map(Date.init(storedSeconds:)),
                state: stored.at(now, expiresAt: expiresAt.map(Date.init(storedSeconds:)), hasConfirmed: earliestConfirmed != nil))
        }
    }

    private static func singleRows(_ db: Database, filter: TreatmentFilter, customerIDs: [Int64]?, cursor: TreatmentCursor?,
                                   direction: PageDirection, limit: Int, now: Date) throws -> [TreatmentSummary] {
        let groupOnly: Set<TreatmentFilter.State> = [.toBook, .ended, .expired]
        if !filter.includeSingles || filter.strategy != nil || filter.state.map(groupOnly.contains) == true { return [] }
        var conditions = ["b.is_part_of_multi_session = 0"]
        var arguments: [any DatabaseValueConvertible] = []
        if let cursor {
            let a = cursor.anchor.storedSeconds
            let forward = direction == .forward
            if cursor.rowID.hasPrefix("g:") {
                conditions.append(forward ? "b.start_at > ?" : "b.start_at <= ?")
                arguments.append(a)
            } else {
                let key = Int64(cursor.rowID.dropFirst(2)) ?? 0
                // A row value, so SQLite seeks to the cursor in the index instead of scanning to it.
                conditions.append(forward ? "(b.start_at, b.id) > (?, ?)" : "(b.start_at, b.id) < (?, ?)")
                arguments += [a, key]
            }
        }
        if let from = filter.from { conditions.append("b.start_at >= ?"); arguments.append(from.storedSeconds) }
        if let to = filter.to { conditions.append("b.start_at < ?"); arguments.append(to.storedSeconds) }
        if let provider = filter.providerID { conditions.append("b.provider_id = ?"); arguments.append(provider) }
        if let ids = customerIDs {
            conditions.append("b.customer_id IN (" + ids.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += ids
        }
        switch filter.state {
        case .active?: conditions.append("b.status = 'confirmed'")
        case .needsOutcome?: conditions.append("b.status = 'confirmed' AND b.end_at <= ?"); arguments.append(now.storedSeconds)
        case .completed?: conditions.append("b.status = 'completed'")
        case .cancelled?: conditions.append("b.status = 'cancelled'")
        case .toBook?, .ended?, .expired?, nil: break
        }
        let order = direction == .forward ? "ASC" : "DESC"
        arguments.append(limit)
        // Without statistics SQLite prefers the equality on is_part_of_multi_session, which reads every
        // single booking and sorts them (20 ms at 100k); the partial index is already in list order.
        // A customer or provider filter keeps the planner's choice (its own index is narrower).
        let index = customerIDs == nil && filter.providerID == nil ? "INDEXED BY bookings_singles_on_start" : ""
        let sql = """
            SELECT \(RowDecoding.bookingColumns), s.session_noun FROM bookings b \(index) \(RowDecoding.bookingJoins)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY b.start_at \(order), b.id \(order) LIMIT ?
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            let booking = RowDecoding.booking(row)
            return TreatmentSummary(
                kind: .single, groupID: nil, bookingID: booking.id, customerID: booking.customerID,
                customerName: booking.customerName, serviceName: booking.serviceName, sessionNoun: row["session_noun"],
                strategy: nil, totalSessions: 1, completed: booking.status == .completed ? 1 : 0,
                booked: booking.status == .confirmed ? 1 : 0, cancelled: booking.status == .cancelled ? 1 : 0,
                noShow: booking.status == .noShow ? 1 : 0, nextStart: booking.status == .confirmed ? booking.start : nil,
                anchor: booking.start, singleStatus: booking.status, groupCancelled: false, completedAt: nil, expiresAt: nil,
                needsOutcomeSince: booking.needsOutcome(now: now) ? booking.start : nil)
        }
    }

    /// Counts each listed group's sessions by status in one grouped query over the page's ids.
    private static func fillProgress(_ db: Database, _ rows: inout [TreatmentSummary], now: Date) throws {
        let ids = rows.compactMap(\.groupID)
        guard !ids.isEmpty else { return }
        let sql = """
            SELECT session_group_id,
                   SUM(status = 'completed') AS completed, SUM(status = 'confirmed') AS booked,
                   SUM(status = 'cancelled') AS cancelled, SUM(status = 'no_show') AS no_show,
                   MIN(CASE WHEN status = 'confirmed' THEN start_at END) AS next_start,
                   MIN(CASE WHEN status = 'confirmed' AND end_at <= ? THEN start_at END) AS needs_outcome_since
            FROM bookings WHERE session_group_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
            GROUP BY session_group_id
            """
        var counts: [String: Row] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments([now.storedSeconds as any DatabaseValueConvertible] + ids.map { $0 as any DatabaseValueConvertible })) {
            counts[row["session_group_id"]] = row
        }
        for index in rows.indices {
            guard let id = rows[index].groupID, let row = counts[id] else { continue }
            rows[index].completed = row["completed"]
            rows[index].booked = row["booked"]
            rows[index].cancelled = row["cancelled"]
            rows[index].noShow = row["no_show"]
            let next: Int64? = row["next_start"]
            rows[index].nextStart = next.map(Date.init(storedSeconds:))
            let since: Int64? = row["needs_outcome_since"]
            rows[index].needsOutcomeSince = since.map(Date.init(storedSeconds:))
        }
    }

    /// One customer's treatments and single bookings, newest first (the Customers screen).
    public func treatments(ofCustomer customerID: Int64, limit: Int = 100) throws(StoreError) -> [SessionGroup] {
        try read { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT session_group_id FROM session_groups WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?
                """, arguments: [customerID, limit])
            return try ids.compactMap { try Self.group(db, id: $0) }
        }
    }
}
