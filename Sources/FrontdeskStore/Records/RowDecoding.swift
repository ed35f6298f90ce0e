import Foundation
import FrontdeskCore
import GRDB

/// Turns rows into the core's values. Column lists live next to the decoders that read them.
enum RowDecoding {
    static let bookingColumns = """
        b.id, b.customer_id, c.name AS customer_name, b.service_id, s.name AS service_name,
        b.provider_id, p.name AS provider_name, b.start_at, b.end_at, b.status, b.session_group_id,
        b.session_number, b.total_sessions, b.label, b.notes
        """
    static let bookingJoins = """
        JOIN customers c ON c.id = b.customer_id
        JOIN services s ON s.id = b.service_id
        JOIN providers p ON p.id = b.provider_id
        """

    static func booking(_ row: Row) -> Booking {
        Booking(
            id: row["id"], customerID: row["customer_id"], customerName: row["customer_name"],
            serviceID: row["service_id"], serviceName: row["service_name"],
            providerID: row["provider_id"], providerName: row["provider_name"],
            start: Date(timeIntervalSince1970: TimeInterval(row["start_at"] as Int64)),
            end: Date(timeIntervalSince1970: TimeInterval(row["end_at"] as Int64)),
            status: BookingStatus(rawValue: row["status"]) ?? .confirmed,
            sessionGroupID: row["session_group_id"], sessionNumber: row["session_number"],
            totalSessions: row["total_sessions"], label: row["label"], notes: row["notes"])
    }

    // Hours are validated when saved; this only guards against a hand-edited row.
    static let fallbackHours = (try? WorkingHours.parse("Mon-Fri 08:00-18:00"))!

    static func customer(_ row: Row) -> Customer {
        Customer(id: row["id"], name: row["name"], phone: row["phone"], email: row["email"], notes: row["notes"])
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
