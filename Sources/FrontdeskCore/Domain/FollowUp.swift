import Foundation

/// A message to a customer that is due (SPEC §4), as listed on the Follow-ups screen.
public struct FollowUp: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var kind: FollowUpKind
    public var customerID: Int64
    public var customerName: String
    public var customerPhone: String?
    public var customerEmail: String?
    /// Whether the customer agreed to text messages and to e-mails (nothing is sent otherwise).
    public var smsConsent: Bool
    public var emailConsent: Bool
    public var bookingID: Int64?
    public var groupID: String?
    public var dueAt: Date
    public var text: String
    public var status: FollowUpStatus
    public var doneAt: Date?
    public var doneBy: String?
    /// What staff noted when they called or dismissed it.
    public var note: String

    public init(id: Int64, kind: FollowUpKind, customerID: Int64, customerName: String, customerPhone: String? = nil,
                customerEmail: String? = nil, bookingID: Int64?, groupID: String?, dueAt: Date, text: String,
                status: FollowUpStatus, doneAt: Date? = nil, doneBy: String? = nil, note: String = "",
                smsConsent: Bool = false, emailConsent: Bool = false) {
        self.id = id
        self.kind = kind
        self.customerID = customerID
        self.customerName = customerName
        self.customerPhone = customerPhone
        self.customerEmail = customerEmail
        self.bookingID = bookingID
        self.groupID = groupID
        self.dueAt = dueAt
        self.text = text
        self.status = status
        self.doneAt = doneAt
        self.doneBy = doneBy
        self.note = note
        self.smsConsent = smsConsent
        self.emailConsent = emailConsent
    }
}
