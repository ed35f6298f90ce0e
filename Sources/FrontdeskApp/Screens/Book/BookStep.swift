/// Where the receptionist is in the guided flow. The five stages of SPEC §5.2 (customer, service,
/// provider, the strategy's dates, confirmation) each have one or more steps.
enum BookStep: Sendable, Equatable {
    /// Incremental search by name or phone.
    case customer
    /// The inline form for a new customer.
    case newCustomer
    /// Search by name and trigger words, with the highlighted service explained.
    case service
    /// Who delivers it; "Any available" first.
    case provider
    /// Immediate: the first session's date and time.
    case immediateStart
    /// Immediate: every session laid out, with availability marks; staff can edit any date.
    case immediatePreview
    /// Flexible: how many sessions to book now.
    case flexibleCount
    /// Flexible: a date per session, or a weekly pattern.
    case flexibleMode
    /// Flexible: the weekly pattern ("Mon Wed 18:00, Sat 10:00").
    case flexiblePattern
    /// Flexible: the free slots the engine proposed from the pattern.
    case flexibleProposal
    /// One date per session: sequential, flexible by date, single sessions, re-booking freed numbers.
    case sessionDates
    /// Immediate, continuing: the missed session's new date breaks the gap to later sessions; the
    /// preview shows them moved along, to book that way or choose another date.
    case rebookPreview
    /// Every session, the price, and Enter books it.
    case confirm

    /// The stage shown in the breadcrumb.
    var stage: BookStage {
        switch self {
        case .customer, .newCustomer: return .customer
        case .service: return .service
        case .provider: return .provider
        case .immediateStart, .immediatePreview, .flexibleCount, .flexibleMode, .flexiblePattern,
             .flexibleProposal, .sessionDates, .rebookPreview:
            return .dates
        case .confirm: return .confirm
        }
    }
}

/// The breadcrumb's stages.
enum BookStage: Int, Sendable, CaseIterable {
    case customer, service, provider, dates, confirm

    var title: String {
        switch self {
        case .customer: return "Customer"
        case .service: return "Service"
        case .provider: return "Provider"
        case .dates: return "Dates"
        case .confirm: return "Confirm"
        }
    }
}

/// A message on the flow's own status line.
struct FlowStatus: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case info, warning, error }
    var message: String
    var kind: Kind

    static func info(_ message: String) -> FlowStatus { FlowStatus(message: message, kind: .info) }
    static func warning(_ message: String) -> FlowStatus { FlowStatus(message: message, kind: .warning) }
    static func error(_ message: String) -> FlowStatus { FlowStatus(message: message, kind: .error) }
}

/// Why typed input cannot be accepted yet (a date, the new-customer form), in the receptionist's words.
struct InputRefusal: Error, Sendable, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
