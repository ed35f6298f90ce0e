import Foundation
import FrontdeskCore

/// What the booking flow asks the runtime to do against the store. Plain data: the flow never
/// touches the database, so every step can be tested by feeding events back by hand.
public enum BookEffect: Sendable, Equatable {
    /// Customers whose name or phone matches (an empty query lists the first ones by name).
    case searchCustomers(query: String)
    /// Creates a customer from the inline form.
    case addCustomer(name: String, phone: String?, email: String?)
    /// Services by name or trigger word ("implant", "physio", "learn to drive").
    case searchServices(query: String)
    /// The providers who deliver a service.
    case loadProviders(serviceID: Int64)
    /// Everything needed to continue a treatment: its customer, service, sessions and providers.
    case loadTreatment(groupID: String, customerID: Int64, serviceID: Int64)
    /// Lays out an immediate treatment from its first start; `pinned` are the dates staff typed.
    case proposeImmediate(serviceID: Int64, providerID: Int64?, firstStart: Date, pinned: [Int: Date])
    /// Free slots for a flexible package from a weekly pattern.
    case proposeFlexible(serviceID: Int64, providerID: Int64?, pattern: WeeklyPattern, count: Int, from: Date, groupID: String?)
    /// Books a whole immediate treatment, but only as previewed: when the plan the store makes now
    /// differs from `expectedStarts` (another terminal took a slot), nothing is written and the
    /// new plan comes back instead.
    case bookImmediate(customerID: Int64, serviceID: Int64, providerID: Int64?, firstStart: Date,
                       pinned: [Int: Date], expectedStarts: [Date])
    /// Books sessions at the given starts (sequential, flexible, single, or continuing a treatment);
    /// `confirmedLate`: the confirmation listed a session beyond the maximum gap and staff went ahead.
    case bookSessions(customerID: Int64, serviceID: Int64, providerID: Int64?, starts: [Date], groupID: String?,
                      confirmedLate: Bool = false)
    /// Immediate, continuing: what booking the missed session again at `start` takes — alone, or
    /// with the later sessions moved along to keep their gaps. Nothing is written.
    case proposeRebook(groupID: String, start: Date, providerID: Int64?)
    /// Books the missed session again as previewed, in one transaction; `moveLater` moves the later
    /// sessions along. When the plan made now differs from `expectedStarts` (the missed session
    /// first, then the later ones), nothing is written and the new proposal comes back.
    case rebookMissed(groupID: String, start: Date, providerID: Int64?, moveLater: Bool, confirmedLate: Bool,
                      expectedStarts: [Date])
}

/// What the runtime answers to a `BookEffect`.
public enum BookEvent: Sendable, Equatable {
    case customersFound(query: String, customers: [Customer])
    case customerAdded(Customer)
    case servicesFound(query: String, services: [Service])
    case providersLoaded(serviceID: Int64, providers: [Provider])
    case treatmentLoaded(customer: Customer, service: Service, group: SessionGroup, providers: [Provider])
    case immediateProposed(ImmediateProposal)
    case flexibleProposed(provider: Provider, starts: [Date])
    /// The immediate plan no longer matches the preview; nothing was booked.
    case planChanged(ImmediateProposal)
    /// What booking the missed session again at the chosen time takes.
    case rebookProposed(MissedRebookProposal)
    /// The rebooking plan no longer matches the preview; nothing was booked.
    case rebookPlanChanged(MissedRebookProposal)
    case booked(BookingResult)
    /// The store refused or failed; `message` is what the receptionist reads (StoreError.description).
    case failed(BookEffect, message: String)
}
