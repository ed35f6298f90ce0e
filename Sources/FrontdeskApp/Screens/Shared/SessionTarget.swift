import Foundation
import FrontdeskCore

/// The session an action applies to, with what the dialogs need to name it to the receptionist.
public struct SessionTarget: Sendable, Equatable {
    public var bookingID: Int64
    public var customerID: Int64
    public var customerName: String
    public var serviceID: Int64?
    public var serviceName: String
    public var sessionNoun: String
    public var sessionNumber: Int
    public var totalSessions: Int
    public var start: Date
    public var status: BookingStatus
    public var groupID: String?
    public var strategy: Strategy?
    public var notes: String
    /// Later sessions still booked (an immediate treatment offers to move them along).
    public var laterBookedCount: Int

    public init(bookingID: Int64, customerID: Int64, customerName: String, serviceID: Int64?, serviceName: String,
                sessionNoun: String, sessionNumber: Int, totalSessions: Int, start: Date, status: BookingStatus,
                groupID: String?, strategy: Strategy?, notes: String, laterBookedCount: Int) {
        self.bookingID = bookingID
        self.customerID = customerID
        self.customerName = customerName
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.sessionNoun = sessionNoun
        self.sessionNumber = sessionNumber
        self.totalSessions = totalSessions
        self.start = start
        self.status = status
        self.groupID = groupID
        self.strategy = strategy
        self.notes = notes
        self.laterBookedCount = laterBookedCount
    }

    /// A session of a loaded treatment.
    public init(session: Booking, in group: SessionGroup) {
        let later = group.sessions.filter { $0.sessionNumber > session.sessionNumber && $0.status == .confirmed }.count
        self.init(bookingID: session.id, customerID: session.customerID, customerName: session.customerName,
                  serviceID: session.serviceID, serviceName: session.serviceName, sessionNoun: group.sessionNoun,
                  sessionNumber: session.sessionNumber, totalSessions: group.totalSessions, start: session.start,
                  status: session.status, groupID: group.id, strategy: group.strategy, notes: session.notes,
                  laterBookedCount: later)
    }

    /// A booking from the agenda (which does not know the rest of its treatment).
    public init(booking: Booking) {
        self.init(bookingID: booking.id, customerID: booking.customerID, customerName: booking.customerName,
                  serviceID: booking.serviceID, serviceName: booking.serviceName, sessionNoun: "Session",
                  sessionNumber: booking.sessionNumber, totalSessions: booking.totalSessions, start: booking.start,
                  status: booking.status, groupID: booking.sessionGroupID, strategy: nil, notes: booking.notes,
                  laterBookedCount: 0)
    }

    /// The session the next-session dialog is about to book (not stored yet: no booking number).
    public init(next form: NextSessionForm) {
        self.init(bookingID: 0, customerID: form.customerID, customerName: form.customerName, serviceID: form.serviceID,
                  serviceName: form.serviceName, sessionNoun: form.sessionNoun, sessionNumber: form.nextNumber,
                  totalSessions: form.totalSessions, start: form.window.recommended, status: .confirmed,
                  groupID: form.groupID, strategy: .sequential, notes: "", laterBookedCount: 0)
    }

    /// A single booking's row in the grouped list.
    public init?(singleRow row: TreatmentSummary) {
        guard row.kind == .single, let id = row.bookingID else { return nil }
        self.init(bookingID: id, customerID: row.customerID, customerName: row.customerName, serviceID: nil,
                  serviceName: row.serviceName, sessionNoun: row.sessionNoun, sessionNumber: 1, totalSessions: 1,
                  start: row.anchor, status: row.singleStatus ?? .confirmed, groupID: nil, strategy: nil, notes: "",
                  laterBookedCount: 0)
    }

    /// "Session 2 of 3" for a treatment, nothing for a single appointment.
    public var sessionLabel: String {
        groupID == nil ? "" : "\(sessionNoun) \(sessionNumber) of \(totalSessions)"
    }

    /// "Marie Schmidt, Dental Implant, Session 2 of 3" — how dialogs name the session.
    public var title: String {
        [customerName, serviceName, sessionLabel].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
