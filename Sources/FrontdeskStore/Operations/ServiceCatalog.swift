import Foundation
import FrontdeskCore
import GRDB

/// Services: importing the original guide's JSON, listing, searching by name and trigger words.
extension AppDatabase {
    /// Imports one service object or an array of them, in the original guide's JSON (comments allowed).
    /// A service whose name exists already is updated. All or nothing: one bad service saves none.
    @discardableResult
    public func importServices(json text: String) throws(StoreError) -> [(service: Service, created: Bool)] {
        let drafts = try Self.drafts(fromJSON: text)
        return try write { db in
            try drafts.map { draft in try self.save(draft, db) }
        }
    }

    /// Validates every service of a JSON document before anything is saved.
    static func drafts(fromJSON text: String) throws(StoreError) -> [ServiceDraft] {
        let parsed: Any
        do { parsed = try CommentedJSON.parse(text) } catch {
            if error == .empty {
                throw .invalid(field: "Service file", reason: "is empty. Write a service object such as {\"name\": \"Physiotherapy\", \"requires_multiple_sessions\": true, \"total_sessions_required\": 6, \"multi_session_strategy\": \"sequential\", \"session_buffer_config\": {\"default_days\": 7}}.")
            }
            throw .invalid(field: "Service file", reason: "\(error)")
        }
        let objects: [[String: Any]]
        if let one = parsed as? [String: Any] {
            objects = [one]
        } else if let many = parsed as? [Any], many.allSatisfy({ $0 is [String: Any] }), !many.isEmpty {
            objects = many.compactMap { $0 as? [String: Any] }
        } else {
            throw .invalid(field: "Service file", reason: "must hold one service object or a non-empty array of them, as in the guide's examples.")
        }
        var drafts: [ServiceDraft] = []
        for (index, object) in objects.enumerated() {
            let where_ = objects.count > 1 ? "Service \(index + 1): " : ""
            do { drafts.append(try ServiceDraft(json: object)) } catch {
                throw .invalid(field: "\(where_)\(error.field)", reason: error.reason)
            }
        }
        return drafts
    }

    /// Saves a service edited on the Services screen (or imported); validates first, saves nothing when invalid.
    @discardableResult
    public func saveService(_ draft: ServiceDraft) throws(StoreError) -> Service {
        try write { db in try self.save(draft, db).service }
    }

    func save(_ draft: ServiceDraft, _ db: Database) throws -> (service: Service, created: Bool) {
        var providerIDs: [Int64] = []
        for name in draft.providerNames {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM providers WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StoreError.notFound(what: "provider", key: name)
            }
            providerIDs.append(id)
        }
        let existing = try Int64.fetchOne(db, sql: "SELECT id FROM services WHERE name = ? COLLATE NOCASE", arguments: [draft.name])
        let planData = try JSONEncoder().encode(draft.plan)
        let arguments: StatementArguments = [
            draft.name, draft.sessionNoun, draft.durationMinutes, draft.priceCents,
            RowDecoding.jsonArray(draft.triggerWords), draft.requiresMultipleSessions, draft.totalSessions,
            draft.strategy.rawValue, draft.rules.canonicalJSON, String(decoding: planData, as: UTF8.self), draft.expiryDays,
        ]
        let id: Int64
        if let existing {
            try db.execute(sql: """
                UPDATE services SET name = ?, session_noun = ?, duration_minutes = ?, price_cents = ?, trigger_words = ?,
                  requires_multiple_sessions = ?, total_sessions_required = ?, multi_session_strategy = ?,
                  session_buffer_config = ?, session_plan = ?, expiry_days = ?, active = 1 WHERE id = ?
                """, arguments: arguments + [existing])
            id = existing
        } else {
            try db.execute(sql: """
                INSERT INTO services(name, session_noun, duration_minutes, price_cents, trigger_words,
                  requires_multiple_sessions, total_sessions_required, multi_session_strategy,
                  session_buffer_config, session_plan, expiry_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: arguments)
            id = db.lastInsertedRowID
        }
        if existing == nil || !draft.providerNames.isEmpty {
            try db.execute(sql: "DELETE FROM service_providers WHERE service_id = ?", arguments: [id])
            for providerID in providerIDs {
                try db.execute(sql: "INSERT INTO service_providers(service_id, provider_id) VALUES (?, ?)", arguments: [id, providerID])
            }
        }
        try audit(db, action: existing == nil ? "add" : "update", entity: "service", id: "\(id)", after: draft.name)
        return (try Self.service(db, id: id)!, existing == nil)
    }

    /// Every active service, by name.
    public func services() throws(StoreError) -> [Service] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM services WHERE active = 1 ORDER BY name")
            return try ids.compactMap { try Self.service(db, id: $0) }
        }
    }

    public func service(id: Int64) throws(StoreError) -> Service {
        let found = try read { db in try Self.service(db, id: id) }
        guard let found else { throw .notFound(what: "service", key: "\(id)") }
        return found
    }

    static func service(_ db: Database, id: Int64) throws -> Service? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM services WHERE id = ?", arguments: [id]) else { return nil }
        let providers = try Int64.fetchAll(db, sql: "SELECT provider_id FROM service_providers WHERE service_id = ? ORDER BY provider_id", arguments: [id])
        return RowDecoding.service(row, providerIDs: providers)
    }

    /// Services matching a name fragment or a trigger word ("implant", "physio", "learn to drive").
    public func searchServices(_ query: String) throws(StoreError) -> [Service] {
        let all = try services()
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
    public func resolveService(_ key: String) throws(StoreError) -> Service {
        if let id = Int64(key.trimmingCharacters(in: .whitespaces)) { return try service(id: id) }
        let all = try services()
        if let exact = all.first(where: { $0.name.caseInsensitiveCompare(key) == .orderedSame }) { return exact }
        let matches = try searchServices(key)
        switch matches.count {
        case 0: throw .notFound(what: "service", key: key)
        case 1: return matches[0]
        default: throw .ambiguous(what: "service", key: key, candidates: matches.map(\.name))
        }
    }

    /// The providers who deliver a service: its own list, or everyone when it names none.
    public func providers(for service: Service) throws(StoreError) -> [Provider] {
        let all = try providers()
        guard !service.providerIDs.isEmpty else { return all }
        return all.filter { service.providerIDs.contains($0.id) }
    }
}
