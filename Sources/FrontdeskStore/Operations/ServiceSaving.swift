import Foundation
import FrontdeskCore
import GRDB

/// One field of a service that a save or an import changed, as JSON texts: "price: 150 → 180".
public struct ServiceFieldChange: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var before: String
    public var after: String

    public var description: String { "\(field): \(before) → \(after)" }
}

/// What saving or importing one service did.
public struct ServiceSaveOutcome: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case added, updated, unchanged
    }

    public var service: Service
    public var kind: Kind
    /// The fields that changed (empty when added or unchanged).
    public var changes: [ServiceFieldChange]
    /// Treatments of the service still going: they keep the rules they were booked under.
    public var activeTreatments: Int
}

/// The service import format (the original guide's JSON plus every extension field), for export,
/// merging partial imports and the audit trail's before and after.
public enum ServiceExport {
    /// Every field `service import` reads, in that format. Importing it back changes nothing.
    public static func object(_ service: Service, providerNames: [String]) -> [String: Any] {
        let definition = service.definition
        return [
            "name": service.name,
            "session_noun": definition.sessionNoun,
            "duration_minutes": definition.defaultDurationMinutes,
            "price": price(service.priceCents),
            "trigger_words": service.triggerWords,
            "requires_multiple_sessions": definition.requiresMultipleSessions,
            "total_sessions_required": definition.totalSessions,
            "multi_session_strategy": definition.strategy.rawValue,
            "session_buffer_config": service.bufferRules.jsonObject,
            "session_plan": definition.plan.map { ["label": $0.label, "duration_minutes": $0.durationMinutes] as [String: Any] },
            "expiry_days": definition.expiryDays as Any? ?? NSNull(),
            "providers": providerNames,
        ]
    }

    /// The same for a validated draft whose provider names are already the stored spelling.
    static func object(_ draft: ServiceDraft) -> [String: Any] {
        [
            "name": draft.name,
            "session_noun": draft.sessionNoun,
            "duration_minutes": draft.durationMinutes,
            "price": price(draft.priceCents),
            "trigger_words": draft.triggerWords,
            "requires_multiple_sessions": draft.requiresMultipleSessions,
            "total_sessions_required": draft.totalSessions,
            "multi_session_strategy": draft.strategy.rawValue,
            "session_buffer_config": draft.rules.jsonObject,
            "session_plan": draft.plan.map { ["label": $0.label, "duration_minutes": $0.durationMinutes] as [String: Any] },
            "expiry_days": draft.expiryDays as Any? ?? NSNull(),
            "providers": draft.providerNames,
        ]
    }

    /// 180 for 180.00, 120.5 for 120.50, null for no price.
    static func price(_ cents: Int?) -> Any {
        guard let cents else { return NSNull() }
        return cents % 100 == 0 ? cents / 100 as Any : Double(cents) / 100 as Any
    }

    /// The fields whose values differ, in the order of the import format's keys.
    static func changes(from before: [String: Any], to after: [String: Any]) -> [ServiceFieldChange] {
        fieldOrder.compactMap { key in
            let old = CommentedJSON.canonicalString(before[key] ?? NSNull())
            let new = CommentedJSON.canonicalString(after[key] ?? NSNull())
            return old == new ? nil : ServiceFieldChange(field: key, before: old, after: new)
        }
    }

    static let fieldOrder = [
        "name", "session_noun", "duration_minutes", "price", "trigger_words", "requires_multiple_sessions",
        "total_sessions_required", "multi_session_strategy", "session_buffer_config", "session_plan", "expiry_days", "providers",
    ]
}

extension AppDatabase {
    /// Saves a validated draft: adds it, or replaces every field of the service of that name. Writes
    /// nothing (and no audit event) when nothing changes; otherwise one audit event with the service
    /// before and after. Treatments already booked keep their own copy of the rules.
    func saveReporting(_ draft: ServiceDraft, _ db: Database, id: Int64? = nil) throws -> ServiceSaveOutcome {
        var draft = draft
        draft.providerNames = try draft.providerNames.map { name in
            guard let stored = try String.fetchOne(db, sql: "SELECT name FROM providers WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StoreError.notFound(.provider, key: name)
            }
            return stored
        }
        let providerIDs = try draft.providerNames.map { try Int64.fetchOne(db, sql: "SELECT id FROM providers WHERE name = ?", arguments: [$0])! }
        let existing = try id ?? Int64.fetchOne(db, sql: "SELECT id FROM services WHERE name = ? COLLATE NOCASE", arguments: [draft.name])
        let after = ServiceExport.object(draft)
        var before: [String: Any]?
        if let existing, let service = try Self.service(db, id: existing) {
            before = ServiceExport.object(service, providerNames: try Self.providerNames(db, ids: service.providerIDs))
            let changes = ServiceExport.changes(from: before!, to: after)
            if changes.isEmpty {
                return ServiceSaveOutcome(service: service, kind: .unchanged, changes: [],
                                          activeTreatments: try Self.activeTreatments(db, serviceID: existing))
            }
        }
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
                  session_buffer_config = ?, session_plan = ?, expiry_days = ? WHERE id = ?
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
        try db.execute(sql: "DELETE FROM service_providers WHERE service_id = ?", arguments: [id])
        for providerID in Set(providerIDs) {
            try db.execute(sql: "INSERT INTO service_providers(service_id, provider_id) VALUES (?, ?)", arguments: [id, providerID])
        }
        try audit(db, action: existing == nil ? "add" : "update", entity: "service", id: "\(id)",
                  before: before.map(Self.auditText), after: Self.auditText(after))
        return ServiceSaveOutcome(service: try Self.service(db, id: id)!, kind: existing == nil ? .added : .updated,
                                  changes: before.map { ServiceExport.changes(from: $0, to: after) } ?? [],
                                  activeTreatments: try Self.activeTreatments(db, serviceID: id))
    }

    static func activeTreatments(_ db: Database, serviceID: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session_groups WHERE service_id = ? AND state IN ('active', 'to_book')",
                         arguments: [serviceID]) ?? 0
    }

    static func providerNames(_ db: Database, ids: [Int64]) throws -> [String] {
        try ids.compactMap { try String.fetchOne(db, sql: "SELECT name FROM providers WHERE id = ?", arguments: [$0]) }.sorted()
    }

    /// Imports services in the import format. A service whose name exists is updated in the fields
    /// present in the file only; the others keep their values. All or nothing: one invalid service
    /// saves none. Use `preview()` for a dry run.
    public func importServiceFile(json text: String) throws(StoreError) -> [ServiceSaveOutcome] {
        let objects = try Self.serviceObjects(fromJSON: text)
        return try write { db in
            try objects.enumerated().map { index, object in
                var merged = object
                if let name = (object["name"] as? String)?.trimmingCharacters(in: .whitespaces),
                   let existing = try Int64.fetchOne(db, sql: "SELECT id FROM services WHERE name = ? COLLATE NOCASE", arguments: [name]),
                   let service = try Self.service(db, id: existing) {
                    let current = ServiceExport.object(service, providerNames: try Self.providerNames(db, ids: service.providerIDs))
                    // The name finds the service (in any case); it keeps its stored spelling.
                    merged = current.merging(object.filter { !["id", "description", "name"].contains($0.key) }) { $1 }
                }
                let draft: ServiceDraft
                do { draft = try ServiceDraft(json: merged) } catch let error as ServiceDraft.Problem {
                    throw StoreError.invalid(.service(index: objects.count > 1 ? index + 1 : nil, error))
                }
                return try self.saveReporting(draft, db)
            }
        }
    }

    /// The objects of a service file: one object or a non-empty array of them.
    static func serviceObjects(fromJSON text: String) throws(StoreError) -> [[String: Any]] {
        let parsed: Any
        do { parsed = try CommentedJSON.parse(text) } catch {
            if error == .empty {
                throw .invalid(.serviceFile(.empty))
            }
            throw .invalid(.serviceFile(.unreadable(error)))
        }
        if let one = parsed as? [String: Any] { return [one] }
        if let many = parsed as? [Any], !many.isEmpty, many.allSatisfy({ $0 is [String: Any] }) {
            return many.compactMap { $0 as? [String: Any] }
        }
        throw .invalid(.serviceFile(.notServices))
    }

    /// Services in the import format, by name; all of them (active or not) when `names` is empty.
    public func exportServices(names: [String] = []) throws(StoreError) -> [[String: Any]] {
        try read { db in
            var ids: [Int64] = []
            if names.isEmpty {
                ids = try Int64.fetchAll(db, sql: "SELECT id FROM services ORDER BY name")
            } else {
                for name in names {
                    guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM services WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                        throw StoreError.notFound(.service, key: name)
                    }
                    ids.append(id)
                }
            }
            return try ids.compactMap { id in
                guard let service = try Self.service(db, id: id) else { return nil }
                return ServiceExport.object(service, providerNames: try Self.providerNames(db, ids: service.providerIDs))
            }
        }
    }

    /// Activates or deactivates a service. A deactivated service is not offered for new bookings;
    /// its treatments go on. Services with bookings are never deleted.
    @discardableResult
    public func setServiceActive(id: Int64, active: Bool) throws(StoreError) -> Service {
        try write { db in
            guard let service = try Self.service(db, id: id) else { throw StoreError.notFound(.service, key: "\(id)") }
            guard service.isActive != active else { return service }
            try db.execute(sql: "UPDATE services SET active = ? WHERE id = ?", arguments: [active, id])
            try self.audit(db, action: active ? "activate" : "deactivate", entity: "service", id: "\(id)",
                           before: Self.auditText(["name": service.name, "active": service.isActive]),
                           after: Self.auditText(["name": service.name, "active": active]))
            return try Self.service(db, id: id)!
        }
    }

    /// The names of the providers a service lists (empty: everyone delivers it).
    public func providerNames(of service: Service) throws(StoreError) -> [String] {
        try read { db in try Self.providerNames(db, ids: service.providerIDs) }
    }
}

extension ServiceDraft {
    /// A draft holding every field of a stored service: the editor's starting point, also for
    /// duplicating a service as the start of a new one (change the name before saving).
    public init(_ service: Service, providerNames: [String]) {
        let d = service.definition
        self.init(name: service.name, sessionNoun: d.sessionNoun, durationMinutes: d.defaultDurationMinutes,
                  priceCents: service.priceCents, triggerWords: service.triggerWords,
                  requiresMultipleSessions: d.requiresMultipleSessions, totalSessions: d.totalSessions, strategy: d.strategy,
                  rules: service.bufferRules, plan: d.plan, expiryDays: d.expiryDays, providerNames: providerNames)
    }
}

extension AppDatabase {
    /// Active treatments per service, for the Services list, from one grouped index scan.
    public func activeTreatmentCounts() throws(StoreError) -> [Int64: Int] {
        try read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT service_id, COUNT(*) AS n FROM session_groups WHERE state IN ('active', 'to_book') GROUP BY service_id
                """) {
                counts[row["service_id"]] = row["n"]
            }
            return counts
        }
    }
}
