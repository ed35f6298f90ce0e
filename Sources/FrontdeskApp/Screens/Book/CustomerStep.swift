import Foundation
import FrontdeskCore
import TerminalUI

/// Step 1: find the customer by name or phone as staff type, or create one inline.
struct CustomerSearch: Sendable, Equatable {
    var field = TextField(placeholder: "name or phone")
    var results: [Customer] = []
    /// Highlighted row; the row after the last result is "New customer".
    var selected = 0
    var chosen: Customer?
    /// The query whose results are shown; answers to older queries are ignored.
    var searched: String?

    var newCustomerRow: Int { results.count }
}

/// The inline form for a customer who is not in the database yet, on the toolkit's form: each
/// problem shows under the field it is about.
struct NewCustomerForm: Sendable, Equatable {
    enum Field: Int, Sendable, CaseIterable { case name, phone, email }

    var form = Form<Field>([
        .text(.name, label: "Name", placeholder: "first and last name"),
        .text(.phone, label: "Phone", placeholder: "e.g. +41 79 123 45 67"),
        .text(.email, label: "Email", placeholder: "e.g. name@example.com"),
    ], labelWidth: 8)
    var isSaving = false

    var isEmpty: Bool { Field.allCases.allSatisfy { form.text($0).isEmpty } }

    /// Starts the form from what was typed in the search: digits go to the phone, words to the name.
    init(from query: String = "") {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.filter(\.isNumber).count
        if digits >= 3 && digits * 2 >= trimmed.count {
            form.setText(trimmed, for: .phone)
        } else {
            form.setText(trimmed, for: .name)
        }
    }

    /// Checks the form as the store would: a name, and a phone or an email to reach the customer.
    /// Problems are shown under their fields; nil while there are any.
    mutating func validated() -> (name: String, phone: String?, email: String?)? {
        form.clearErrors()
        let name = form.text(.name).trimmingCharacters(in: .whitespaces)
        let phone = form.text(.phone).trimmingCharacters(in: .whitespaces)
        let email = form.text(.email).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { form.setError("Type the customer's name.", for: .name) }
        if phone.isEmpty && email.isEmpty {
            form.setError("Give a phone or an email so they get the confirmation.", for: .phone)
        }
        if !email.isEmpty && !email.contains("@") {
            form.setError("“\(email)” is not an email address (it has no @).", for: .email)
        }
        guard !form.hasErrors else { return nil }
        return (name, phone.isEmpty ? nil : phone, email.isEmpty ? nil : email)
    }
}

extension BookFlow {
    mutating func handleCustomer(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            return requestLeave()
        case .up?:
            customers.selected = max(0, customers.selected - 1)
        case .down?:
            customers.selected = min(customers.newCustomerRow, customers.selected + 1)
        case .newCustomer?:
            return openNewCustomer()
        case .accept?:
            if customers.selected < customers.results.count {
                return chooseCustomer(customers.results[customers.selected])
            }
            return openNewCustomer()
        default:
            guard customers.field.handle(key) else { return [] }
            // Searching again forgets an earlier pick, so Enter always means the highlighted row.
            customers.chosen = nil
            customers.searched = customers.field.value
            return [.searchCustomers(query: customers.field.value)]
        }
        return []
    }

    mutating func openNewCustomer() -> [BookEffect] {
        if newCustomer.isEmpty { newCustomer = NewCustomerForm(from: customers.field.value) }
        status = nil
        step = .newCustomer
        return []
    }

    mutating func handleNewCustomer(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            step = .customer
        case .accept?:
            guard !newCustomer.isSaving, let values = newCustomer.validated() else { return [] }
            newCustomer.isSaving = true
            return [.addCustomer(name: values.name, phone: values.phone, email: values.email)]
        default:
            _ = newCustomer.form.handle(key)
        }
        return []
    }

    mutating func receiveCustomers(query: String, found: [Customer]) {
        guard query == customers.searched else { return }
        customers.results = found
        // Enter takes the first hit; with none, it opens the new-customer form.
        customers.selected = found.isEmpty ? customers.newCustomerRow : 0
    }

    /// The customer is known: on to the service, searching with whatever was typed there.
    mutating func chooseCustomer(_ customer: Customer) -> [BookEffect] {
        customers.chosen = customer
        newCustomer.isSaving = false
        if step == .newCustomer {
            newCustomer = NewCustomerForm()
            status = .info("Added \(customer.name) as a new customer.")
        } else {
            status = nil
        }
        step = .service
        services.searched = services.field.value
        return [.searchServices(query: services.field.value)]
    }
}
