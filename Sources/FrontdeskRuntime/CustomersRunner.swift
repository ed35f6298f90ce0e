import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Performs the Customers screen's effects against the store.
public struct CustomersRunner: ScreenRunner {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func perform(_ effect: CustomersEffect) -> CustomersAnswer? {
        switch effect {
        case let .search(query, limit, after):
            return .found(query: query, after: after, StoreAttempt.run { () throws(StoreError) in
                try database.customerList(search: query, limit: limit, after: after)
            })
        case .loadCard(let id):
            return .cardLoaded(customerID: id, StoreAttempt.run { () throws(StoreError) in try database.customerCard(id: id) })
        case let .save(id, details, allowDuplicate):
            if !allowDuplicate {
                // Looked up first so the screen can show the matches and offer them, rather than a refusal.
                let matches = (try? database.duplicateCandidates(name: details.name, phone: details.phone, except: id)) ?? []
                if !matches.isEmpty { return .duplicates(matches) }
            }
            return .saved(StoreAttempt.run { () throws(StoreError) in
                if let id { return try database.updateCustomer(id: id, to: details, allowDuplicate: allowDuplicate) }
                return try database.addCustomer(name: details.name, phone: details.phone, email: details.email, notes: details.notes,
                                                smsConsent: details.smsConsent, emailConsent: details.emailConsent,
                                                allowDuplicate: allowDuplicate)
            })
        case .run(let command):
            return .sessionChanged(command, SessionCommandRunner(database: database).run(command))
        }
    }
}
