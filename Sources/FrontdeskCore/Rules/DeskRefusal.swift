import Foundation

/// Everything the rules refuse, typed: the sessions, dates, states and numbers that failed, and
/// never a finished sentence. The store throws it (`StoreError.refused`); the command line and the
/// screens each word it for their reader (`RefusalFacts` holds the facts both say alike).
public enum DeskRefusal: Sendable, Equatable {
    /// The placement rule refuses the session(s) where they were asked for.
    case placement(PlacementRefusal)
    /// Only the maximum gap is exceeded: confirming books it.
    case lateConfirmation(PlacementRefusal)
    /// Moving the later sessions by the same amount does not fit; this plan does, once confirmed.
    case shiftProposal(provider: String, ShiftPlan, calendar: ClinicCalendar)
    /// The change is within the 48-hour notice period of the session starting at `start`: ask,
    /// then retry confirmed.
    case shortNotice(SessionChange, start: Date, calendar: ClinicCalendar)
    /// Another booking holds the provider's time; nil when only the database's last check saw it
    /// (another terminal booked it a moment ago).
    case slotTaken(TakenSlot?)
    /// An immediate plan does not fit as requested: these sessions found no free slot.
    case conflicts(ImmediateProposal, calendar: ClinicCalendar)
    /// An immediate plan fits only with some sessions shifted; booking it needs that confirmed.
    case shiftNotConfirmed(ImmediateProposal, calendar: ClinicCalendar)
    /// The plan made inside the transaction differs from the one staff confirmed (another
    /// terminal booked a slot meanwhile); this is the plan as it is now.
    case planChanged(ImmediateProposal, calendar: ClinicCalendar)
    /// The booking cannot be made at all, whatever the date.
    case notBookable(NotBookable)
    /// Sequential treatments book the next session only after the previous one (number `session`,
    /// booking `bookingID`) is completed.
    case previousNotCompleted(treatment: String, session: Int, bookingID: Int64?)
    /// More sessions asked for than the package has left.
    case packageFull(remaining: Int, requested: Int)
    /// The package (treatment `treatment`) expired at `on` and takes no new bookings until a manager extends it.
    case packageExpired(treatment: String, on: Date, calendar: ClinicCalendar)
    /// The treatment is closed (completed, cancelled, ended, expired) and takes no new bookings.
    case treatmentClosed(GroupState)
    /// The booking's status does not allow the change (a cancelled session cannot be completed).
    case wrongStatus(bookingID: Int64, status: BookingStatus, change: SessionChange)
    /// The date asked for has passed.
    case inThePast(Date, calendar: ClinicCalendar)
    /// Customers with the same name or phone exist already.
    case duplicateCustomer([CustomerMatch])
    /// The customer already has an active package of this flexible service.
    case secondPackage(service: String, treatment: String, remaining: Int, total: Int)
    /// Completing a session that starts more than an hour after `now`, without saying it took place early.
    case completedTooEarly(RefusedSession, now: Date, calendar: ClinicCalendar)
    /// Undoing an outcome whose session number or time another booking holds now.
    case reopenBlocked(RefusedSession, by: ReopenHolder, calendar: ClinicCalendar)
    /// Undoing an outcome of a session whose treatment was cancelled.
    case treatmentCancelled(RefusedSession)
    /// Booking a missed session again breaks the gap to later sessions; moving them along
    /// (these moves, in the treatment's `noun`) would keep the gaps.
    case laterSessionsInTheWay(PlacementRefusal, noun: String, moves: [ShiftedSession])
    /// Booking a missed session again as previewed: the plan made inside the transaction differs
    /// from the preview (another terminal took a time meanwhile); this is the proposal as it is now.
    case rebookChanged(MissedRebookProposal)
    /// A no-show for a session that has not started yet.
    case noShowBeforeStart(RefusedSession, calendar: ClinicCalendar)
    /// Ending a treatment that is closed already.
    case nothingToEnd(GroupState)
    /// Extending a treatment that is closed.
    case nothingToExtend(GroupState)
    /// Opening the clinic on a day it was not closed.
    case clinicNotClosed(LocalDay)
}

/// What staff asked to do to one session, for refusals that name the change.
public enum SessionChange: String, Sendable, Equatable, CaseIterable {
    case complete, cancel, noShow, reschedule, reopen

    /// "cancel": the verb, for "confirm that you want to cancel it".
    public var verb: String {
        switch self {
        case .complete: return "complete"
        case .cancel: return "cancel"
        case .noShow: return "mark as a no-show"
        case .reschedule: return "move"
        case .reopen: return "reopen"
        }
    }

    /// "cancelled": the participle, for "so it cannot be cancelled".
    public var participle: String {
        switch self {
        case .complete: return "completed"
        case .cancel: return "cancelled"
        case .noShow: return "marked as a no-show"
        case .reschedule: return "rescheduled"
        case .reopen: return "reopened"
        }
    }
}

/// A session a refusal is about: which booking, its place in its treatment, and when it starts.
public struct RefusedSession: Sendable, Equatable {
    public var bookingID: Int64
    /// The service's word for a session ("Lesson"); nil for a single appointment.
    public var noun: String?
    public var number: Int
    public var total: Int
    public var start: Date

    public init(bookingID: Int64, noun: String?, number: Int, total: Int, start: Date) {
        self.bookingID = bookingID
        self.noun = noun
        self.number = number
        self.total = total
        self.start = start
    }

    /// "Lesson 2 of 10", or "The appointment".
    public var name: String {
        guard let noun else { return "The appointment" }
        return "\(noun) \(number) of \(total)"
    }
}

/// The booking that holds a provider's time.
public struct TakenSlot: Sendable, Equatable {
    public var provider: String
    public var start: Date
    public var end: Date
    public var calendar: ClinicCalendar

    public init(provider: String, start: Date, end: Date, calendar: ClinicCalendar) {
        self.provider = provider
        self.start = start
        self.end = end
        self.calendar = calendar
    }
}

/// Who stands in the way of reopening a session.
public enum ReopenHolder: Sendable, Equatable {
    /// The session's number was booked again, as booking `bookingID` at `start`.
    case numberBookedAgain(bookingID: Int64, start: Date)
    /// Another booking of the same provider overlaps the session's time.
    case timeTaken(bookingID: Int64, provider: String, customer: String, start: Date, end: Date)

    /// The booking that holds it.
    public var bookingID: Int64 {
        switch self {
        case let .numberBookedAgain(id, _), let .timeTaken(id, _, _, _, _): return id
        }
    }
}

/// A customer who looks like the one being added: the same name or phone.
public struct CustomerMatch: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var phone: String?

    public init(id: Int64, name: String, phone: String?) {
        self.id = id
        self.name = name
        self.phone = phone
    }
}

/// Why a booking cannot be made at all, whatever the date.
public enum NotBookable: Sendable, Equatable {
    /// The provider asked for does not deliver the service; `delivering` do.
    case providerDoesNotDeliver(provider: String, service: String, delivering: [String])
    /// No active provider delivers the service yet.
    case noProviderDelivers(service: String)
    /// No provider can take the whole immediate plan.
    case noProviderCanTakePlan
    /// Booking an immediate plan for a service that is not an immediate treatment.
    case notImmediate(service: String)
    /// Continuing a treatment with a service other than its own.
    case treatmentOfOtherService(treatment: String, bookedFor: String, asked: String)
    /// The treatment belongs to another customer or service than the one chosen.
    case treatmentOfOtherCustomer(treatment: String)
    /// A single-session service has no treatment to continue.
    case singleSessionHasNoTreatment
    /// Sequential treatments take one start at a time.
    case sequentialOneAtATime
    /// An immediate treatment books all its sessions at once, not one by one.
    case booksAllAtOnce(service: String)
    /// The service is deactivated and takes no new treatments.
    case serviceInactive(service: String)
    /// Only immediate treatments move their later sessions along.
    case onlyImmediateMovesAlong(treatment: String)
    /// No missed or cancelled session waits to be booked again.
    case nothingMissed
    /// No active provider delivers the service, so there is no preview.
    case nothingToPreview(service: String)
    /// The provider has no working day within a year.
    case noWorkingDay(provider: String)
}
