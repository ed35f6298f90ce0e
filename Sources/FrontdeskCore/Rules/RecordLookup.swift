/// The kinds of record staff name by number or by name; what a lookup that found none, or several,
/// was looking for.
public enum RecordKind: String, Equatable, Sendable, CaseIterable {
    case customer
    case service
    case provider
    case booking
    case treatment
    case followUp = "follow-up"

    /// The record in a sentence ("customer", "follow-up").
    public var noun: String { rawValue }

    /// Several of them ("customers").
    public var plural: String { rawValue + "s" }
}

/// One record a name matched: its number and its name, as staff would pick it.
public struct RecordMatch: Equatable, Sendable {
    public var id: Int64
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
