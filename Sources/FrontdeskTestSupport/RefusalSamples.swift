import Foundation
import FrontdeskCore
import FrontdeskStore

/// One example of every refusal the store can give, for the tests that check each reader's wording
/// (the command line names real commands and options, the screens bound keys). `kind` is an
/// exhaustive switch: a new refusal does not compile until it is named here, and the tests fail
/// until it has a sample.
public enum RefusalSamples {
    /// A real clinic's calendar and immediate plan (with one session moved) to build the samples from.
    public struct Material {
        public var calendar: ClinicCalendar
        public var proposal: ImmediateProposal
        public var now: Date
    }

    /// Seeds a temporary clinic and plans an implant treatment there.
    public static func material() throws -> Material {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        var proposal = try t.database.proposeImmediate(serviceID: clinic.implant.id, providerID: nil, firstStart: t.at("2026-03-10 14:00"))
        proposal.plan.sessions[1].conflict = .closedDay(t.calendar.localDay(of: proposal.plan.sessions[1].requestedStart))
        proposal.plan.sessions[1].start = proposal.plan.sessions[1].requestedStart.addingTimeInterval(86_400)
        return Material(calendar: t.calendar, proposal: proposal, now: t.now)
    }

    /// Every refusal, once, and every reason a booking cannot be made.
    public static func all(_ m: Material) -> [DeskRefusal] {
        let calendar = m.calendar
        let treatment = "5f0c7a1e-2b7d-4c1a-9a57-3d1f2e4b6c80"
        let start = m.now.addingTimeInterval(86_400 * 3)
        let later = start.addingTimeInterval(86_400 * 7)
        let finding = PlacementFinding(number: 2, start: start, problem: .inThePast(start: start))
        let breach = GapBreach(session: 2, start: later, neighbour: 1, neighbourStart: start, neighbourIsLater: false,
                               limit: .days(7), boundary: calendar.localDay(of: later), days: 3)
        let placement = PlacementRefusal(provider: "Dr. Keller", findings: [finding], nextFree: later, calendar: calendar)
        let late = PlacementRefusal(provider: "Dr. Keller", findings: [PlacementFinding(number: 2, start: later, problem: .tooLate(breach))],
                                    calendar: calendar)
        let moved = ShiftedSession(id: 12, number: 3, from: start, to: later, durationMinutes: 60, sameShift: start,
                                   reason: .closedDay(calendar.localDay(of: start)))
        let shift = ShiftPlan(sessions: [moved], findings: [])
        let lesson = RefusedSession(bookingID: 7, noun: "Lesson", number: 2, total: 10, start: later)
        let single = RefusedSession(bookingID: 8, noun: nil, number: 1, total: 1, start: start)
        let reasons: [NotBookable] = [
            .providerDoesNotDeliver(provider: "Dr. Roth", service: "Physiotherapy", delivering: ["Dr. Keller"]),
            .noProviderDelivers(service: "Physiotherapy"), .noProviderCanTakePlan, .notImmediate(service: "Physiotherapy"),
            .treatmentOfOtherService(treatment: treatment, bookedFor: "Implant", asked: "Physiotherapy"),
            .treatmentOfOtherCustomer(treatment: treatment), .singleSessionHasNoTreatment, .sequentialOneAtATime,
            .booksAllAtOnce(service: "Implant"), .serviceInactive(service: "Physiotherapy"),
            .onlyImmediateMovesAlong(treatment: treatment), .nothingMissed, .nothingToPreview(service: "Physiotherapy"),
            .noWorkingDay(provider: "Dr. Roth"),
        ]
        return [
            .placement(placement), .lateConfirmation(late), .shiftProposal(provider: "Dr. Keller", shift, calendar: calendar),
            .shortNotice(.cancel, start: start, calendar: calendar), .shortNotice(.reschedule, start: start, calendar: calendar),
            .slotTaken(TakenSlot(provider: "Dr. Keller", start: start, end: start.addingTimeInterval(3600), calendar: calendar)),
            .slotTaken(nil),
            .conflicts(m.proposal, calendar: calendar), .shiftNotConfirmed(m.proposal, calendar: calendar),
            .planChanged(m.proposal, calendar: calendar),
            .previousNotCompleted(treatment: treatment, session: 1, bookingID: 7), .packageFull(remaining: 1, requested: 2),
            .packageExpired(treatment: treatment, on: m.now.addingTimeInterval(-86_400), calendar: calendar),
            .treatmentClosed(.ended),
            .wrongStatus(bookingID: 7, status: .cancelled, change: .complete),
            .wrongStatus(bookingID: 7, status: .confirmed, change: .reopen),
            .inThePast(m.now.addingTimeInterval(-3600), calendar: calendar),
            .duplicateCustomer([CustomerMatch(id: 3, name: "Zoë Keller", phone: "+41 79 963 78 17")]),
            .secondPackage(service: "Driving Lessons", treatment: treatment, remaining: 4, total: 10),
            .completedTooEarly(lesson, now: m.now, calendar: calendar),
            .reopenBlocked(lesson, by: .numberBookedAgain(bookingID: 9, start: later), calendar: calendar),
            .reopenBlocked(single, by: .timeTaken(bookingID: 10, provider: "Dr. Keller", customer: "Thomas Weber", start: start,
                                                  end: start.addingTimeInterval(3600)), calendar: calendar),
            .treatmentCancelled(lesson),
            .laterSessionsInTheWay(placement, noun: "Session", moves: [moved]),
            .rebookChanged(MissedRebookProposal(number: 2, providerID: 1, provider: "Dr. Keller",
                                                alone: ShiftPlan(sessions: [moved], findings: [finding]),
                                                movedAlong: ShiftPlan(sessions: [moved, moved], findings: []), calendar: calendar)),
            .noShowBeforeStart(single, calendar: calendar),
            .nothingToEnd(.completed), .nothingToExtend(.cancelled),
            .clinicNotClosed(calendar.localDay(of: start)),
        ] + reasons.map { .notBookable($0) }
    }

    /// The refusal's case, and for `notBookable` its reason: "notBookable.nothingMissed".
    public static func kind(_ refusal: DeskRefusal) -> String {
        switch refusal {
        case .placement: return "placement"
        case .lateConfirmation: return "lateConfirmation"
        case .shiftProposal: return "shiftProposal"
        case .shortNotice: return "shortNotice"
        case .slotTaken: return "slotTaken"
        case .conflicts: return "conflicts"
        case .shiftNotConfirmed: return "shiftNotConfirmed"
        case .planChanged: return "planChanged"
        case .notBookable(let reason): return "notBookable." + kind(reason)
        case .previousNotCompleted: return "previousNotCompleted"
        case .packageFull: return "packageFull"
        case .packageExpired: return "packageExpired"
        case .treatmentClosed: return "treatmentClosed"
        case .wrongStatus: return "wrongStatus"
        case .inThePast: return "inThePast"
        case .duplicateCustomer: return "duplicateCustomer"
        case .secondPackage: return "secondPackage"
        case .completedTooEarly: return "completedTooEarly"
        case .reopenBlocked: return "reopenBlocked"
        case .treatmentCancelled: return "treatmentCancelled"
        case .laterSessionsInTheWay: return "laterSessionsInTheWay"
        case .rebookChanged: return "rebookChanged"
        case .noShowBeforeStart: return "noShowBeforeStart"
        case .nothingToEnd: return "nothingToEnd"
        case .nothingToExtend: return "nothingToExtend"
        case .clinicNotClosed: return "clinicNotClosed"
        }
    }

    private static func kind(_ reason: NotBookable) -> String {
        switch reason {
        case .providerDoesNotDeliver: return "providerDoesNotDeliver"
        case .noProviderDelivers: return "noProviderDelivers"
        case .noProviderCanTakePlan: return "noProviderCanTakePlan"
        case .notImmediate: return "notImmediate"
        case .treatmentOfOtherService: return "treatmentOfOtherService"
        case .treatmentOfOtherCustomer: return "treatmentOfOtherCustomer"
        case .singleSessionHasNoTreatment: return "singleSessionHasNoTreatment"
        case .sequentialOneAtATime: return "sequentialOneAtATime"
        case .booksAllAtOnce: return "booksAllAtOnce"
        case .serviceInactive: return "serviceInactive"
        case .onlyImmediateMovesAlong: return "onlyImmediateMovesAlong"
        case .nothingMissed: return "nothingMissed"
        case .nothingToPreview: return "nothingToPreview"
        case .noWorkingDay: return "noWorkingDay"
        }
    }

    /// How many kinds `kind` names: 25 refusals besides `notBookable`, and its 14 reasons.
    public static let kindCount = 25 + 14
}
