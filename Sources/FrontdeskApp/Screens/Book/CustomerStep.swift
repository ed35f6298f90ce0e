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

/// The inline form for a customer who is not in the database yet.
struct NewCustomerForm: Sendable, Equatable {
    enum Field: Int, Sendable, CaseIterable { case name, phone, email }

    var name = TextField(placeholder: "first and last name")
    var phone = TextField(placeholder: "e.g. +41 79 123 45 67", isFocused: false)
    var email = TextField(placeholder: "e.g. name@example.com", isFocused: false)
    var focus: Field = .name
    var error: String?
    var isSaving = false

    var isEmpty: Bool { name.value.isEmpty && phone.value.isEmpty && email.value.isEmpty }

    /// Starts the form from what was typed in the search: digits go to the phone, words to the name.
    init(from query: String = "") {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.filter(\.isNumber).count
        if digits >= 3 && digits * 2 >= trimmed.count {
            phone.setValue(trimmed)
        } else {
            name.setValue(trimmed)
        }
    }

    mutating func move(to field: Field) {
        focus = field
        name.isFocused = field == .name
        phone.isFocused = field == .phone
        email.isFocused = field == .email
    }

    mutating func edit(_ key: Key) -> Bool {
        switch focus {
        case .name: return name.handle(key)
        case .phone: return phone.handle(key)
        case .email: return email.handle(key)
        }
    }

    /// Checks the form as the store would: a name, and a phone or an email to reach the customer.
    func validated() -> Result<(name: String, phone: String?, email: String?), InputRefusal> {
        let name = name.value.trimmingCharacters(in: .whitespaces)
        let phone = phone.value.trimmingCharacters(in: .whitespaces)
        let email = email.value.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return .failure(InputRefusal("Type the customer's name.")) }
        if phone.isEmpty && email.isEmpty {
            return .failure(InputRefusal("Give a phone number or an email so the customer gets the confirmation."))
        }
        if !email.isEmpty && !email.contains("@") {
            return .failure(InputRefusal("“\(email)” is not an email address (it has no @)."))
        }
        return .success((name, phone.isEmpty ? nil : phone, email.isEmpty ? nil : email))
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
        newCustomer.error = nil
        status = nil
        step = .newCustomer
        return []
    }

    mutating func handleNewCustomer(_ key: Key) -> [BookEffect] {
        let fields = NewCustomerForm.Field.allCases
        switch action(for: key) {
        case .back?:
            step = .customer
        case .nextField?:
            newCustomer.move(to: fields[(newCustomer.focus.rawValue + 1) % fields.count])
        case .previousField?:
            newCustomer.move(to: fields[(newCustomer.focus.rawValue + fields.count - 1) % fields.count])
        case .accept?:
            guard !newCustomer.isSaving else { return [] }
            switch newCustomer.validated() {
            case .failure(let refusal):
                newCustomer.error = refusal.message
            case .success(let values):
                newCustomer.error = nil
                newCustomer.isSaving = true
                return [.addCustomer(name: values.name, phone: values.phone, email: values.email)]
            }
        default:
            if newCustomer.edit(key) { newCustomer.error = nil }
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
