import Foundation
import FrontdeskCore
import TerminalUI

// The contract between the application shell and the guided booking flow: the shell creates a
// `BookFlow`, runs the effects it returns, feeds the answers back, draws it, and reads `outcome`.

/// How the booking flow starts: a new treatment, or continuing one from the Bookings screen.
public enum BookFlowStart: Sendable, Equatable {
    case new
    case continuing(groupID: String, customerID: Int64, serviceID: Int64)
    /// A new treatment for a customer already chosen (the customer card's Book): starts at the service.
    case forCustomer(Customer)
}

/// How the flow ended, which the shell reads after every key and event.
public enum BookFlowOutcome: Sendable, Equatable {
    /// Booked: the shell opens the Bookings screen on this treatment (nil group: a single booking).
    case booked(groupID: String?, bookingIDs: [Int64], message: String)
    /// Staff left the flow (after confirming when input would be lost).
    case abandoned
}

/// The guided multi-session booking flow (SPEC §5.2): the chat bot's conversation as a few
/// keystrokes — customer, service, provider, the strategy's dates, confirmation.
///
/// A pure state machine: keys and store answers go in, effects for the runtime come out.
public struct BookFlow: Sendable, Equatable {
    /// Set once the flow is finished; the shell closes it then.
    public internal(set) var outcome: BookFlowOutcome?

    let origin: BookFlowStart
    let calendar: ClinicCalendar
    /// The clock, kept current by the shell on every call.
    public internal(set) var now: Date
    var step: BookStep
    var customers = CustomerSearch()
    var newCustomer = NewCustomerForm()
    var services = ServiceSearch()
    var providers = ProviderChoice()
    var immediate: ImmediatePlan
    var dates: SessionDates
    var flexible: FlexiblePackage
    /// Continuing a treatment: the group as loaded (its sessions decide the numbering).
    var group: SessionGroup?
    /// The step Esc returns to from the confirmation.
    var confirmReturn: BookStep = .sessionDates
    /// A booking request is with the store; a second Enter must not book twice.
    var isBooking = false
    /// Booking a missed session of an immediate treatment again: what it takes at the date typed.
    var rebook = MissedRebook()
    /// The confirmation re-planned because the store's plan differed from the preview.
    var planChangedNotice: String?
    /// "Leave the booking?" while it is open.
    var leaving: Dialog?
    var status: FlowStatus?

    /// A flow starting at the customer (`.new`) or, continuing a treatment, at its dates.
    public init(start: BookFlowStart, calendar: ClinicCalendar, now: Date) {
        origin = start
        self.calendar = calendar
        self.now = now
        let parser = DateInputParser(calendar: calendar, now: now)
        immediate = ImmediatePlan(parser: parser)
        dates = SessionDates()
        flexible = FlexiblePackage()
        switch start {
        case .new: step = .customer
        case .continuing: step = .provider
        case .forCustomer(let customer):
            step = .service
            customers.chosen = customer
        }
    }

    var parser: DateInputParser { DateInputParser(calendar: calendar, now: now) }

    var isContinuing: Bool {
        if case .continuing = origin { return true }
        return false
    }

    /// Started from a customer card: Esc at the service leaves rather than going back to the customer.
    var startsWithCustomer: Bool {
        if case .forCustomer = origin { return true }
        return false
    }

    /// The effects to run when the flow opens: the first customer list, or the treatment to continue.
    public mutating func start() -> [BookEffect] {
        switch origin {
        case .new:
            customers.searched = ""
            return [.searchCustomers(query: "")]
        case let .continuing(groupID, customerID, serviceID):
            status = .info("Loading the treatment…")
            return [.loadTreatment(groupID: groupID, customerID: customerID, serviceID: serviceID)]
        case .forCustomer:
            services.searched = ""
            return [.searchServices(query: "")]
        }
    }

    /// Handles one key press of the receptionist.
    public mutating func handle(_ key: Key) -> [BookEffect] {
        guard outcome == nil else { return [] }
        if leaving != nil { return handleLeaving(key) }
        if key == .resize { return [] }
        switch step {
        case .customer: return handleCustomer(key)
        case .newCustomer: return handleNewCustomer(key)
        case .service: return handleService(key)
        case .provider: return handleProvider(key)
        case .immediateStart: return handleImmediateStart(key)
        case .immediatePreview: return handleImmediatePreview(key)
        case .flexibleCount: return handleFlexibleCount(key)
        case .flexibleMode: return handleFlexibleMode(key)
        case .flexiblePattern: return handleFlexiblePattern(key)
        case .flexibleProposal: return handleFlexibleProposal(key)
        case .sessionDates: return handleSessionDates(key)
        case .rebookPreview: return handleRebookPreview(key)
        case .confirm: return handleConfirm(key)
        }
    }

    /// Takes the store's answer to an effect.
    public mutating func receive(_ event: BookEvent) -> [BookEffect] {
        guard outcome == nil else { return [] }
        switch event {
        case let .customersFound(query, found): receiveCustomers(query: query, found: found)
        case let .customerAdded(customer): return chooseCustomer(customer)
        case let .servicesFound(query, found): receiveServices(query: query, found: found)
        case let .providersLoaded(serviceID, found): receiveProviders(serviceID: serviceID, found: found)
        case let .treatmentLoaded(customer, service, group, found): receiveTreatment(customer, service, group, found)
        case let .immediateProposed(proposal): receiveImmediateProposal(proposal)
        case let .flexibleProposed(provider, starts): receiveFlexibleProposal(provider: provider, starts: starts)
        case let .planChanged(proposal): receivePlanChanged(proposal)
        case let .rebookProposed(proposal): receiveRebookProposal(proposal)
        case let .rebookPlanChanged(proposal): receiveRebookPlanChanged(proposal)
        case let .booked(result): receiveBooked(result)
        case let .failed(effect, message): return receiveFailure(effect, message: message)
        }
        return []
    }

    /// True when leaving now would lose something typed or chosen; the shell may ask first too.
    public var hasUnsavedInput: Bool {
        guard outcome == nil else { return false }
        if isContinuing {
            return !dates.fields.allSatisfy(\.isEmpty) || !immediate.start.isEmpty || !flexible.count.value.isEmpty
                || !flexible.pattern.value.isEmpty
        }
        return customers.chosen != nil || !customers.field.value.isEmpty || !newCustomer.isEmpty
    }

    // MARK: - Leaving

    /// Esc on the first step: leave at once when nothing would be lost, else ask.
    mutating func requestLeave() -> [BookEffect] {
        if hasUnsavedInput {
            leaving = Dialog(title: "Leave the booking?",
                             message: ["What you typed is not booked and will be lost.", "Leave anyway?"],
                             buttons: ["Stay", "Leave"], focusedButton: 0)
        } else {
            outcome = .abandoned
        }
        return []
    }

    private mutating func handleLeaving(_ key: Key) -> [BookEffect] {
        guard var dialog = leaving else { return [] }
        switch BookKeymap.leaving.action(for: key) {
        case .yes?:
            leaving = nil
            outcome = .abandoned
        case .no?:
            leaving = nil
        case .accept?:
            leaving = nil
            if dialog.focusedTitle == "Leave" { outcome = .abandoned }
        case .switchButton?:
            _ = dialog.handle(key)
            leaving = dialog
        default:
            break
        }
        return []
    }
}
