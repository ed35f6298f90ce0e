import Foundation
import FrontdeskCore
import FrontdeskStore

// The scripting contract: one Codable shape per entity, used by every command that prints JSON
// and by the notify payload. Keys are snake_case; an optional value is always present, as null
// when unset (`@Nullable`), so a script can rely on the key. A command that prints an entity builds it with
// these initialisers and prints it with `Output.json(_:)`; a new field goes here, once.

/// A booking (one session or a single appointment).
struct BookingJSON: Encodable, Equatable {
    var id: Int64
    @Nullable var sessionGroupID: String?
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
    @Nullable var expires: String?
    var cancelled: Bool
    @Nullable var ended: Ending?
    var progress: Progress
    @Nullable var next: String?
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
}

/// A customer.
struct CustomerJSON: Encodable, Equatable {
    var id: Int64
    var name: String
    @Nullable var phone: String?
    @Nullable var email: String?
    var notes: String
    var smsConsent: Bool
    var emailConsent: Bool

    init(_ c: Customer) {
        id = c.id
        name = c.name
        phone = c.phone
        email = c.email
        notes = c.notes
        smsConsent = c.smsConsent
        emailConsent = c.emailConsent
    }

    enum CodingKeys: String, CodingKey {
        case id, name, phone, email, notes
        case smsConsent = "sms_consent", emailConsent = "email_consent"
    }
}

/// A follow-up: what `followups --json` lists and what the notify command receives on its input.
struct FollowUpJSON: Encodable, Equatable {
    var id: Int64
    var kind: String
    var status: String
    var customer: String
    var customerID: Int64
    @Nullable var phone: String?
    @Nullable var email: String?
    @Nullable var bookingID: Int64?
    @Nullable var sessionGroupID: String?
    var due: String
    var text: String
    var smsConsent: Bool
    var emailConsent: Bool

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
        smsConsent = f.smsConsent
        emailConsent = f.emailConsent
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, status, customer, phone, email, due, text
        case customerID = "customer_id", bookingID = "booking_id", sessionGroupID = "session_group_id"
        case smsConsent = "sms_consent", emailConsent = "email_consent"
    }
}

/// What `book --json` prints: the bookings made (or, with --dry-run, that would be), and the treatment.
struct BookingResultJSON: Encodable {
    var bookings: [BookingJSON]
    var dryRun: Bool
    var shifted: Bool
    @Nullable var group: TreatmentJSON?

    enum CodingKeys: String, CodingKey { case bookings, shifted, group, dryRun = "dry_run" }
}

/// What `complete --json` prints: the session, its treatment and, for a sequential one, the next window.
struct CompletionJSON: Encodable {
    struct Window: Encodable {
        var earliest: String
        var recommended: String
        @Nullable var latest: String?

        enum CodingKeys: String, CodingKey { case earliest, recommended, latest }
    }

    var booking: BookingJSON
    var treatmentCompleted: Bool
    @Nullable var group: TreatmentJSON?
    @Nullable var nextWindow: Window?
    @Nullable var suggestedNext: String?

    enum CodingKeys: String, CodingKey {
        case booking, group
        case treatmentCompleted = "treatment_completed", nextWindow = "next_window", suggestedNext = "suggested_next"
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
    @Nullable var sharedGroup: String?

    enum CodingKeys: String, CodingKey { case path, timezone, sharedGroup = "shared_group" }
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
