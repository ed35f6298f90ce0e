import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Performs the booking flow's effects against the store, synchronously, and answers with the
/// event the flow expects. A store refusal becomes `.failed` carrying its user-facing description.
public struct BookEffectRunner: ScreenRunner {
    public let database: AppDatabase

    /// How many customers a search lists; the screen never shows more at once.
    public static let customerLimit = 30

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Runs one effect and returns the flow's answer; store errors come back as `.failed`.
    public func perform(_ effect: BookEffect) -> BookEvent? {
        do {
            return try answer(effect)
        } catch {
            return .failed(effect, message: error.deskRefusal.map { RefusalWording.text($0, keys: .none) } ?? error.description)
        }
    }

    private func answer(_ effect: BookEffect) throws(StoreError) -> BookEvent {
        switch effect {
        case let .searchCustomers(query):
            return .customersFound(query: query, customers: try database.searchCustomers(query, limit: Self.customerLimit))
        case let .addCustomer(name, phone, email):
            return .customerAdded(try database.addCustomer(name: name, phone: phone, email: email))
        case let .searchServices(query):
            return .servicesFound(query: query, services: try database.searchServices(query))
        case let .loadProviders(serviceID):
            let service = try database.service(id: serviceID)
            return .providersLoaded(serviceID: serviceID, providers: try database.providers(for: service))
        case let .loadTreatment(groupID, customerID, serviceID):
            let group = try database.group(id: groupID)
            guard group.customerID == customerID, group.serviceID == serviceID else {
                throw StoreError.refused(.notBookable(.treatmentOfOtherCustomer(treatment: groupID)))
            }
            // Continuing a treatment follows the rules it was booked under, not the service's current ones.
            let service = try database.serviceAsBooked(groupID: groupID)
            return .treatmentLoaded(customer: try database.customer(id: customerID), service: service, group: group,
                                    providers: try database.providers(for: service))
        case let .proposeImmediate(serviceID, providerID, firstStart, pinned):
            return .immediateProposed(try database.proposeImmediate(serviceID: serviceID, providerID: providerID,
                                                                    firstStart: firstStart, pinned: pinned))
        case let .proposeFlexible(serviceID, providerID, pattern, count, from, groupID):
            let found = try database.proposeFlexibleSlots(serviceID: serviceID, providerID: providerID, pattern: pattern,
                                                          count: count, from: from, groupID: groupID)
            return .flexibleProposed(provider: found.provider, starts: found.starts)
        case let .bookImmediate(customerID, serviceID, providerID, firstStart, pinned, expectedStarts):
            return try bookImmediate(customerID: customerID, serviceID: serviceID, providerID: providerID,
                                     firstStart: firstStart, pinned: pinned, expectedStarts: expectedStarts)
        case let .bookSessions(customerID, serviceID, providerID, starts, groupID, confirmedLate):
            return .booked(try database.bookSessions(customerID: customerID, serviceID: serviceID, providerID: providerID,
                                                     starts: starts, groupID: groupID, confirmedLate: confirmedLate))
        case let .proposeRebook(groupID, start, providerID):
            return .rebookProposed(try database.proposeRebookMissed(groupID: groupID, start: start, providerID: providerID))
        case let .rebookMissed(groupID, start, providerID, moveLater, confirmedLate, expectedStarts):
            // The desk saw every time in the preview: the proposal is what it confirmed, unless it changed since.
            do {
                return .booked(try database.rebookMissed(groupID: groupID, start: start, providerID: providerID, moveLater: moveLater,
                                                         acceptProposal: true, confirmedLate: confirmedLate,
                                                         expectedStarts: expectedStarts))
            } catch .refused(.rebookChanged(let now)) {
                return .rebookPlanChanged(now)
            }
        }
    }

    /// Books the plan staff confirmed, and only that plan: the store re-plans inside its transaction
    /// and writes nothing when its plan differs from the preview (another terminal took a slot); the
    /// new plan then goes back to the confirmation.
    private func bookImmediate(customerID: Int64, serviceID: Int64, providerID: Int64?, firstStart: Date,
                               pinned: [Int: Date], expectedStarts: [Date]) throws(StoreError) -> BookEvent {
        do {
            let result = try database.bookImmediate(customerID: customerID, serviceID: serviceID, providerID: providerID,
                                                    firstStart: firstStart, pinned: pinned, acceptShift: true,
                                                    expectedStarts: expectedStarts, confirmedLate: true)
            return .booked(result)
        } catch .refused(.planChanged), .refused(.conflicts) {
            return .planChanged(try database.proposeImmediate(serviceID: serviceID, providerID: providerID,
                                                              firstStart: firstStart, pinned: pinned))
        }
    }
}
