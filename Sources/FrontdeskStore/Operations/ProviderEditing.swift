import Foundation
import FrontdeskCore
import GRDB

/// A provider with what the Providers screen and `provider show` need: hours, absences, services.
public struct ProviderRecord: Sendable, Equatable {
    public var provider: Provider
    /// Names of the services this provider delivers: those that list it, and those that list nobody
    /// (delivered by everyone).
    public var services: [String]

    public init(_ provider: Provider, services: [String]) {
        self.provider = provider
        self.services = services
    }

    /// The JSON shape of a provider on the command line and in the audit trail.
    public var jsonObject: [String: Any] {
        [
            "id": provider.id, "name": provider.name, "hours": provider.hours.description, "active": provider.isActive,
            "services": services,
            "absences": provider.absences.map { ["from": $0.first.description, "to": $0.last.description, "reason": $0.reason] },
        ]
    }
}

/// What a manager changes about a provider; nil (or empty) leaves that part as it is.
public struct ProviderEdit: Sendable, Equatable {
    /// A day or range of days away, with its reason.
    public struct NewAbsence: Sendable, Equatable {
        public var first: LocalDay
        public var last: LocalDay
        public var reason: String
        public init(first: LocalDay, last: LocalDay? = nil, reason: String = "") {
            self.first = first
            self.last = last ?? first
            self.reason = reason
        }
    }

    public var name: String?
    public var hours: WorkingHours?
    public var isActive: Bool?
    /// The services this provider delivers, by name (replaces the list).
    public var services: [String]?
    /// Absences to add; one starting on the same day as an existing one replaces it.
    public var addAbsences: [NewAbsence]
    /// Absences to remove, by their first day.
    public var removeAbsences: [LocalDay]

    public init(name: String? = nil, hours: WorkingHours? = nil, isActive: Bool? = nil, services: [String]? = nil,
                addAbsences: [NewAbsence] = [], removeAbsences: [LocalDay] = []) {
        self.name = name
        self.hours = hours
        self.isActive = isActive
        self.services = services
        self.addAbsences = addAbsences
        self.removeAbsences = removeAbsences
    }

    public var isEmpty: Bool {
        name == nil && hours == nil && isActive == nil && services == nil && addAbsences.isEmpty && removeAbsences.isEmpty
    }
}

/// The provider after an edit, and the confirmed bookings the edit leaves outside the provider's time.
public struct ProviderEditOutcome: Sendable, Equatable {
    public var record: ProviderRecord
    /// Sessions on a new absence, outside shortened hours, or with a provider made inactive: each must
    /// be moved (or reassigned) by the desk. The edit does not cancel them.
    public var uncoveredBookings: [Booking]
}

extension AppDatabase {
    /// An absence longer than this is a typing mistake (ten years).
    public static let longestAbsenceDays = 3660

    /// A provider with its absences and the services it delivers.
    public func providerRecord(id: Int64) throws(StoreError) -> ProviderRecord {
        let found = try read { db in try Self.providerRecord(db, id: id) }
        guard let found else { throw .notFound(.provider, key: "\(id)") }
        return found
    }

    static func providerRecord(_ db: Database, id: Int64) throws -> ProviderRecord? {
        guard let provider = try provider(db, id: id) else { return nil }
        let services = try String.fetchAll(db, sql: """
            SELECT s.name FROM services s
            WHERE EXISTS (SELECT 1 FROM service_providers sp WHERE sp.service_id = s.id AND sp.provider_id = ?)
               OR NOT EXISTS (SELECT 1 FROM service_providers sp WHERE sp.service_id = s.id)
            ORDER BY s.name
            """, arguments: [id])
        return ProviderRecord(provider, services: services)
    }

    /// Applies a manager's changes to a provider in one transaction and writes one audit event with
    /// the provider before and after. Returns the confirmed bookings the change uncovers.
    public func editProvider(id: Int64, _ edit: ProviderEdit) throws(StoreError) -> ProviderEditOutcome {
        try Self.checkAbsences(edit.addAbsences)
        let now = self.now
        return try write { db in
            guard let before = try Self.providerRecord(db, id: id) else { throw StoreError.notFound(.provider, key: "\(id)") }
            let watched = try self.watchedBookings(db, provider: before.provider, edit: edit, now: now)
            let fittedBefore = try self.fitting(db, watched, provider: before.provider, now: now)

            if let name = edit.name?.trimmingCharacters(in: .whitespacesAndNewlines), name != before.provider.name {
                guard !name.isEmpty else { throw StoreError.invalid(.empty(.providerName)) }
                if try Int.fetchOne(db, sql: "SELECT 1 FROM providers WHERE name = ? COLLATE NOCASE AND id != ?", arguments: [name, id]) != nil {
                    throw StoreError.invalid(.nameTaken(.provider, name: name))
                }
                try db.execute(sql: "UPDATE providers SET name = ? WHERE id = ?", arguments: [name, id])
            }
            if let hours = edit.hours {
                try db.execute(sql: "UPDATE providers SET working_hours = ? WHERE id = ?", arguments: [hours.description, id])
            }
            if let active = edit.isActive {
                try db.execute(sql: "UPDATE providers SET active = ? WHERE id = ?", arguments: [active, id])
            }
            if let services = edit.services { try Self.setServicesDelivered(db, providerID: id, names: services) }
            for day in edit.removeAbsences {
                try db.execute(sql: "DELETE FROM provider_absences WHERE provider_id = ? AND first_day = ?", arguments: [id, day.description])
                if db.changesCount == 0 {
                    throw StoreError.invalid(.noAbsenceStarting(provider: before.provider.name, day: day, absences: before.provider.absences))
                }
            }
            for absence in edit.addAbsences {
                try db.execute(sql: """
                    INSERT INTO provider_absences(provider_id, first_day, last_day, reason) VALUES (?, ?, ?, ?)
                    ON CONFLICT(provider_id, first_day) DO UPDATE SET last_day = excluded.last_day, reason = excluded.reason
                    """, arguments: [id, absence.first.description, absence.last.description,
                                     absence.reason.trimmingCharacters(in: .whitespacesAndNewlines)])
            }
            let after = try Self.providerRecord(db, id: id)!
            let fittedAfter = try self.fitting(db, watched, provider: after.provider, now: now)
            let uncovered = watched.filter { fittedBefore.contains($0.id) && !fittedAfter.contains($0.id) }
            if after != before {
                try self.audit(db, action: "update", entity: "provider", id: "\(id)",
                               before: Self.auditText(before.jsonObject), after: Self.auditText(after.jsonObject))
            }
            return ProviderEditOutcome(record: after, uncoveredBookings: uncovered)
        }
    }

    /// Refuses an absence that ends before it starts or is longer than ten years.
    static func checkAbsences(_ absences: [ProviderEdit.NewAbsence]) throws(StoreError) {
        for absence in absences {
            guard absence.first <= absence.last else {
                throw .invalid(.absenceBackwards(first: absence.first, last: absence.last))
            }
            guard absence.first.days(to: absence.last) < Self.longestAbsenceDays else {
                throw .invalid(.absenceTooLong(first: absence.first, last: absence.last, longestDays: Self.longestAbsenceDays))
            }
        }
    }

    /// Makes `providerID` deliver exactly the services named, leaving who else delivers each service
    /// as it was. A service that lists nobody is delivered by everyone; when this provider joins or
    /// leaves it, the others are listed explicitly so that they keep delivering it.
    static func setServicesDelivered(_ db: Database, providerID: Int64, names: [String]) throws {
        var wanted = Set<Int64>()
        for name in names {
            guard let serviceID = try Int64.fetchOne(db, sql: "SELECT id FROM services WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StoreError.notFound(.service, key: name)
            }
            wanted.insert(serviceID)
        }
        let everyone = Set(try Int64.fetchAll(db, sql: "SELECT id FROM providers"))
        for serviceID in try Int64.fetchAll(db, sql: "SELECT id FROM services") {
            let listed = Set(try Int64.fetchAll(db, sql: "SELECT provider_id FROM service_providers WHERE service_id = ?", arguments: [serviceID]))
            let before = listed.isEmpty ? everyone : listed
            var after = before
            if wanted.contains(serviceID) { after.insert(providerID) } else { after.remove(providerID) }
            guard after != before else { continue }
            try db.execute(sql: "DELETE FROM service_providers WHERE service_id = ?", arguments: [serviceID])
            for provider in after.sorted() {
                try db.execute(sql: "INSERT INTO service_providers(service_id, provider_id) VALUES (?, ?)", arguments: [serviceID, provider])
            }
        }
    }

    /// The provider's confirmed future bookings the edit could leave uncovered: all of them when the
    /// hours or the active flag change, else those on the new absences.
    private func watchedBookings(_ db: Database, provider: Provider, edit: ProviderEdit, now: Date) throws -> [Booking] {
        if edit.hours != nil || edit.isActive == false {
            return try Row.fetchAll(db, sql: """
                SELECT \(RowDecoding.bookingColumns) FROM bookings b \(RowDecoding.bookingJoins)
                WHERE b.provider_id = ? AND b.start_at >= ? AND b.status = 'confirmed' ORDER BY b.start_at, b.id
                """, arguments: [provider.id, now.storedSeconds]).map(RowDecoding.booking)
        }
        var seen = Set<Int64>()
        var result: [Booking] = []
        for absence in edit.addAbsences {
            for booking in try confirmedBookings(db, providerID: provider.id, from: absence.first, to: absence.last)
            where seen.insert(booking.id).inserted {
                result.append(booking)
            }
        }
        return result.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// Which of `bookings` lie inside the provider's time: active, within hours, not on a day off.
    private func fitting(_ db: Database, _ bookings: [Booking], provider: Provider, now: Date) throws -> Set<Int64> {
        guard provider.isActive, let first = bookings.first?.start, let last = bookings.map(\.start).max() else { return [] }
        let schedule = ProviderSchedule(name: provider.name, hours: provider.hours,
                                        daysOff: try Self.daysOff(db, provider: provider, from: first, to: last))
        return Set(bookings.filter { booking in
            let minutes = Int(booking.end.timeIntervalSince(booking.start) / 60)
            return schedule.conflict(start: booking.start, durationMinutes: minutes, calendar: calendar) == nil
        }.map(\.id))
    }
}
