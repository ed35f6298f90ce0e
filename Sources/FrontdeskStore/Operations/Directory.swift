import Foundation
import FrontdeskCore
import GRDB

/// Customers and providers: adding, finding, and resolving what staff type into one record.
extension AppDatabase {
    public func customer(id: Int64) throws(StoreError) -> Customer {
        let found = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM customers WHERE id = ?", arguments: [id]).map(RowDecoding.customer)
        }
        guard let found else { throw .notFound(.customer, key: "\(id)") }
        return found
    }

    /// Resolves "42", "Marie Schmidt" or "schmidt" to exactly one customer.
    public func resolveCustomer(_ key: String) throws(StoreError) -> Customer {
        if let id = Int64(key.trimmingCharacters(in: .whitespaces)) { return try customer(id: id) }
        let folded = SearchText.fold(key)
        let exact = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM customers WHERE search_name = ? LIMIT 6", arguments: [folded])
                .map(RowDecoding.customer)
        }
        if exact.count == 1 { return exact[0] }
        let matches = exact.isEmpty ? try searchCustomers(key, limit: 6) : exact
        switch matches.count {
        case 0: throw .notFound(.customer, key: key)
        case 1: return matches[0]
        default: throw .ambiguous(.customer, key: key, candidates: matches.map { RecordMatch(id: $0.id, name: $0.name) })
        }
    }

    /// Adds a provider with weekly working hours ("Mon-Fri 08:00-18:00; Sat 09:00-13:00").
    @discardableResult
    public func addProvider(name: String, hours: String = "Mon-Fri 08:00-18:00", closedDays: [LocalDay] = []) throws(StoreError) -> Provider {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid(.empty(.providerName)) }
        try Self.checkText(trimmed, field: "Provider name", limit: TextLimits.name)
        try Self.checkText(hours, field: "Working hours", limit: TextLimits.name)
        let parsedHours: WorkingHours
        do { parsedHours = try WorkingHours.parse(hours) } catch {
            throw .invalid(.workingHours(error))
        }
        return try write { db in try self.insertProvider(db, name: trimmed, hours: parsedHours, closedDays: closedDays) }
    }

    func insertProvider(_ db: Database, name: String, hours: WorkingHours, closedDays: [LocalDay], audited: Bool = true) throws -> Provider {
        if try Int.fetchOne(db, sql: "SELECT 1 FROM providers WHERE name = ? COLLATE NOCASE", arguments: [name]) != nil {
            throw StoreError.invalid(.nameTaken(.provider, name: name))
        }
        try db.execute(sql: "INSERT INTO providers(name, working_hours) VALUES (?, ?)", arguments: [name, hours.description])
        let id = db.lastInsertedRowID
        for day in Set(closedDays).sorted() {
            try db.execute(sql: "INSERT INTO provider_absences(provider_id, first_day, last_day) VALUES (?, ?, ?)",
                           arguments: [id, day.description, day.description])
        }
        let provider = try Self.provider(db, id: id)!
        if audited {
            try audit(db, action: "add", entity: "provider", id: "\(provider.id)", after: Self.auditText(ProviderRecord(provider, services: []).jsonObject))
        }
        return provider
    }

    /// Active providers by name, with their absences; `includeInactive` lists everyone.
    public func providers(includeInactive: Bool = false) throws(StoreError) -> [Provider] {
        try read { db in
            let providers = try Row.fetchAll(db, sql: "SELECT * FROM providers \(includeInactive ? "" : "WHERE active = 1") ORDER BY name")
                .map(RowDecoding.provider)
            let absences = try Self.absencesByProvider(db)
            return providers.map { provider in
                var provider = provider
                provider.absences = absences[provider.id] ?? []
                return provider
            }
        }
    }

    public func provider(id: Int64) throws(StoreError) -> Provider {
        let found = try read { db in try Self.provider(db, id: id) }
        guard let found else { throw .notFound(.provider, key: "\(id)") }
        return found
    }

    static func provider(_ db: Database, id: Int64) throws -> Provider? {
        guard var provider = try Row.fetchOne(db, sql: "SELECT * FROM providers WHERE id = ?", arguments: [id]).map(RowDecoding.provider) else {
            return nil
        }
        provider.absences = try absences(db, providerID: id)
        return provider
    }

    /// Resolves "3", "Dr. Keller" or "keller" to exactly one provider.
    public func resolveProvider(_ key: String, includeInactive: Bool = false) throws(StoreError) -> Provider {
        if let id = Int64(key.trimmingCharacters(in: .whitespaces)) { return try provider(id: id) }
        let all = try providers(includeInactive: includeInactive)
        if let exact = all.first(where: { $0.name.caseInsensitiveCompare(key) == .orderedSame }) { return exact }
        let folded = SearchText.fold(key)
        let matches = all.filter { SearchText.fold($0.name).contains(folded) }
        switch matches.count {
        case 0: throw .notFound(.provider, key: key)
        case 1: return matches[0]
        default: throw .ambiguous(.provider, key: key, candidates: matches.map { RecordMatch(id: $0.id, name: $0.name) })
        }
    }
}

extension AppDatabase {
    /// The core's text limits, as the store words a refusal.
    static func checkText(_ text: String, field: String, limit: Int, multiline: Bool = false) throws(StoreError) {
        do { try TextLimits.check(text, field: field, limit: limit, multiline: multiline) } catch {
            throw .invalid(.text(error))
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
