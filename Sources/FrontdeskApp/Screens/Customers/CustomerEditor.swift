import Foundation
import FrontdeskCore
import TerminalUI

/// The card's contact editor (and the new-customer form): the shared contact form, for one
/// customer or a new one, saved through the Customers screen.
public struct CustomerEditor: Sendable, Equatable {
    public typealias Field = CustomerContactForm.Field

    /// The customer edited; nil for a new customer.
    public var customerID: Int64?
    public var contact: CustomerContactForm
    var isSaving = false

    public init(customer: Customer?) {
        customerID = customer?.id
        contact = CustomerContactForm(customer: customer)
    }

    public var title: String { customerID == nil ? "New customer" : "Edit contact details" }

    /// The form's fields.
    public var form: Form<Field> {
        get { contact.form }
        set { contact.form = newValue }
    }

    /// Customers with the same name or phone, shown with the offer to open them; a second Enter saves anyway.
    public var duplicates: [Customer] { contact.duplicates }

    /// The details as typed.
    public var details: CustomerDetails { contact.details }

    /// Marks every field that the store would refuse; true when none is.
    public mutating func validate() -> Bool { contact.validate() }

    /// Enter: the save to ask for, or nil when a field is wrong (the field says why).
    mutating func save() -> CustomersEffect? {
        guard !isSaving, let submission = contact.submission() else { return nil }
        isSaving = true
        return .save(customerID: customerID, details: submission.details, allowDuplicate: submission.allowDuplicate)
    }

    /// The store found customers with the same name or phone: show them, and let Enter save anyway.
    mutating func warn(_ matches: [Customer]) {
        isSaving = false
        contact.warn(matches)
    }

    /// Rows the editor needs inside its box.
    var height: Int { contact.height + 2 }
}
