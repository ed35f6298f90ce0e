import Foundation
import FrontdeskCore

/// What the Services screen asks the runtime to do. Plain data: the runner performs it against the
/// store and answers with a `ServicesAnswer`.
public enum ServicesEffect: Sendable, Equatable {
    /// Whether the account running the desk may change services and providers.
    case checkAccess
    /// Every service (active or not) with its rule in words and its active treatments.
    case loadServices
    /// Every provider, for the providers field and the Providers view.
    case loadProviders
    /// One stored service as the editor's draft, with the treatments that keep their rules.
    case loadService(id: Int64, purpose: ServiceLoadPurpose)
    /// The example provider's hours, absences and closed days for the live preview: the first of
    /// `providerIDs` (everyone when empty), from `from`.
    case loadPreviewCalendar(providerIDs: [Int64], from: Date)
    /// Saves the editor's draft: a new service (`id` nil) or the service `id`.
    case save(ServiceDraft, id: Int64?)
    /// Activates or deactivates a service (services with bookings are never deleted).
    case setActive(id: Int64, active: Bool)
    /// Saves a provider's changes.
    case editProvider(id: Int64, ProviderChanges)
    /// Adds a new provider with everything the editor gives (name, hours, active, services, an absence).
    case addProvider(ProviderChanges)
    /// The clinic's closed days.
    case loadClosedDays
    /// Closes the clinic on a day (a public holiday).
    case addClosedDay(LocalDay, reason: String)
    /// Opens the clinic again on a day.
    case removeClosedDay(LocalDay)
    /// Moves (or otherwise changes) a booking a provider change left outside the provider's time.
    case session(SessionCommand)
}

/// Why a stored service is loaded.
public enum ServiceLoadPurpose: Sendable, Equatable {
    case edit
    /// The start of a new service.
    case duplicate
}

/// The runner's answers to `ServicesEffect`s.
public enum ServicesAnswer: Sendable, Equatable {
    case access(account: String, decision: ManagerDecision)
    case servicesLoaded(Result<[ServiceRow], AppFailure>)
    case providersLoaded(Result<[ProviderRow], AppFailure>)
    case serviceLoaded(id: Int64, purpose: ServiceLoadPurpose, Result<LoadedService, AppFailure>)
    case previewCalendarLoaded(providerIDs: [Int64], PreviewAvailability?)
    case saved(Result<SavedService, AppFailure>)
    case activeChanged(id: Int64, Result<Bool, AppFailure>)
    case providerEdited(id: Int64, Result<EditedProvider, AppFailure>)
    case providerAdded(Result<EditedProvider, AppFailure>)
    case closedDaysLoaded(Result<[ClinicClosedDay], AppFailure>)
    /// The day closed, and the confirmed bookings already on it (to be moved; nothing was cancelled).
    case closedDayAdded(LocalDay, Result<[Booking], AppFailure>)
    case closedDayRemoved(LocalDay, Result<LocalDay, AppFailure>)
    case sessionChanged(SessionCommand, Result<SessionChangeResult, AppFailure>)
}

/// One row of the Services list.
public struct ServiceRow: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var strategy: Strategy
    public var isMultiSession: Bool
    public var totalSessions: Int
    /// "14 d, then 30 d", "every 2–7 d, ideally 3".
    public var rule: String
    public var priceCents: Int?
    public var activeTreatments: Int
    public var isActive: Bool

    public init(id: Int64, name: String, strategy: Strategy, isMultiSession: Bool, totalSessions: Int, rule: String,
                priceCents: Int?, activeTreatments: Int, isActive: Bool) {
        self.id = id
        self.name = name
        self.strategy = strategy
        self.isMultiSession = isMultiSession
        self.totalSessions = totalSessions
        self.rule = rule
        self.priceCents = priceCents
        self.activeTreatments = activeTreatments
        self.isActive = isActive
    }
}

/// A stored service as the editor opens it.
public struct LoadedService: Sendable, Equatable {
    public var draft: ServiceDraft
    /// Treatments of the service still going: they keep the rules they were booked under.
    public var activeTreatments: Int

    public init(draft: ServiceDraft, activeTreatments: Int) {
        self.draft = draft
        self.activeTreatments = activeTreatments
    }
}

/// What a save wrote.
public struct SavedService: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// "added", "updated" or "unchanged".
    public var kind: String
    public var changedFields: [String]
    public var activeTreatments: Int

    public init(id: Int64, name: String, kind: String, changedFields: [String], activeTreatments: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.changedFields = changedFields
        self.activeTreatments = activeTreatments
    }
}

/// The example provider's calendar for the preview (loaded once, then the core plans as the manager types).
public struct PreviewAvailability: Sendable, Equatable {
    public var providerName: String
    public var schedule: ProviderSchedule

    public init(providerName: String, schedule: ProviderSchedule) {
        self.providerName = providerName
        self.schedule = schedule
    }
}

/// One row of the Providers view.
public struct ProviderRow: Sendable, Equatable {
    public var provider: Provider
    /// The services this provider delivers, by name.
    public var services: [String]

    public init(provider: Provider, services: [String]) {
        self.provider = provider
        self.services = services
    }
}

/// What a provider edit did: the provider now, and the confirmed bookings it leaves outside the
/// provider's time (each to be moved by the desk; nothing was cancelled).
public struct EditedProvider: Sendable, Equatable {
    public var row: ProviderRow
    public var uncoveredBookings: [Booking]

    public init(row: ProviderRow, uncoveredBookings: [Booking]) {
        self.row = row
        self.uncoveredBookings = uncoveredBookings
    }
}

/// A manager's changes to a provider, as typed in the Providers editor; nil leaves a part as it is.
public struct ProviderChanges: Sendable, Equatable {
    public var name: String?
    public var hours: WorkingHours?
    public var isActive: Bool?
    public var services: [String]?
    /// A day or range of days away, with its reason.
    public var addAbsence: (first: LocalDay, last: LocalDay, reason: String)?
    /// The first day of an absence to remove.
    public var removeAbsence: LocalDay?

    public init(name: String? = nil, hours: WorkingHours? = nil, isActive: Bool? = nil, services: [String]? = nil,
                addAbsence: (first: LocalDay, last: LocalDay, reason: String)? = nil, removeAbsence: LocalDay? = nil) {
        self.name = name
        self.hours = hours
        self.isActive = isActive
        self.services = services
        self.addAbsence = addAbsence
        self.removeAbsence = removeAbsence
    }

    public static func == (lhs: ProviderChanges, rhs: ProviderChanges) -> Bool {
        lhs.name == rhs.name && lhs.hours == rhs.hours && lhs.isActive == rhs.isActive && lhs.services == rhs.services
            && lhs.addAbsence?.first == rhs.addAbsence?.first && lhs.addAbsence?.last == rhs.addAbsence?.last
            && lhs.addAbsence?.reason == rhs.addAbsence?.reason && lhs.removeAbsence == rhs.removeAbsence
    }

    public var isEmpty: Bool {
        name == nil && hours == nil && isActive == nil && services == nil && addAbsence == nil && removeAbsence == nil
    }
}
