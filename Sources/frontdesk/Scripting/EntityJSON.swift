import Foundation
import FrontdeskCore
import FrontdeskStore

// The scripting contract: one Codable shape per entity, used by every command that prints JSON
// and by the notify payload. Keys are snake_case; an optional value is always present, as null
// when unset, so a script can rely on the key. A command that prints an entity builds it with
// these initialisers and prints it with `Output.json(_:)`; a new field goes here, once.

/// A booking (one session or a single appointment).
struct BookingJSON: Encodable, Equatable {
    var id: Int64
    var sessionGroupID: String?
    var sessionNumber: Int
    var totalSessions: Int
    var isPartOfMultiSession: Bool
    var status: String
    var customer: String
    var customerID: Int64
    var service: String
    var serviceID: Int64
    var provider: String
    var providerID: Int64
    var label: String
    var notes: String
    var start: String
    var end: String

    init(_ b: Booking, calendar: ClinicCalendar) {
        id = b.id
        sessionGroupID = b.sessionGroupID
        sessionNumber = b.sessionNumber
        totalSessions = b.totalSessions
        isPartOfMultiSession = b.isPartOfMultiSession
        status = b.status.rawValue
        customer = b.customerName
        customerID = b.customerID
        service = b.serviceName
        serviceID = b.serviceID
        provider = b.providerName
        providerID = b.providerID
        label = b.label
        notes = b.notes
        start = calendar.iso8601(b.start)
        end = calendar.iso8601(b.end)
    }

    enum CodingKeys: String, CodingKey {
        case id, status, customer, service, provider, label, notes, start, end
        case sessionGroupID = "session_group_id", sessionNumber = "session_number", totalSessions = "total_sessions"
        case isPartOfMultiSession = "is_part_of_multi_session", customerID = "customer_id", serviceID = "service_id"
        case providerID = "provider_id"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sessionGroupID, forKey: .sessionGroupID)
        try c.encode(sessionNumber, forKey: .sessionNumber)
        try c.encode(totalSessions, forKey: .totalSessions)
        try c.encode(isPartOfMultiSession, forKey: .isPartOfMultiSession)
        try c.encode(status, forKey: .status)
        try c.encode(customer, forKey: .customer)
        try c.encode(customerID, forKey: .customerID)
        try c.encode(service, forKey: .service)
        try c.encode(serviceID, forKey: .serviceID)
        try c.encode(provider, forKey: .provider)
        try c.encode(providerID, forKey: .providerID)
        try c.encode(label, forKey: .label)
        try c.encode(notes, forKey: .notes)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

/// A treatment (session group) with its state, progress and sessions.
struct TreatmentJSON: Encodable, Equatable {
    struct Progress: Codable, Equatable {
        var completed, booked, remaining, total, cancelled: Int
        var noShow: Int
        enum CodingKeys: String, CodingKey { case completed, booked, remaining, total, cancelled, noShow = "no_show" }
    }

    struct Ending: Codable, Equatable {
        var at: String
        var reason: String
        var by: String
    }

    var sessionGroupID: String
    var customer: String
    var customerID: Int64
    var service: String
    var serviceID: Int64
    var strategy: String
    var state: String
    var totalSessions: Int
    var created: String
    var expires: String?
    var cancelled: Bool
    var ended: Ending?
    var progress: Progress
    var next: String?
    var sessions: [BookingJSON]

    init(_ g: SessionGroup, calendar: ClinicCalendar, now: Date) {
        let p = g.progress(now: now)
        sessionGroupID = g.id
        customer = g.customerName
        customerID = g.customerID
        service = g.serviceName
        serviceID = g.serviceID
        strategy = g.strategy.rawValue
        state = g.state(now: now).rawValue
        totalSessions = g.totalSessions
        created = calendar.iso8601(g.createdAt)
        expires = g.expiresAt.map { calendar.iso8601($0) }
        cancelled = g.cancelled
        ended = g.ended.map { Ending(at: calendar.iso8601($0.at), reason: $0.reason.text, by: $0.by) }
        progress = Progress(completed: p.completed, booked: p.booked, remaining: p.remaining, total: g.totalSessions,
                            cancelled: p.cancelled, noShow: p.noShow)
        next = p.next.map { calendar.iso8601($0.start) }
        sessions = g.sessions.map { BookingJSON($0, calendar: calendar) }
    }

    enum CodingKeys: String, CodingKey {
        case customer, service, strategy, state, created, expires, cancelled, ended, progress, next, sessions
        case sessionGroupID = "session_group_id", customerID = "customer_id", serviceID = "service_id", totalSessions = "total_sessions"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sessionGroupID, forKey: .sessionGroupID)
        try c.encode(customer, forKey: .customer)
        try c.encode(customerID, forKey: .customerID)
        try c.encode(service, forKey: .service)
        try c.encode(serviceID, forKey: .serviceID)
        try c.encode(strategy, forKey: .strategy)
        try c.encode(state, forKey: .state)
        try c.encode(totalSessions, forKey: .totalSessions)
        try c.encode(created, forKey: .created)
        try c.encode(expires, forKey: .expires)
        try c.encode(cancelled, forKey: .cancelled)
        try c.encode(ended, forKey: .ended)
        try c.encode(progress, forKey: .progress)
        try c.encode(next, forKey: .next)
        try c.encode(sessions, forKey: .sessions)
    }
}

/// A customer.
struct CustomerJSON: Encodable, Equatable {
    var id: Int64
    var name: String
    var phone: String?
    var email: String?
    var notes: String

    init(_ c: Customer) {
        id = c.id
        name = c.name
        phone = c.phone
        email = c.email
        notes = c.notes
    }

    enum CodingKeys: String, CodingKey { case id, name, phone, email, notes }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
        try c.encode(notes, forKey: .notes)
    }
}

/// A follow-up: what `followups --json` lists and what the notify command receives on its input.
struct FollowUpJSON: Encodable, Equatable {
    var id: Int64
    var kind: String
    var status: String
    var customer: String
    var customerID: Int64
    var phone: String?
    var email: String?
    var bookingID: Int64?
    var sessionGroupID: String?
    var due: String
    var text: String

    init(_ f: FollowUp, calendar: ClinicCalendar) {
        id = f.id
        kind = f.kind.rawValue
        status = f.status.rawValue
        customer = f.customerName
        customerID = f.customerID
        phone = f.customerPhone
        email = f.customerEmail
        bookingID = f.bookingID
        sessionGroupID = f.groupID
        due = calendar.iso8601(f.dueAt)
        text = f.text
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, status, customer, phone, email, due, text
        case customerID = "customer_id", bookingID = "booking_id", sessionGroupID = "session_group_id"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)
        try c.encode(customer, forKey: .customer)
        try c.encode(customerID, forKey: .customerID)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
        try c.encode(bookingID, forKey: .bookingID)
        try c.encode(sessionGroupID, forKey: .sessionGroupID)
        try c.encode(due, forKey: .due)
        try c.encode(text, forKey: .text)
    }
}

/// What `book --json` prints: the bookings made (or, with --dry-run, that would be), and the treatment.
struct BookingResultJSON: Encodable {
    var bookings: [BookingJSON]
    var dryRun: Bool
    var shifted: Bool
    var group: TreatmentJSON?

    enum CodingKeys: String, CodingKey { case bookings, shifted, group, dryRun = "dry_run" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bookings, forKey: .bookings)
        try c.encode(dryRun, forKey: .dryRun)
        try c.encode(shifted, forKey: .shifted)
        try c.encode(group, forKey: .group)
    }
}

/// What `complete --json` prints: the session, its treatment and, for a sequential one, the next window.
struct CompletionJSON: Encodable {
    struct Window: Encodable {
        var earliest: String
        var recommended: String
        var latest: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(earliest, forKey: .earliest)
            try c.encode(recommended, forKey: .recommended)
            try c.encode(latest, forKey: .latest)
        }

        enum CodingKeys: String, CodingKey { case earliest, recommended, latest }
    }

    var booking: BookingJSON
    var treatmentCompleted: Bool
    var group: TreatmentJSON?
    var nextWindow: Window?
    var suggestedNext: String?

    enum CodingKeys: String, CodingKey {
        case booking, group
        case treatmentCompleted = "treatment_completed", nextWindow = "next_window", suggestedNext = "suggested_next"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(booking, forKey: .booking)
        try c.encode(treatmentCompleted, forKey: .treatmentCompleted)
        try c.encode(group, forKey: .group)
        try c.encode(nextWindow, forKey: .nextWindow)
        try c.encode(suggestedNext, forKey: .suggestedNext)
    }
}

/// A provider (practitioner, instructor, room or car).
struct ProviderJSON: Encodable, Equatable {
    /// A day or range away, with its reason.
    struct AbsenceJSON: Encodable, Equatable {
        var from: String
        var to: String
        var reason: String
    }

    var id: Int64
    var name: String
    var hours: String
    var active: Bool
    /// The services this provider delivers (those naming it, and those naming nobody).
    var services: [String]
    var absences: [AbsenceJSON]

    init(_ record: ProviderRecord) {
        let p = record.provider
        id = p.id
        name = p.name
        hours = p.hours.description
        active = p.isActive
        services = record.services
        absences = p.absences.map { AbsenceJSON(from: $0.first.description, to: $0.last.description, reason: $0.reason) }
    }
}

/// What `init --json` prints.
struct DatabaseJSON: Encodable {
    var path: String
    var timezone: String
    var sharedGroup: String?

    enum CodingKeys: String, CodingKey { case path, timezone, sharedGroup = "shared_group" }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(timezone, forKey: .timezone)
        try c.encode(sharedGroup, forKey: .sharedGroup)
    }
}

/// What a command asked for `--json` prints when it fails or refuses: the message, the exit code,
/// and the reasons one per line (the sessions of a plan that do not fit, for example).
struct FailureJSON: Encodable {
    var error: String
    var exitCode: Int32
    var reasons: [String]

    init(_ failure: CommandFailure) {
        let lines = failure.message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        error = lines.first ?? failure.message
        exitCode = failure.code
        reasons = Array(lines.dropFirst())
    }

    enum CodingKeys: String, CodingKey { case error, reasons, exitCode = "exit_code" }
}
