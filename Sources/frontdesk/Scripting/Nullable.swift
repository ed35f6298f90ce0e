/// An optional field of the scripting contract that is always written: `null` when unset.
///
/// Swift's synthesised `Encodable` leaves a nil optional out (`encodeIfPresent`), so a script could
/// not tell "no phone" from "this version has no phone field". Marking the property `@Nullable`
/// keeps the synthesised conformance and its `CodingKeys`, and writes the key with `null` instead:
///
///     struct CustomerJSON: Encodable {
///         @Nullable var phone: String?
///     }
@propertyWrapper
struct Nullable<Wrapped: Encodable>: Encodable {
    var wrappedValue: Wrapped?

    init(wrappedValue: Wrapped?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension Nullable: Equatable where Wrapped: Equatable {}
