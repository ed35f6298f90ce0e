import Foundation
import FrontdeskCore
import TerminalUI

/// The card's contact editor (and the new-customer form) on the toolkit's form: checked as the
/// store checks it before anything is sent, and holding the duplicate warning when the store found
/// a customer with the same name or phone.
public struct CustomerEditor: Sendable, Equatable {
    public enum Field: Hashable, Sendable { case name, phone, email, notes, smsConsent, emailConsent }

    /// The customer edited; nil for a new customer.
    public var customerID: Int64?
    public var form: Form<Field>
    /// Customers with the same name or phone, shown with the offer to open them; a second Enter saves anyway.
    public var duplicates: [Customer] = []
    /// The details the duplicates were found for: saving those again is a decision, not an accident.
    var warnedFor: CustomerDetails?
    var isSaving = false

    public init(customer: Customer?) {
        customerID = customer?.id
        form = Form([
            .text(.name, label: "Name", value: customer?.name ?? "", placeholder: "first and last name"),
            .text(.phone, label: "Phone", value: customer?.phone ?? "", placeholder: "+41 79 123 45 67"),
            .text(.email, label: "E-mail", value: customer?.email ?? "", placeholder: "name@example.ch"),
            .text(.notes, label: "Notes", value: customer?.notes ?? ""),
            .choice(.smsConsent, label: "SMS consent", options: ["no", "yes"], selected: customer?.smsConsent == true ? 1 : 0),
            .choice(.emailConsent, label: "E-mail consent", options: ["no", "yes"], selected: customer?.emailConsent == true ? 1 : 0),
        ], labelWidth: 15)
    }

    public var title: String { customerID == nil ? "New customer" : "Edit contact details" }

    /// The details as typed.
    public var details: CustomerDetails {
        func optional(_ field: Field) -> String? {
            let text = form.text(field).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        return CustomerDetails(name: form.text(.name).trimmingCharacters(in: .whitespaces), phone: optional(.phone),
                               email: optional(.email), notes: form.text(.notes),
                               smsConsent: form.selectedIndex(.smsConsent) == 1, emailConsent: form.selectedIndex(.emailConsent) == 1)
    }

    /// Marks every field that the store would refuse; true when none is.
    public mutating func validate() -> Bool {
        form.clearErrors()
        let details = details
        if details.name.isEmpty { form.setError("Type the customer's name.", for: .name) }
        if let phone = details.phone {
            do { try PhoneNumber.validate(phone) } catch { form.setError("Phone \(error.description)", for: .phone) }
        }
        if let email = details.email {
            do { try EmailAddress.validate(email) } catch { form.setError("E-mail \(error.description)", for: .email) }
        }
        if details.smsConsent, details.phone == nil { form.setError("SMS consent needs a phone number.", for: .smsConsent) }
        if details.emailConsent, details.email == nil {
            form.setError("E-mail consent needs an e-mail address.", for: .emailConsent)
        }
        return !form.hasErrors
    }

    /// Enter: the save to ask for, or nil when a field is wrong (the field says why).
    mutating func save() -> CustomersEffect? {
        guard !isSaving, validate() else { return nil }
        let details = details
        let confirmed = details == warnedFor
        if !confirmed {
            duplicates = []
            warnedFor = nil
        }
        isSaving = true
        return .save(customerID: customerID, details: details, allowDuplicate: confirmed)
    }

    /// The store found customers with the same name or phone: show them, and let Enter save anyway.
    mutating func warn(_ matches: [Customer]) {
        isSaving = false
        duplicates = matches
        warnedFor = details
    }

    /// Rows the editor needs inside its box.
    var height: Int { form.height + 2 + (duplicates.isEmpty ? 0 : min(3, duplicates.count) + 2) }
}
