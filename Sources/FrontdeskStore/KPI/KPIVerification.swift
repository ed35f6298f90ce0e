import Foundation
import FrontdeskCore
import GRDB

/// A counter row that does not match a recount from the bookings and treatments.
public struct KPICounterDifference: Sendable, Equatable, CustomStringConvertible {
    public enum Side: String, Sendable, Equatable {
        /// The database keeps this row, the recount does not give it.
        case keptOnly = "kept"
        /// The recount gives this row, the database does not keep it.
        case recountedOnly = "recounted"
    }

    /// "kpi_sessions", "kpi_treatments" or "kpi_treatment_counts".
    public var table: String
    public var side: Side
    /// The row's columns, "name=value" joined by spaces.
    public var row: String

    public var description: String { "\(table) \(side == .keptOnly ? "kept, not recounted" : "recounted, not kept"): \(row)" }
}

extension AppDatabase {
    /// Recounts every Dashboard counter from `bookings` and `session_groups` and returns the rows that
    /// differ (none when the triggers kept them right). Reads the whole database: for `kpi --verify`
    /// and tests, never for a screen.
    public func verifyKPICounters(limit: Int = 100) throws(StoreError) -> [KPICounterDifference] {
        let calendar = self.calendar
        return try read { db in
            let differences = try Self.kpiCounterDifferences(db, limit: limit)
            return differences + (try OverdueInstants.differences(db, calendar: calendar, limit: max(0, limit - differences.count)))
        }
    }

    /// Rebuilds every Dashboard counter from the bookings and treatments (after `verifyKPICounters`
    /// found a difference, or a bulk change made without triggers).
    public func rebuildKPICounters() throws(StoreError) {
        let zone = calendar.timeZone
        try write { db in try KPICounters.rebuild(db, zone: zone) }
    }

    static func kpiCounterDifferences(_ db: Database, limit: Int) throws -> [KPICounterDifference] {
        let treatmentColumns = KPICounterSchema.treatmentColumns
        let comparisons: [(table: String, kept: String, recounted: String)] = [
            ("kpi_sessions", "SELECT provider_id, service_id, day, status, sessions FROM kpi_sessions WHERE sessions != 0",
             KPIRecount.sessions),
            ("kpi_treatments", "SELECT \(treatmentColumns) FROM kpi_treatments", KPIRecount.treatments),
            ("kpi_treatment_counts", """
                SELECT provider_id, service_id, event, day, strategy, treatments, unscheduled FROM kpi_treatment_counts
                WHERE treatments != 0 OR unscheduled != 0
                """, KPIRecount.treatmentCounts(from: "(\(KPIRecount.treatments))")),
        ]
        var differences: [KPICounterDifference] = []
        for comparison in comparisons {
            for (side, sql) in [(KPICounterDifference.Side.keptOnly, "\(comparison.kept) EXCEPT \(comparison.recounted)"),
                                (.recountedOnly, "\(comparison.recounted) EXCEPT \(comparison.kept)")] {
                // Cached: the recount statements are long to prepare and tests verify after every step.
                let statement = try db.cachedStatement(sql: "SELECT * FROM (\(sql)) LIMIT ?")
                let rows = try Row.fetchAll(statement, arguments: [limit])
                differences += rows.map { row in
                    KPICounterDifference(table: comparison.table, side: side,
                                         row: zip(Self.columnNames(comparison.table), row.databaseValues)
                                            .map { "\($0)=\($1.isNull ? "NULL" : $1.description)" }.joined(separator: " "))
                }
            }
        }
        return differences
    }

    private static func columnNames(_ table: String) -> [String] {
        switch table {
        case "kpi_sessions": return ["provider_id", "service_id", "day", "status", "sessions"]
        case "kpi_treatments":
            return KPICounterSchema.treatmentColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        default: return ["provider_id", "service_id", "event", "day", "strategy", "treatments", "unscheduled"]
        }
    }
}
