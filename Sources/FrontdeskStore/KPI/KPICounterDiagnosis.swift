import Foundation
import FrontdeskCore
import GRDB

extension DatabaseDiagnosis {
    /// The Dashboard's counters that differ from a recount of the bookings and treatments, as
    /// `kpi --verify` finds them, on a read-only connection; nil when the schema is not up to date
    /// (the counters are built or updated when the file is next opened for writing). Reads the whole
    /// database.
    public static func kpiCounterDifferences(path: String, limit: Int = 20) throws(StoreError) -> [KPICounterDifference]? {
        guard case .upToDate = try schema(path: path) else { return nil }
        do {
            let queue = try AppDatabase.readOnlyQueue(DatabaseFile(path: path))
            defer { try? queue.close() }
            return try queue.read { db in
                let differences = try AppDatabase.kpiCounterDifferences(db, limit: limit)
                guard let zone = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'"),
                      let calendar = ClinicCalendar(identifier: zone) else { return differences }
                return differences + (try OverdueInstants.differences(db, calendar: calendar, limit: max(0, limit - differences.count)))
            }
        } catch {
            throw AppDatabase.mapOpenError(error, path: path)
        }
    }
}
