import Foundation

/// The CSV columns of `frontdesk export csv` and `import csv`, defined once for both directions:
/// what is exported can be imported into an empty database and gives the same records.
/// Times are the clinic's local ISO 8601 with offset ("2026-03-10T14:00:00+01:00").
public enum SpreadsheetRows {
    public static let customerHeader = ["id", "name", "phone", "email", "notes"]
    public static let bookingHeader = ["id", "treatment_id", "customer", "customer_phone", "service", "provider",
                                       "start", "end", "status", "session_number", "total_sessions", "label", "notes"]

    public static func customerRow(_ c: Customer) -> [String] {
        [String(c.id), c.name, c.phone ?? "", c.email ?? "", c.notes]
    }

    public static func bookingRow(_ e: ExportedBooking, calendar: ClinicCalendar) -> [String] {
        let b = e.booking
        return [String(b.id), b.sessionGroupID ?? "", b.customerName, e.customerPhone ?? "", b.serviceName, b.providerName,
                calendar.iso8601(b.start), calendar.iso8601(b.end), b.status.rawValue.replacingOccurrences(of: "_", with: "-"),
                String(b.sessionNumber), String(b.totalSessions), b.label, b.notes]
    }

    /// The digits of a phone number with a leading + (00 becomes +): "+41 79 555 01 02" and
    /// "0041795550102" are the same number.
    public static func normalisedPhone(_ phone: String) -> String {
        var digits = phone.filter(\.isASCII).filter(\.isNumber)
        let international = phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") || digits.hasPrefix("00")
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        return (international ? "+" : "") + digits
    }
}

/// A customer row checked and ready to write.
public struct CustomerImport: Sendable, Equatable {
    public var row: Int
    public var name: String
    public var phone: String?
    public var email: String?
    public var notes: String
}

/// A booking row checked and resolved to the database's records, ready to write.
public struct BookingImport: Sendable, Equatable {
    public var row: Int
    public var treatmentID: String?
    public var customerID: Int64
    public var serviceID: Int64
    public var providerID: Int64
    public var start: Date
    public var end: Date
    public var status: BookingStatus
    public var sessionNumber: Int
    public var totalSessions: Int
    /// What the session is called ("Healing check"); nil gives the service's label for its number.
    public var label: String?
    public var notes: String
}

/// A row the import refuses: nothing is written. The description names the row (the header is
/// row 1, as a spreadsheet numbers them) and the column.
public struct ImportRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: String?
    public var reason: String

    public init(row: Int, column: String?, reason: String) {
        self.row = row
        self.column = column
        self.reason = reason
    }

    public var description: String {
        "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": " + reason
    }
}
