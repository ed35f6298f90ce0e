import Foundation

/// A JSON document of no fixed shape, for the one place the contract carries one: the records an
/// audit event stores before and after a change, as the store wrote them.
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The stored text as JSON when it is an object or an array; older events stored plain
    /// sentences, which stay strings.
    init(storedText text: String) {
        if text.first == "{" || text.first == "[", let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) {
            self = value
        } else {
            self = .string(text)
        }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let value = try? c.decode(Bool.self) { self = .bool(value) }
        else if let value = try? c.decode(Int64.self) { self = .integer(value) }
        else if let value = try? c.decode(Double.self) { self = .number(value) }
        else if let value = try? c.decode(String.self) { self = .string(value) }
        else if let value = try? c.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let value): try c.encode(value)
        case .integer(let value): try c.encode(value)
        case .number(let value): try c.encode(value)
        case .string(let value): try c.encode(value)
        case .array(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        }
    }
}

/// One event of `audit --json`: who changed what and when, with the record before and after.
struct AuditEventJSON: Encodable {
    var id: Int64
    var at: String
    var actor: String
    var action: String
    var entity: String
    var entityID: String
    @Nullable var before: JSONValue?
    @Nullable var after: JSONValue?

    enum CodingKeys: String, CodingKey { case id, at, actor, action, entity, before, after, entityID = "entity_id" }
}
