import Foundation
import FrontdeskCore
import TerminalUI

/// Step 2: the service, found by name or trigger word, explained as the chat bot's first answer was.
struct ServiceSearch: Sendable, Equatable {
    var field = TextField(placeholder: "service name or what the customer said, e.g. implant")
    var results: [Service] = []
    var selected = 0
    var chosen: Service?
    var searched: String?

    var highlighted: Service? { results.indices.contains(selected) ? results[selected] : nil }
}

/// Step 3: who delivers it. Row 0 is "Any available", the default.
struct ProviderChoice: Sendable, Equatable {
    var providers: [Provider] = []
    var selected = 0
    /// Nil means any available provider.
    var chosen: Provider?
    var loadedFor: Int64?

    var rowCount: Int { providers.count + 1 }
}

extension BookFlow {
    mutating func handleService(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            if isContinuing || startsWithCustomer { return requestLeave() }
            step = .customer
        case .up?:
            services.selected = max(0, services.selected - 1)
        case .down?:
            services.selected = min(max(0, services.results.count - 1), services.selected + 1)
        case .accept?:
            guard let service = services.highlighted else {
                status = .error("No service matches “\(services.field.value)”. Try another word, e.g. implant, physio or driving.")
                return []
            }
            return chooseService(service)
        default:
            guard services.field.handle(key) else { return [] }
            services.searched = services.field.value
            return [.searchServices(query: services.field.value)]
        }
        return []
    }

    mutating func receiveServices(query: String, found: [Service]) {
        guard query == services.searched else { return }
        services.results = found
        services.selected = 0
    }

    /// A new service resets what depended on the old one (provider, dates), keeping the rest.
    mutating func chooseService(_ service: Service) -> [BookEffect] {
        if services.chosen?.id != service.id {
            providers = ProviderChoice()
            resetSchedule()
            // A package chosen to book into belongs to the other service.
            if !isContinuing { group = nil }
        }
        services.chosen = service
        status = nil
        step = .provider
        var effects = checkForActivePackage(service).map { [$0] } ?? []
        if providers.loadedFor != service.id { effects.append(.loadProviders(serviceID: service.id)) }
        return effects
    }

    mutating func handleProvider(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            if isContinuing { return requestLeave() }
            step = .service
        case .up?:
            providers.selected = max(0, providers.selected - 1)
        case .down?:
            providers.selected = min(providers.rowCount - 1, providers.selected + 1)
        case .accept?:
            guard services.chosen != nil else { return [] }
            guard !isCheckingPackage else {
                status = .info("Checking the customer's packages…")
                return []
            }
            let provider = providers.selected == 0 ? nil : providers.providers[providers.selected - 1]
            if provider?.id != providers.chosen?.id {
                // Another provider makes an earlier preview meaningless.
                immediate.proposal = nil
                flexible.proposal = nil
            }
            providers.chosen = provider
            status = nil
            return enterSchedule()
        default:
            break
        }
        return []
    }

    mutating func receiveProviders(serviceID: Int64, found: [Provider]) {
        guard services.chosen?.id == serviceID else { return }
        providers.providers = found
        providers.loadedFor = serviceID
        providers.selected = min(providers.selected, providers.rowCount - 1)
        if found.isEmpty {
            status = .warning("No provider delivers this service yet; a manager adds one on the Services screen.")
        }
    }

    /// Continuing a treatment: customer and service come from the group; the numbering continues.
    mutating func receiveTreatment(_ customer: Customer, _ service: Service, _ group: SessionGroup, _ found: [Provider]) {
        customers.chosen = customer
        services.chosen = service
        services.field.setValue(service.name)
        providers.providers = found
        providers.loadedFor = service.id
        self.group = group
        status = packageCheck?.intoExisting == true
            ? .info("Booking into \(customer.name)'s package: the \(service.definition.sessionNoun.lowercased())s go on from its numbering.")
            : nil
        if group.cancelled || group.ended != nil {
            status = .error("This treatment is \(group.cancelled ? "cancelled" : "ended") and takes no new bookings. Press Esc to leave.")
            return
        }
        if upcomingNumbers.isEmpty {
            status = .error("Every \(service.definition.sessionNoun.lowercased()) of this treatment is booked already. Press Esc to leave.")
            return
        }
        _ = enterSchedule()
    }

    /// Session numbers still free to book: all of a new treatment, or those no live session holds.
    var upcomingNumbers: [Int] {
        guard let service = services.chosen else { return [] }
        guard service.isMultiSession else { return [1] }
        let held = Set((group?.sessions ?? []).filter { $0.status.holdsNumber }.map(\.sessionNumber))
        return (1...max(1, service.totalSessions)).filter { !held.contains($0) }
    }

    /// Goes to the strategy's first dates step.
    mutating func enterSchedule() -> [BookEffect] {
        guard let service = services.chosen else { return [] }
        let numbers = upcomingNumbers
        guard service.isMultiSession else {
            prepareDates(numbers: [1])
            return []
        }
        switch service.strategy {
        case .immediate where group == nil:
            step = .immediateStart
        case .immediate:
            // Re-booking the numbers that cancellations freed, one date each.
            prepareDates(numbers: numbers)
        case .sequential:
            prepareDates(numbers: Array(numbers.prefix(1)))
            suggestNextSequentialDate()
        case .flexible:
            step = .flexibleCount
        }
        return []
    }

    /// Forgets dates planned for another service or provider.
    mutating func resetSchedule() {
        immediate = ImmediatePlan(parser: parser)
        dates = SessionDates()
        flexible = FlexiblePackage()
    }
}
