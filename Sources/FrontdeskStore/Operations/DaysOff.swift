import Foundation
import FrontdeskCore
import GRDB

/// Provider absences and clinic closed days: reading them for the planners, adding and removing them.
extension AppDatabase {
    /// A provider's absences, in order.
    static func absences(_ db: Database, providerID: Int64) throws -> [ProviderAbsence] {
        try Row.fetchAll(db, sql: "SELECT * FROM provider_absences WHERE provider_id = ? ORDER BY first_day",
                         arguments: [providerID]).compactMap(absence)
    }

    /// Every provider's absences (for lists of providers, which are short).
    static func absencesByProvider(_ db: Database) throws -> [Int64: [ProviderAbsence]] {
        var result: [Int64: [ProviderAbsence]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM provider_absences ORDER BY provider_id, first_day") {
            if let absence = absence(row) { result[row["provider_id"], default: []].append(absence) }
        }
        return result
    }

    static func absence(_ row: Row) -> ProviderAbsence? {
        guard let first = LocalDay(iso: row["first_day"]), let last = LocalDay(iso: row["last_day"]) else { return nil }
        return ProviderAbsence(id: row["id"], first: first, last: last, reason: row["reason"])
    }

    /// The absences of `provider` and the clinic's closed days that touch [from, to], for planning.
    /// Days are compared a day wider on both sides, so any clinic time zone is covered.
    static func daysOff(_ db: Database, provider: Provider, from: Date, to: Date) throws -> [DayOff] {
        let utc = ClinicCalendar(timeZone: TimeZone(identifier: "UTC")!)
        let first = utc.localDay(of: min(from, to)).adding(days: -1).description
        let last = utc.localDay(of: max(from, to)).adding(days: 1).description
        var result = try Row.fetchAll(db, sql: """
            SELECT * FROM provider_absences WHERE provider_id = ? AND last_day >= ? AND first_day <= ? ORDER BY first_day
            """, arguments: [provider.id, first, last]).compactMap(absence).map { $0.dayOff(who: provider.name) }
        result += try clinicClosedDays(db, from: first, to: last).map(\.dayOff)
        return result
    }

    static func clinicClosedDays(_ db: Database, from: String, to: String) throws -> [ClinicClosedDay] {
        try Row.fetchAll(db, sql: "SELECT day, reason FROM clinic_closed_days WHERE day >= ? AND day <= ? ORDER BY day",
                         arguments: [from, to]).compactMap { row in
            LocalDay(iso: row["day"]).map { ClinicClosedDay(day: $0, reason: row["reason"]) }
        }
    }

    // MARK: - Clinic closed days

    /// The clinic's closed days from `from` on (all of them when nil), in order.
    public func clinicClosedDays(from: LocalDay? = nil) throws(StoreError) -> [ClinicClosedDay] {
        try read { db in try Self.clinicClosedDays(db, from: from?.description ?? "0000-00-00", to: "9999-99-99") }
    }

    /// Closes the clinic on `day` (a public holiday). Returns the confirmed bookings already on that
    /// day, which the desk must move: nothing is cancelled by this.
    public func addClinicClosedDay(_ day: LocalDay, reason: String = "") throws(StoreError) -> [Booking] {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try write { db in
            let before = try String.fetchOne(db, sql: "SELECT reason FROM clinic_closed_days WHERE day = ?", arguments: [day.description])
            try db.execute(sql: """
                INSERT INTO clinic_closed_days(day, reason) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET reason = excluded.reason
                """, arguments: [day.description, reason])
            try self.audit(db, action: before == nil ? "add" : "update", entity: "clinic_closed_day", id: day.description,
                           before: before.map { Self.auditText(["day": day.description, "reason": $0]) },
                           after: Self.auditText(["day": day.description, "reason": reason]))
            return try self.confirmedBookings(db, providerID: nil, from: day, to: day)
        }
    }

    /// Opens the clinic again on `day`; refuses when it was not closed.
    public func removeClinicClosedDay(_ day: LocalDay) throws(StoreError) {
        try write { db in
            guard let before = try String.fetchOne(db, sql: "SELECT reason FROM clinic_closed_days WHERE day = ?", arguments: [day.description]) else {
                throw StoreError.refused(.clinicNotClosed(day))
            }
            try db.execute(sql: "DELETE FROM clinic_closed_days WHERE day = ?", arguments: [day.description])
            try self.audit(db, action: "remove", entity: "clinic_closed_day", id: day.description,
                           before: Self.auditText(["day": day.description, "reason": before]), after: nil)
        }
    }

    /// Confirmed bookings from the start of `from` to the end of `to` (clinic-local days), of one
    /// provider or of everyone, that have not started yet.
    func confirmedBookings(_ db: Database, providerID: Int64?, from: LocalDay, to: LocalDay) throws -> [Booking] {
        let start = max(calendar.startOfDay(from), now).storedSeconds
        let end = calendar.startOfDay(to.adding(days: 1)).storedSeconds
        var sql = "SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins) WHERE b.start_at >= ? AND b.start_at < ? AND b.status = 'confirmed'"
        var arguments: [any DatabaseValueConvertible] = [start, end]
        if let providerID {
            sql += " AND b.provider_id = ?"
            arguments.append(providerID)
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY b.start_at, b.id", arguments: StatementArguments(arguments)).map(RowDecoding.booking)
    }

    /// A JSON text for the audit trail's before and after.
    static func auditText(_ object: Any) -> String { CommentedJSON.canonicalString(object) }
}
