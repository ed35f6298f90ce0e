import Foundation
import FrontdeskCore
import GRDB

/// Services: importing the original guide's JSON, listing, searching by name and trigger words.
extension AppDatabase {
    /// Imports one service object or an array of them, in the original guide's JSON (comments allowed).
    /// A service whose name exists already is updated in the fields the file gives. All or nothing.
    @discardableResult
    public func importServices(json text: String) throws(StoreError) -> [(service: Service, created: Bool)] {
        try importServiceFile(json: text).map { ($0.service, $0.kind == .added) }
    }

    /// Saves a service edited on the Services screen: every field of the draft, validated first.
    /// Treatments already booked keep the rules they were booked under.
    @discardableResult
    public func saveService(_ draft: ServiceDraft) throws(StoreError) -> ServiceSaveOutcome {
        try write { db in try self.saveReporting(draft, db) }
    }

    /// Saves the Services editor's draft: a new service (`id` nil; refused when the name is taken) or
    /// the service `id`, which may be renamed unless another service has the new name.
    @discardableResult
    public func saveService(_ draft: ServiceDraft, id: Int64?) throws(StoreError) -> ServiceSaveOutcome {
        try write { db in
            if let other = try Int64.fetchOne(db, sql: "SELECT id FROM services WHERE name = ? COLLATE NOCASE", arguments: [draft.name]),
               other != id {
                throw StoreError.invalid(.nameTaken(.service, name: draft.name))
            }
            if let id, try Self.service(db, id: id) == nil { throw StoreError.notFound(.service, key: "\(id)") }
            return try self.saveReporting(draft, db, id: id)
        }
    }

    /// Validates every service of a JSON document before anything is saved.
    static func drafts(fromJSON text: String) throws(StoreError) -> [ServiceDraft] {
        let objects = try serviceObjects(fromJSON: text)
        var drafts: [ServiceDraft] = []
        for (index, object) in objects.enumerated() {
            do { drafts.append(try ServiceDraft(json: object)) } catch {
                throw .invalid(.service(index: objects.count > 1 ? index + 1 : nil, error))
            }
        }
        return drafts
    }

    func save(_ draft: ServiceDraft, _ db: Database) throws -> (service: Service, created: Bool) {
        let outcome = try saveReporting(draft, db)
        return (outcome.service, outcome.kind == .added)
    }

    /// Every active service (or every service), by name.
    public func services(includeInactive: Bool = false) throws(StoreError) -> [Service] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM services \(includeInactive ? "" : "WHERE active = 1") ORDER BY name")
            return try ids.compactMap { try Self.service(db, id: $0) }
        }
    }

    public func service(id: Int64) throws(StoreError) -> Service {
        let found = try read { db in try Self.service(db, id: id) }
        guard let found else { throw .notFound(.service, key: "\(id)") }
        return found
    }

    static func service(_ db: Database, id: Int64) throws -> Service? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM services WHERE id = ?", arguments: [id]) else { return nil }
        let providers = try Int64.fetchAll(db, sql: "SELECT provider_id FROM service_providers WHERE service_id = ? ORDER BY provider_id", arguments: [id])
        return RowDecoding.service(row, providerIDs: providers)
    }

    /// Services matching a name fragment or a trigger word ("implant", "physio", "learn to drive").
    public func searchServices(_ query: String, includeInactive: Bool = false) throws(StoreError) -> [Service] {
        let all = try services(includeInactive: includeInactive)
        let folded = SearchText.fold(query)
        guard !folded.isEmpty else { return all }
        return all.filter { service in
            SearchText.fold(service.name).contains(folded)
                || service.triggerWords.contains { word in
                    let trigger = SearchText.fold(word)
                    return trigger.contains(folded) || folded.contains(trigger)
                }
        }
    }

    /// Resolves an id, a name, a name fragment or a trigger word to exactly one service.
    public func resolveService(_ key: String, includeInactive: Bool = false) throws(StoreError) -> Service {
        if let id = Int64(key.trimmingCharacters(in: .whitespaces)) { return try service(id: id) }
        let all = try services(includeInactive: includeInactive)
        if let exact = all.first(where: { $0.name.caseInsensitiveCompare(key) == .orderedSame }) { return exact }
        let matches = try searchServices(key, includeInactive: includeInactive)
        switch matches.count {
        case 0: throw .notFound(.service, key: key)
        case 1: return matches[0]
        default: throw .ambiguous(.service, key: key, candidates: matches.map { RecordMatch(id: $0.id, name: $0.name) })
        }
    }

    /// The providers who deliver a service: its own list, or everyone when it names none.
    public func providers(for service: Service) throws(StoreError) -> [Provider] {
        let all = try providers()
        guard !service.providerIDs.isEmpty else { return all }
        return all.filter { service.providerIDs.contains($0.id) }
    }
}
