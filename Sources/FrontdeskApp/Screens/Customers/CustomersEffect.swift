import Foundation
import FrontdeskCore

/// What the Customers screen asks the runtime to do; the runtime answers with a `CustomersAnswer`.
public enum CustomersEffect: Sendable, Equatable {
    /// The list for what is typed in the search line (name, phone in any format, e-mail);
    /// `after`: the next page, after this customer (keyset paging).
    case search(query: String, limit: Int, after: Int64? = nil)
    /// One customer's card: contact, treatments with their sessions, upcoming and past appointments.
    case loadCard(customerID: Int64)
    /// Adds (no id) or edits a customer. Unless `allowDuplicate`, customers with the same name or
    /// phone are looked up first and answered as `duplicates` instead of saving.
    case save(customerID: Int64?, details: CustomerDetails, allowDuplicate: Bool)
    /// A session dialog's command (complete, move, cancel, no-show, notes, book next, undo).
    case run(SessionCommand)
}

/// The runtime's answers to `CustomersEffect`s.
public enum CustomersAnswer: Sendable, Equatable {
    case found(query: String, after: Int64? = nil, Result<[CustomerListRow], AppFailure>)
    case cardLoaded(customerID: Int64, Result<CustomerCard, AppFailure>)
    case saved(Result<Customer, AppFailure>)
    /// Nothing was saved: these customers have the same name or phone.
    case duplicates([Customer])
    case sessionChanged(SessionCommand, Result<SessionChangeResult, AppFailure>)
}
