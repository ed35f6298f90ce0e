import FrontdeskCore
import FrontdeskStore

/// Each service's session noun ("Lesson" for driving lessons), read once per command, so a booking
/// line says "Lesson 3 of 10" wherever it is printed. Services are few; bookings carry only the id.
struct SessionNouns {
    private let nouns: [Int64: String]

    init(_ db: AppDatabase) throws {
        let services = try store { () throws(StoreError) in try db.services(includeInactive: true) }
        nouns = Dictionary(services.map { ($0.id, $0.definition.sessionNoun) }, uniquingKeysWith: { first, _ in first })
    }

    /// The noun of the booking's service, "Session" when it is unknown.
    subscript(_ booking: Booking) -> String { nouns[booking.serviceID] ?? "Session" }
}
