import Foundation
import FrontdeskCore
import GRDB

/// A provider to add with everything the Providers editor or `provider add` gives.
public struct NewProvider: Sendable, Equatable {
    public var name: String
    public var hours: WorkingHours
    public var isActive: Bool
    /// The services this provider delivers, by name; who else delivers each is unchanged.
    public var services: [String]
    public var absences: [ProviderEdit.NewAbsence]

    public init(name: String, hours: WorkingHours = .weekdaysEightToSix, isActive: Bool = true, services: [String] = [],
                absences: [ProviderEdit.NewAbsence] = []) {
        self.name = name
        self.hours = hours
        self.isActive = isActive
        self.services = services
        self.absences = absences
    }
}

extension AppDatabase {
    /// Adds a provider with its hours, status, services and absences in one transaction, and writes
    /// one audit event with the provider as added. A taken name or an unknown service writes nothing.
    @discardableResult
    public func addProvider(_ new: NewProvider) throws(StoreError) -> ProviderRecord {
        let name = new.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .invalid(.empty(.providerName)) }
        try Self.checkText(name, field: "Provider name", limit: TextLimits.name)
        for absence in new.absences { try Self.checkText(absence.reason, field: "Absence reason", limit: TextLimits.name) }
        try Self.checkAbsences(new.absences)
        return try write { db in
            let provider = try self.insertProvider(db, name: name, hours: new.hours, closedDays: [], audited: false)
            if !new.isActive { try db.execute(sql: "UPDATE providers SET active = 0 WHERE id = ?", arguments: [provider.id]) }
            if !new.services.isEmpty { try Self.setServicesDelivered(db, providerID: provider.id, names: new.services) }
            for absence in new.absences {
                try db.execute(sql: """
                    INSERT INTO provider_absences(provider_id, first_day, last_day, reason) VALUES (?, ?, ?, ?)
                    ON CONFLICT(provider_id, first_day) DO UPDATE SET last_day = excluded.last_day, reason = excluded.reason
                    """, arguments: [provider.id, absence.first.description, absence.last.description,
                                     absence.reason.trimmingCharacters(in: .whitespacesAndNewlines)])
            }
            let record = try Self.providerRecord(db, id: provider.id)!
            try self.audit(db, action: "add", entity: "provider", id: "\(provider.id)", after: Self.auditText(record.jsonObject))
            return record
        }
    }
}
