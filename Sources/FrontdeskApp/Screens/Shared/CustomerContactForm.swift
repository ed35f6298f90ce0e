import Foundation
import FrontdeskCore
import TerminalUI

/// A customer's contact details as one form: name, phone, e-mail, notes and the SMS and e-mail
/// consents that decide whether follow-ups are sent. The one definition behind the Customers
/// screen's editor and new-customer form and the Book flow's new-customer step, so a customer
/// added at the desk while booking is asked the same questions (consent included) as anywhere else.
///
/// It is checked as the store checks it before anything is sent, and holds the duplicate warning
/// when the store found a customer with the same name or phone.
public struct CustomerContactForm: Sendable, Equatable {
    public enum Field: Hashable, Sendable { case name, phone, email, notes, smsConsent, emailConsent }

    public var form: Form<Field>
    /// Customers with the same name or phone, shown with the offer to use them; saving the same
    /// details again saves anyway.
    public var duplicates: [Customer] = []
    /// The details the duplicates were found for: saving those again is a decision, not an accident.
    var warnedFor: CustomerDetails?

    /// The form for `customer`, or empty for a new one. Consent starts at "no" for a new customer:
    /// it is the customer's to give, and staff record it when given.
    public init(customer: Customer?) {
        form = Form([
            .text(.name, label: "Name", value: customer?.name ?? "", placeholder: "first and last name"),
            .text(.phone, label: "Phone", value: customer?.phone ?? "", placeholder: "+41 79 123 45 67"),
            .text(.email, label: "E-mail", value: customer?.email ?? "", placeholder: "name@example.ch"),
            .text(.notes, label: "Notes", value: customer?.notes ?? ""),
            .choice(.smsConsent, label: "SMS consent", options: ["no", "yes"], selected: customer?.smsConsent == true ? 1 : 0),
            .choice(.emailConsent, label: "E-mail consent", options: ["no", "yes"], selected: customer?.emailConsent == true ? 1 : 0),
        ], labelWidth: 15)
    }

    /// A new customer started from what was typed in a search: digits go to the phone, words to the name.
    public init(typed query: String) {
        self.init(customer: nil)
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.filter(\.isNumber).count
        if digits >= 3 && digits * 2 >= trimmed.count {
            form.setText(trimmed, for: .phone)
        } else {
            form.setText(trimmed, for: .name)
        }
    }

    /// Nothing typed and no consent given.
    public var isEmpty: Bool {
        [Field.name, .phone, .email, .notes].allSatisfy { form.text($0).isEmpty }
            && form.selectedIndex(.smsConsent) == 0 && form.selectedIndex(.emailConsent) == 0
    }

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

    /// Marks every field that the store would refuse; true when none is. `requireContact`: a phone
    /// or an e-mail is needed too (a booking's confirmation has to reach the customer).
    public mutating func validate(requireContact: Bool = false) -> Bool {
        form.clearErrors()
        let details = details
        if details.name.isEmpty { form.setError("Type the customer's name.", for: .name) }
        if let phone = details.phone {
            do { try PhoneNumber.validate(phone) } catch { form.setError("Phone \(error.description)", for: .phone) }
        }
        if let email = details.email {
            do { try EmailAddress.validate(email) } catch { form.setError("E-mail \(error.description)", for: .email) }
        }
        if requireContact, details.phone == nil, details.email == nil {
            form.setError("Give a phone or an e-mail so they get the confirmation.", for: .phone)
        }
        if details.smsConsent, details.phone == nil { form.setError("SMS consent needs a phone number.", for: .smsConsent) }
        if details.emailConsent, details.email == nil {
            form.setError("E-mail consent needs an e-mail address.", for: .emailConsent)
        }
        return !form.hasErrors
    }

    /// What Enter saves, or nil when a field is wrong (the field says why). The same details
    /// saved again after a duplicate warning are saved anyway (`allowDuplicate`).
    mutating func submission(requireContact: Bool = false) -> (details: CustomerDetails, allowDuplicate: Bool)? {
        guard validate(requireContact: requireContact) else { return nil }
        let details = details
        let confirmed = details == warnedFor
        if !confirmed {
            duplicates = []
            warnedFor = nil
        }
        return (details, confirmed)
    }

    /// The store found customers with the same name or phone: show them, and let Enter save anyway.
    mutating func warn(_ matches: [Customer]) {
        duplicates = matches
        warnedFor = details
    }

    /// Rows the form and its duplicate warning need (the warning: a blank, a heading, up to three matches).
    var height: Int { form.height + (duplicates.isEmpty ? 0 : min(3, duplicates.count) + 2) }

    /// Draws the form, and under it the customers already on file when there are any.
    /// `useMatchKey` names the key that takes the first match instead ("Ctrl-O").
    func render(into buffer: inout Buffer, area: Rect, theme: Theme, saveAnyway: String, useMatch: String) {
        let formHeight = min(area.height, form.height)
        form.render(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: formHeight), theme: theme)
        guard !duplicates.isEmpty, area.height > formHeight + 1 else { return }
        var y = area.y + formHeight + 1
        buffer.write("Already on file (\(saveAnyway), \(useMatch)):", at: area.x, y: y, style: theme[.warning],
                     maxWidth: area.width, ellipsis: "…")
        for match in duplicates.prefix(3) where y + 1 < area.maxY {
            y += 1
            let text = "#\(match.id) \(match.name)" + (match.phone.map { " · \($0)" } ?? "") + (match.email.map { " · \($0)" } ?? "")
            buffer.write(text, at: area.x + 2, y: y, style: theme[.normal], maxWidth: area.width - 2, ellipsis: "…")
        }
    }
}
