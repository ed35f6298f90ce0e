import Foundation

// What the Customers screen and `customer show` read: shaped by the store, shown by the screens.

/// One row of the Customers list: who, how to reach them, what is next.
public struct CustomerListRow: Sendable, Equatable {
    public var customer: Customer
    /// The customer's next confirmed session, if any.
    public var nextAppointment: Booking?
    /// Treatments neither completed, cancelled nor expired.
    public var openTreatments: Int

    public init(customer: Customer, nextAppointment: Booking?, openTreatments: Int) {
        self.customer = customer
        self.nextAppointment = nextAppointment
        self.openTreatments = openTreatments
    }
}

/// Everything the customer card shows.
public struct CustomerCard: Sendable, Equatable {
    public var customer: Customer
    /// Every treatment with all its sessions, newest first; progress comes from `SessionGroup.progress(now:)`.
    public var treatments: [SessionGroup]
    /// Confirmed sessions from now on, soonest first.
    public var upcoming: [Booking]
    /// Everything else (attended, missed, cancelled, and confirmed ones already started), latest first.
    public var past: [Booking]
    /// Follow-ups still waiting to be sent or called, due first.
    public var pendingFollowUps: [FollowUp]

    public init(customer: Customer, treatments: [SessionGroup], upcoming: [Booking], past: [Booking], pendingFollowUps: [FollowUp]) {
        self.customer = customer
        self.treatments = treatments
        self.upcoming = upcoming
        self.past = past
        self.pendingFollowUps = pendingFollowUps
    }
}

/// A customer's contact details as the desk edits them: everything at once, validated before saving.
public struct CustomerDetails: Sendable, Equatable {
    public var name: String
    public var phone: String?
    public var email: String?
    public var notes: String
    public var smsConsent: Bool
    public var emailConsent: Bool

    public init(name: String, phone: String? = nil, email: String? = nil, notes: String = "",
                smsConsent: Bool = false, emailConsent: Bool = false) {
        self.name = name
        self.phone = phone
        self.email = email
        self.notes = notes
        self.smsConsent = smsConsent
        self.emailConsent = emailConsent
    }

    /// The details a customer has now, to change some of them.
    public init(_ customer: Customer) {
        self.init(name: customer.name, phone: customer.phone, email: customer.email, notes: customer.notes,
                  smsConsent: customer.smsConsent, emailConsent: customer.emailConsent)
    }
}
