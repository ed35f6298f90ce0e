import Foundation

/// Checks every row of an imported CSV file before anything is written; the first bad row
/// refuses the whole file.
public struct SpreadsheetImport: Sendable {
    public let calendar: ClinicCalendar

    public init(calendar: ClinicCalendar) {
        self.calendar = calendar
    }

    /// Customers: `name` is required; `phone`, `email`, `notes` optional; other columns (such as
    /// the exported `id`) are ignored.
    public func customers(_ table: CSVReader.Table) throws(ImportRefusal) -> [CustomerImport] {
        try require(["name"], in: table)
        var result: [CustomerImport] = []
        for (index, fields) in table.rows.enumerated() {
            let row = table.rowNumber(index)
            func value(_ column: String) -> String {
                (table.value(column, in: fields) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let name = value("name")
            guard !name.isEmpty else { throw ImportRefusal(row: row, column: "name", reason: "the name is empty. Every customer needs a name.") }
            let email = value("email")
            let phone = value("phone")
            // The same limits as a customer typed at the desk: no NUL or control characters in a
            // one-line field, names and contact data ≤ 200 characters, notes ≤ 10,000.
            for (column, text) in [("name", name), ("phone", phone), ("email", email)] {
                try Self.check(text, row: row, column: column, limit: TextLimits.name)
            }
            try Self.check(table.value("notes", in: fields) ?? "", row: row, column: "notes", limit: TextLimits.notes, multiline: true)
            if !email.isEmpty, !email.contains("@") {
                throw ImportRefusal(row: row, column: "email", reason: "\(TextLimits.quote(email)) is not an email address (it has no @).")
            }
            result.append(CustomerImport(row: row, name: name, phone: phone.isEmpty ? nil : phone, email: email.isEmpty ? nil : email,
                                         notes: table.value("notes", in: fields) ?? ""))
        }
        return result
    }

    /// What a booking row names, looked up in the database by the caller.
    public struct Directory: Sendable {
        /// Customers by exact name: (id, normalised phone).
        public var customers: [String: [(id: Int64, phone: String)]]
        /// Services by exact name: (id, total sessions, whether it is multi-session).
        public var services: [String: (id: Int64, totalSessions: Int, multiSession: Bool)]
        public var providers: [String: Int64]

        public init(customers: [String: [(id: Int64, phone: String)]], services: [String: (id: Int64, totalSessions: Int, multiSession: Bool)],
                    providers: [String: Int64]) {
            self.customers = customers
            self.services = services
            self.providers = providers
        }
    }

    /// Bookings: `customer`, `service`, `provider`, `start` required; `end` (default: the
    /// service's duration is not known here, so required too), `status` (default confirmed),
    /// `treatment_id` with `session_number` and `total_sessions` for treatments, `customer_phone`
    /// to tell two customers of the same name apart, `label` (default: the service's for the
    /// session number), `notes`.
    public func bookings(_ table: CSVReader.Table, directory: Directory) throws(ImportRefusal) -> [BookingImport] {
        try require(["customer", "service", "provider", "start", "end"], in: table)
        var result: [BookingImport] = []
        var treatments: [String: (customerID: Int64, serviceID: Int64, total: Int, numbers: Set<Int>)] = [:]
        for (index, fields) in table.rows.enumerated() {
            let row = table.rowNumber(index)
            func value(_ column: String) -> String {
                (table.value(column, in: fields) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func refuse(_ column: String, _ reason: String) -> ImportRefusal { ImportRefusal(row: row, column: column, reason: reason) }

            let customerName = value("customer")
            guard let candidates = directory.customers[customerName], !candidates.isEmpty else {
                throw refuse("customer", "there is no customer called \(customerName.isEmpty ? "(empty)" : customerName). Import the customers first (frontdesk import csv customers).")
            }
            let customerID: Int64
            if candidates.count == 1 {
                customerID = candidates[0].id
            } else {
                let phone = SpreadsheetRows.normalisedPhone(value("customer_phone"))
                let matching = candidates.filter { !phone.isEmpty && $0.phone == phone }
                guard matching.count == 1 else {
                    throw refuse("customer_phone", "\(candidates.count) customers are called \(customerName); give the phone number of the right one.")
                }
                customerID = matching[0].id
            }
            let serviceName = value("service")
            guard let service = directory.services[serviceName] else {
                throw refuse("service", "there is no service called \(serviceName.isEmpty ? "(empty)" : serviceName). Import it first (frontdesk service import).")
            }
            let providerName = value("provider")
            guard let providerID = directory.providers[providerName] else {
                throw refuse("provider", "there is no provider called \(providerName.isEmpty ? "(empty)" : providerName). Add it first (frontdesk provider add).")
            }
            let start = try time(value("start"), row: row, column: "start")
            let end = try time(value("end"), row: row, column: "end")
            guard end > start else { throw refuse("end", "the booking ends before it starts.") }
            guard end.timeIntervalSince(start) <= 12 * 3600 else { throw refuse("end", "a booking lasts at most 12 hours.") }
            let statusText = value("status").lowercased().replacingOccurrences(of: "-", with: "_")
            let status: BookingStatus
            if statusText.isEmpty {
                status = .confirmed
            } else if let known = BookingStatus(rawValue: statusText) {
                status = known
            } else {
                throw refuse("status", "\(value("status")) is not a status. Use confirmed, completed, cancelled or no-show.")
            }
            let treatment = value("treatment_id").lowercased()
            var number = 1, total = 1
            if !treatment.isEmpty {
                guard UUID(uuidString: treatment) != nil else {
                    throw refuse("treatment_id", "\(treatment) is not a treatment id (a UUID such as 1f0c2a6e-8d7b-4c1e-9a3f-5b6d7e8f9a0b).")
                }
                guard service.multiSession else { throw refuse("treatment_id", "\(serviceName) is a single appointment, not a treatment; leave treatment_id empty.") }
                guard let n = Int(value("session_number")), n >= 1 else { throw refuse("session_number", "\(value("session_number")) is not a session number (1, 2, 3 …).") }
                guard let t = Int(value("total_sessions")), t >= n, t <= 50 else {
                    throw refuse("total_sessions", "\(value("total_sessions")) is not a number of sessions between \(n) and 50.")
                }
                number = n
                total = t
                var known = treatments[treatment] ?? (customerID, service.id, total, [])
                guard known.customerID == customerID, known.serviceID == service.id, known.total == total else {
                    throw refuse("treatment_id", "this treatment's earlier rows name another customer, service or number of sessions.")
                }
                if status != .cancelled {
                    guard known.numbers.insert(number).inserted else {
                        throw refuse("session_number", "session \(number) of this treatment appears twice.")
                    }
                }
                treatments[treatment] = known
            }
            try Self.check(table.value("notes", in: fields) ?? "", row: row, column: "notes", limit: TextLimits.notes, multiline: true)
            try Self.check(value("label"), row: row, column: "label", limit: TextLimits.name)
            result.append(BookingImport(row: row, treatmentID: treatment.isEmpty ? nil : treatment, customerID: customerID,
                                        serviceID: service.id, providerID: providerID, start: start, end: end, status: status,
                                        sessionNumber: number, totalSessions: total, label: value("label").isEmpty ? nil : value("label"),
                                        notes: table.value("notes", in: fields) ?? ""))
        }
        return result
    }

    /// "2026-03-10T14:00:00+01:00" (as exported), or the clinic's wall-clock "2026-03-10 14:00".
    func time(_ text: String, row: Int, column: String) throws(ImportRefusal) -> Date {
        if text.count >= 20, let date = calendar.parseISO8601(text) { return date }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        if parts.count == 2, let day = LocalDay(iso: String(parts[0])) {
            let hm = parts[1].split(separator: ":")
            if (2...3).contains(hm.count), let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) {
                guard let date = calendar.date(day, minuteOfDay: h * 60 + m) else {
                    throw ImportRefusal(row: row, column: column, reason: "\(text) does not exist in \(calendar.timeZone.identifier) (the clocks change then).")
                }
                return date
            }
        }
        throw ImportRefusal(row: row, column: column, reason: "\(text.isEmpty ? "(empty)" : text) is not a date and time. Write 2026-03-10 14:00 or 2026-03-10T14:00:00+01:00.")
    }

    /// The core's text limits, as an import refusal naming the row and column.
    static func check(_ text: String, row: Int, column: String, limit: Int, multiline: Bool = false) throws(ImportRefusal) {
        do { try TextLimits.check(text, field: column, limit: limit, multiline: multiline) } catch {
            throw ImportRefusal(row: row, column: column, reason: error.reason)
        }
    }

    func require(_ columns: [String], in table: CSVReader.Table) throws(ImportRefusal) {
        for column in columns where !table.header.contains(column) {
            throw ImportRefusal(row: 1, column: nil, reason: "the header has no \(column) column. The columns are: \(table.header.joined(separator: ", ")).")
        }
    }
}
