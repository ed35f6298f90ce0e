import Foundation
import FrontdeskCore
import FrontdeskStore

// What the manager commands print under --json (services, providers, clinic closed days), in the
// scripting contract's style: snake_case keys, every key present.

/// One service of `service import`: added, updated (with each field before and after, as JSON
/// texts) or unchanged.
struct ServiceImportJSON: Encodable {
    struct Change: Encodable {
        var field: String
        var before: String
        var after: String
    }

    @Nullable var id: Int64?
    var name: String
    var outcome: String
    var changes: [Change]
    var activeTreatments: Int
    var saved: Bool

    init(_ outcome: ServiceSaveOutcome, dryRun: Bool) {
        id = dryRun && outcome.kind == .added ? nil : outcome.service.id
        name = outcome.service.name
        self.outcome = outcome.kind.rawValue
        changes = outcome.changes.map { Change(field: $0.field, before: $0.before, after: $0.after) }
        activeTreatments = outcome.activeTreatments
        saved = !dryRun && outcome.kind != .unchanged
    }

    enum CodingKeys: String, CodingKey { case id, name, outcome, changes, activeTreatments = "active_treatments", saved }
}

/// A service after `service activate|deactivate`.
struct ServiceStateJSON: Encodable {
    var id: Int64
    var name: String
    var active: Bool
    var activeTreatments: Int

    enum CodingKeys: String, CodingKey { case id, name, active, activeTreatments = "active_treatments" }
}

/// A provider after `provider edit`, and the confirmed bookings the change left outside its time.
struct ProviderEditJSON: Encodable {
    var provider: ProviderJSON
    var uncoveredBookings: [BookingJSON]

    enum CodingKeys: String, CodingKey { case provider, uncoveredBookings = "uncovered_bookings" }
}

/// A clinic closed day; after `clinic closed add`, the confirmed bookings already on it.
struct ClosedDayJSON: Encodable {
    var day: String
    var reason: String
    var bookingsOnIt: [BookingJSON]?

    enum CodingKeys: String, CodingKey { case day, reason, bookingsOnIt = "bookings_on_it" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(day, forKey: .day)
        try c.encode(reason, forKey: .reason)
        if let bookingsOnIt { try c.encode(bookingsOnIt, forKey: .bookingsOnIt) }
    }
}
