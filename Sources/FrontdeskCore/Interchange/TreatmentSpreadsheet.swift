import Foundation

// The treatments file of `export csv treatments` and `import csv treatments`: what a treatment
// carries beyond its bookings — when it was created, the package's expiry, how it was closed
// (cancelled, completed, ended early with a reason) and its own copy of the rules it was booked
// under. Its bookings come in first (`import csv bookings`, which creates the treatments); this
// file then gives them the rest, so an export imported into an empty database gives the same
// treatments.

/// One treatment as the export reads it.
public struct ExportedTreatment: Sendable, Equatable {
    public var id: String
    public var customerName: String
    public var serviceName: String
    public var strategy: Strategy
    /// The state at the time of the export (an expired package is `expired`).
    public var state: GroupState
    public var totalSessions: Int
    public var completed: Int
    public var booked: Int
    public var createdAt: Date
    public var expiresAt: Date?
    public var completedAt: Date?
    public var ended: TreatmentEnding?
    /// The treatment's own copy of its rules: buffer configuration (canonical JSON), session plan (JSON), minutes.
    public var bufferConfig: String
    public var sessionPlan: String
    public var durationMinutes: Int

    public init(id: String, customerName: String, serviceName: String, strategy: Strategy, state: GroupState,
                totalSessions: Int, completed: Int, booked: Int, createdAt: Date, expiresAt: Date?, completedAt: Date?,
                ended: TreatmentEnding?, bufferConfig: String, sessionPlan: String, durationMinutes: Int) {
        self.id = id
        self.customerName = customerName
        self.serviceName = serviceName
        self.strategy = strategy
        self.state = state
        self.totalSessions = totalSessions
        self.completed = completed
        self.booked = booked
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.completedAt = completedAt
        self.ended = ended
        self.bufferConfig = bufferConfig
        self.sessionPlan = sessionPlan
        self.durationMinutes = durationMinutes
    }
}

/// A treatment row checked and ready to apply to the treatment its bookings created.
public struct TreatmentImport: Sendable, Equatable {
    public var row: Int
    public var id: String
    public var customerName: String
    public var serviceName: String
    public var strategy: Strategy
    /// The state the file gives; after the import the treatment must be in it (an expired package
    /// is stored as `to_book`).
    public var state: GroupState
    public var totalSessions: Int
    /// The counts the file gives, checked against the bookings; nil when the column is absent or empty.
    public var completed: Int?
    public var booked: Int?
    public var createdAt: Date
    public var expiresAt: Date?
    public var completedAt: Date?
    public var ended: TreatmentEnding?
    /// nil keeps the copy the treatment has (the service's rules when its bookings were imported).
    public var bufferConfig: String?
    public var sessionPlan: String?
    public var durationMinutes: Int?

    /// The state as stored: the clock decides whether a package waiting for a booking has expired.
    public var storedState: GroupState { state == .expired ? .toBook : state }
}

extension SpreadsheetRows {
    public static let treatmentHeader = ["treatment_id", "customer", "service", "strategy", "state", "total_sessions",
                                         "completed", "booked", "remaining", "created", "expires", "completed_at",
                                         "ended_at", "ended_reason", "ended_by", "buffer_config", "session_plan",
                                         "duration_minutes"]

    public static func treatmentRow(_ t: ExportedTreatment, calendar: ClinicCalendar) -> [String] {
        [t.id, t.customerName, t.serviceName, t.strategy.rawValue, t.state.rawValue.replacingOccurrences(of: "_", with: "-"),
         String(t.totalSessions), String(t.completed), String(t.booked), String(max(0, t.totalSessions - t.completed - t.booked)),
         calendar.iso8601(t.createdAt), t.expiresAt.map(calendar.iso8601) ?? "", t.completedAt.map(calendar.iso8601) ?? "",
         t.ended.map { calendar.iso8601($0.at) } ?? "", t.ended?.reason.text ?? "", t.ended?.by ?? "",
         t.bufferConfig, t.sessionPlan, String(t.durationMinutes)]
    }
}

extension SpreadsheetImport {
    /// Treatments: `treatment_id`, `customer`, `service`, `strategy`, `state`, `total_sessions` and
    /// `created` required; `expires` (flexible packages only), `completed_at`, `ended_at`,
    /// `ended_reason`, `ended_by` (a treatment ended early, and only then), the rules
    /// (`buffer_config`, `session_plan`, `duration_minutes`) and the counts (`completed`, `booked`,
    /// checked against the bookings) optional; `remaining` is ignored.
    public func treatments(_ table: CSVReader.Table) throws(ImportRefusal) -> [TreatmentImport] {
        try require(["treatment_id", "customer", "service", "strategy", "state", "total_sessions", "created"], in: table)
        var result: [TreatmentImport] = []
        var seen: Set<String> = []
        for (index, fields) in table.rows.enumerated() {
            let row = table.rowNumber(index)
            func value(_ column: String) -> String {
                (table.value(column, in: fields) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func refuse(_ column: String, _ reason: String) -> ImportRefusal { ImportRefusal(row: row, column: column, reason: reason) }
            func optionalTime(_ column: String) throws(ImportRefusal) -> Date? {
                value(column).isEmpty ? nil : try time(value(column), row: row, column: column)
            }
            func count(_ column: String) throws(ImportRefusal) -> Int? {
                guard !value(column).isEmpty else { return nil }
                guard let n = Int(value(column)), n >= 0 else { throw refuse(column, "\(TextLimits.quote(value(column))) is not a number of sessions.") }
                return n
            }

            let id = value("treatment_id").lowercased()
            guard UUID(uuidString: id) != nil else {
                throw refuse("treatment_id", "\(id.isEmpty ? "(empty)" : TextLimits.quote(id)) is not a treatment id (a UUID such as 1f0c2a6e-8d7b-4c1e-9a3f-5b6d7e8f9a0b).")
            }
            guard seen.insert(id).inserted else { throw refuse("treatment_id", "the treatment \(id) appears twice.") }
            guard let strategy = Strategy(rawValue: value("strategy").lowercased()) else {
                throw refuse("strategy", "\(TextLimits.quote(value("strategy"))) is not a strategy. Use immediate, sequential or flexible.")
            }
            guard let state = GroupState(rawValue: value("state").lowercased().replacingOccurrences(of: "-", with: "_")) else {
                throw refuse("state", "\(TextLimits.quote(value("state"))) is not a treatment state. Use "
                             + GroupState.allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", ") + ".")
            }
            guard let total = Int(value("total_sessions")), (1...50).contains(total) else {
                throw refuse("total_sessions", "\(TextLimits.quote(value("total_sessions"))) is not a number of sessions between 1 and 50.")
            }
            let created = try time(value("created"), row: row, column: "created")
            let expires = try optionalTime("expires")
            if expires != nil, strategy != .flexible { throw refuse("expires", "only flexible packages expire; leave it empty for a \(strategy.rawValue) treatment.") }
            let completedAt = try optionalTime("completed_at")
            if completedAt != nil, state != .completed { throw refuse("completed_at", "only a completed treatment has a completion time; its state is \(value("state")).") }

            var ended: TreatmentEnding?
            let endedAt = try optionalTime("ended_at"), reason = value("ended_reason"), by = value("ended_by")
            if state == .ended {
                guard let endedAt else { throw refuse("ended_at", "a treatment ended early needs the time it was ended.") }
                guard !reason.isEmpty else { throw refuse("ended_reason", "a treatment ended early needs its reason.") }
                try Self.check(reason, row: row, column: "ended_reason", limit: TextLimits.name)
                try Self.check(by, row: row, column: "ended_by", limit: TextLimits.name)
                ended = TreatmentEnding(at: endedAt, reason: EndReason(reason), by: by)
            } else {
                for column in ["ended_at", "ended_reason", "ended_by"] where !value(column).isEmpty {
                    throw refuse(column, "only a treatment ended early has this; its state is \(value("state")).")
                }
            }

            var bufferConfig: String?
            if !value("buffer_config").isEmpty {
                do { bufferConfig = try BufferRules.parse(value("buffer_config"), totalSessions: total, strategy: strategy).canonicalJSON } catch {
                    // A copy taken before a check became stricter is kept as the store keeps it.
                    guard let lenient = try? BufferRules.parse(value("buffer_config"), totalSessions: total, strategy: .flexible) else {
                        throw refuse("buffer_config", error.description)
                    }
                    bufferConfig = lenient.canonicalJSON
                }
            }
            var sessionPlan: String?
            if !value("session_plan").isEmpty {
                guard let plan = try? JSONDecoder().decode([SessionPlanStep].self, from: Data(value("session_plan").utf8)),
                      plan.count <= total, plan.allSatisfy({ (1...720).contains($0.durationMinutes) }) else {
                    throw refuse("session_plan", "it is not a session plan: a JSON list of at most \(total) "
                                 + #"{"label": …, "duration_minutes": 1–720}, as exported."#)
                }
                for step in plan { try Self.check(step.label, row: row, column: "session_plan", limit: TextLimits.name) }
                // Kept as written: the store's own copies are JSONEncoder output, whose key order varies
                // between runs, so re-encoding would change a text that round-trips as it is.
                sessionPlan = value("session_plan")
            }
            var minutes: Int?
            if !value("duration_minutes").isEmpty {
                guard let m = Int(value("duration_minutes")), (1...720).contains(m) else {
                    throw refuse("duration_minutes", "\(TextLimits.quote(value("duration_minutes"))) is not a duration between 1 and 720 minutes.")
                }
                minutes = m
            }
            result.append(TreatmentImport(
                row: row, id: id, customerName: value("customer"), serviceName: value("service"), strategy: strategy, state: state,
                totalSessions: total, completed: try count("completed"), booked: try count("booked"), createdAt: created,
                expiresAt: expires, completedAt: completedAt, ended: ended, bufferConfig: bufferConfig, sessionPlan: sessionPlan,
                durationMinutes: minutes))
        }
        return result
    }
}
