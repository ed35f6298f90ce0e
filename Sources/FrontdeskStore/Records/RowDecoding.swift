import Foundation
import FrontdeskCore
import GRDB

/// Turns rows into the core's values. Column lists live next to the decoders that read them.
enum RowDecoding {
    // `booking(_:)` reads these by position: keep the order, and put them first in a SELECT.
    static let bookingColumns = """
        b.id, b.customer_id, c.name AS customer_name, b.service_id, s.name AS service_name,
        b.provider_id, p.name AS provider_name, b.start_at, b.end_at, b.status, b.session_group_id,
        b.session_number, b.total_sessions, b.label, b.notes
        """
    /// How many columns `bookingColumns` selects: a query reads its own columns after them by position.
    static let bookingColumnCount = 15
    static let bookingJoins = """
        JOIN customers c ON c.id = b.customer_id
        JOIN services s ON s.id = b.service_id
        JOIN providers p ON p.id = b.provider_id
        """

    /// A booking from a row that starts with `bookingColumns`. Read by position: GRDB looks a column
    /// name up case-insensitively, lowercasing it on every access, which was the top symbol in the
    /// profile of `frontdesk agenda` (15 names × every row).
    static func booking(_ row: Row) -> Booking {
        Booking(
            id: row[0], customerID: row[1], customerName: row[2],
            serviceID: row[3], serviceName: row[4],
            providerID: row[5], providerName: row[6],
            start: Date(timeIntervalSince1970: TimeInterval(row[7] as Int64)),
            end: Date(timeIntervalSince1970: TimeInterval(row[8] as Int64)),
            status: BookingStatus(rawValue: row[9]) ?? .confirmed,
            sessionGroupID: row[10], sessionNumber: row[11],
            totalSessions: row[12], label: row[13], notes: row[14])
    }

    // Hours are validated when saved; this only guards against a hand-edited row.
    static let fallbackHours = (try? WorkingHours.parse("Mon-Fri 08:00-18:00"))!

    static func customer(_ row: Row) -> Customer {
        Customer(id: row["id"], name: row["name"], phone: row["phone"], email: row["email"], notes: row["notes"],
                 smsConsent: row["sms_consent"] ?? false, emailConsent: row["email_consent"] ?? false)
    }

    static func provider(_ row: Row) -> Provider {
        let hours = (try? WorkingHours.parse(row["working_hours"])) ?? Self.fallbackHours
        // Absences live in provider_absences; the reader that needs them adds them.
        return Provider(id: row["id"], name: row["name"], hours: hours, isActive: row["active"])
    }

    static func service(_ row: Row, providerIDs: [Int64]) -> Service {
        let strategy = Strategy(rawValue: row["multi_session_strategy"]) ?? .flexible
        let total: Int = row["total_sessions_required"]
        let planText: String = row["session_plan"]
        let plan = (try? JSONDecoder().decode([SessionPlanStep].self, from: Data(planText.utf8))) ?? []
        let triggerText: String = row["trigger_words"]
        let triggers = (try? JSONDecoder().decode([String].self, from: Data(triggerText.utf8))) ?? []
        let multi: Bool = row["requires_multiple_sessions"]
        // Stored configurations were validated on the way in; a failure here means a manual edit.
        let rules = (try? BufferRules.parse(row["session_buffer_config"], totalSessions: total,
                                            strategy: multi ? strategy : .flexible))
            ?? (try? BufferRules.parse("{}", totalSessions: total, strategy: .flexible))!
        let definition = ServiceDefinition(
            name: row["name"], sessionNoun: row["session_noun"], defaultDurationMinutes: row["duration_minutes"],
            requiresMultipleSessions: multi, totalSessions: total, strategy: strategy, plan: plan,
            expiryDays: row["expiry_days"])
        return Service(id: row["id"], definition: definition, priceCents: row["price_cents"],
                       triggerWords: triggers, bufferRules: rules, providerIDs: providerIDs, isActive: row["active"])
    }

    static func jsonArray(_ strings: [String]) -> String {
        let data = (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension Date {
    /// Seconds since 1970, as stored.
    var storedSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(storedSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(storedSeconds)) }
}
