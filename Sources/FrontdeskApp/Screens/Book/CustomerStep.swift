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

/// The inline form for a customer who is not in the database yet: the shared contact form (consent
/// included, so a customer booked at the desk can get reminders), which here also needs a phone
/// or an e-mail for the confirmation.
struct NewCustomerForm: Sendable, Equatable {
    var contact: CustomerContactForm
    var isSaving = false

    /// Starts the form from what was typed in the search: digits go to the phone, words to the name.
    init(from query: String = "") {
        contact = CustomerContactForm(typed: query)
    }

    var isEmpty: Bool { contact.isEmpty }

    /// What Enter adds, or nil while a field is wrong (each problem shows under its field).
    mutating func submission() -> (details: CustomerDetails, allowDuplicate: Bool)? {
        contact.submission(requireContact: true)
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
            guard !newCustomer.isSaving, let submission = newCustomer.submission() else { return [] }
            newCustomer.isSaving = true
            return [.addCustomer(submission.details, allowDuplicate: submission.allowDuplicate)]
        case .useMatch?:
            guard let match = newCustomer.contact.duplicates.first else { return [] }
            // The customer on file is the one to book for: the form is not needed any more.
            newCustomer = NewCustomerForm()
            step = .customer
            return chooseCustomer(match)
        default:
            _ = newCustomer.contact.form.handle(key)
        }
        return []
    }

    /// The store found customers with the same name or phone: show them; Enter adds anyway.
    mutating func receiveDuplicates(_ matches: [Customer]) {
        newCustomer.isSaving = false
        newCustomer.contact.warn(matches)
        let use = BookKeymap.name(.useMatch, in: .newCustomer)
        status = .warning("Already on file: \(matches.map(\.name).joined(separator: ", ")). Enter adds a new customer anyway; "
            + "\(use) books for \(matches[0].name) instead.")
    }

    mutating func receiveCustomers(query: String, found: [Customer]) {
        guard query == customers.searched else { return }
        customers.results = found
        // Enter takes the first hit; with none, it opens the new-customer form.
        customers.selected = found.isEmpty ? customers.newCustomerRow : 0
    }

    /// The customer is known: on to the service, searching with whatever was typed there.
    mutating func chooseCustomer(_ customer: Customer) -> [BookEffect] {
        if customers.chosen?.id != customer.id, !isContinuing {
            // Another customer's package is not this one's.
            group = nil
            packageCheck = nil
        }
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
