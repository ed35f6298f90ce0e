import Foundation

/// The facts of a refusal in plain English — what was refused and why — without saying which
/// command, option or key acts on them: the command line and the screens each add that for their
/// reader. Dates are shown in the clinic's calendar the refusal carries.
public enum RefusalFacts {
    /// One sentence per line; lists (conflicts, moves) one item per line.
    public static func sentences(_ refusal: DeskRefusal) -> [String] {
        switch refusal {
        case .placement(let placement), .lateConfirmation(let placement):
            return PlacementWording.sentences(placement)
        case let .shiftProposal(provider, plan, calendar):
            return PlacementWording.shiftSentences(plan, provider: provider, calendar: calendar)
        case let .shortNotice(_, start, calendar):
            return ["The session on \(calendar.dayTime(start)) is less than 48 hours away."]
        case .slotTaken(let slot?):
            return ["Slot taken: \(slot.provider) is already booked \(slot.calendar.dayTime(slot.start))–\(slot.calendar.time(slot.end))."]
        case .slotTaken(nil):
            return ["Slot taken: the provider is already booked at that time (another terminal booked it a moment ago)."]
        case let .conflicts(proposal, calendar), let .shiftNotConfirmed(proposal, calendar):
            return ["The plan does not fit as requested:"] + proposal.conflictLines(calendar: calendar)
        case let .planChanged(proposal, calendar):
            return ["The plan changed since it was shown (another terminal booked a slot):"] + proposal.conflictLines(calendar: calendar)
        case let .rebookChanged(proposal):
            let calendar = proposal.calendar
            let now = (proposal.chosen?.sessions ?? []).map { "Session \($0.number): \(calendar.dayTime($0.to))" }
            return ["The times changed since they were shown (another terminal booked a slot):"]
                + (now.isEmpty ? PlacementWording.sentences(proposal.refusal) : now)
        case .notBookable(let reason):
            return [sentence(reason)]
        case let .previousNotCompleted(treatment, session, _):
            return ["Session \(session) of treatment \(treatment) is not completed yet: sequential treatments book the next "
                    + "session only after the previous one is marked completed."]
        case let .packageFull(remaining, requested):
            return ["Only \(remaining) session\(remaining == 1 ? "" : "s") remain\(remaining == 1 ? "s" : "") in this package, "
                    + "but \(requested) were requested."]
        case let .packageExpired(_, date, calendar):
            return ["This package expired on \(calendar.dayTime(date)) and takes no new bookings."]
        case .treatmentClosed(let state):
            return ["This treatment is \(state.label) and takes no new bookings."]
        case let .wrongStatus(id, status, change):
            if change == .reopen { return ["Booking \(id) is \(statusWord(status)) already, so there is nothing to reopen."] }
            return ["Booking \(id) is \(statusWord(status)), so it cannot be \(change.participle)."]
        case let .inThePast(date, calendar):
            return ["\(calendar.dayTime(date)) is in the past."]
        case .duplicateCustomer(let matches):
            return ["A customer with the same name or phone exists already: "
                    + matches.prefix(5).map(describe).joined(separator: "; ") + (matches.count > 5 ? "; …" : "") + "."]
        case let .secondPackage(service, treatment, remaining, total):
            return ["This customer already has an active \(service) package (treatment \(treatment), "
                    + "\(remaining) of \(total) not booked yet)."]
        case let .completedTooEarly(session, now, calendar):
            return ["\(session.name) starts \(calendar.dayTime(session.start)), "
                    + "\(EarlyCompletion.distance(from: now, to: session.start, calendar: calendar)), so it has not taken place yet "
                    + "and was not marked completed."]
        case let .reopenBlocked(session, holder, calendar):
            return ["\(session.name) on \(calendar.dayTime(session.start)) cannot be reopened: \(describe(holder, session: session, calendar: calendar)) now."]
        case .treatmentCancelled(let session):
            return ["\(session.name) belongs to a cancelled treatment, which takes no changes."]
        case let .laterSessionsInTheWay(placement, noun, moves):
            return PlacementWording.sentences(placement) + ["Moving the later sessions along keeps their gaps:"]
                + moves.map { MissedSessionRebooking.moveText(noun: noun, number: $0.number, from: $0.from, to: $0.to, calendar: placement.calendar) }
        case let .noShowBeforeStart(session, calendar):
            return ["The session on \(calendar.dayTime(session.start)) has not started yet, so it cannot be a no-show."]
        case .nothingToEnd(let state):
            return ["This treatment is already \(state.label); there is nothing to end."]
        case .nothingToExtend(let state):
            return ["This treatment is \(state.label), so there is nothing to extend."]
        case .clinicNotClosed(let day):
            return ["The clinic is not closed on \(day) (\(day.shortText)), so there is nothing to remove."]
        }
    }

    /// Why a booking cannot be made, as one sentence.
    public static func sentence(_ reason: NotBookable) -> String {
        switch reason {
        case let .providerDoesNotDeliver(provider, service, delivering):
            return "Cannot book: \(provider) does not deliver \(service); \(delivering.joined(separator: ", ")) do\(delivering.count == 1 ? "es" : "")."
        case .noProviderDelivers(let service):
            return "Cannot book: no provider delivers \(service) yet."
        case .noProviderCanTakePlan:
            return "Cannot book: no provider can take this plan."
        case .notImmediate(let service):
            return "Cannot book: \(service) is not an immediate treatment; its sessions are booked one by one."
        case let .treatmentOfOtherService(treatment, bookedFor, asked):
            return "Cannot book: treatment \(treatment) is for \(bookedFor), not \(asked)."
        case .treatmentOfOtherCustomer(let treatment):
            return "Cannot book: treatment \(treatment) belongs to another customer or service."
        case .singleSessionHasNoTreatment:
            return "Cannot book: a single-session service has no treatment to continue."
        case .sequentialOneAtATime:
            return "Cannot book: sequential treatments book one session at a time."
        case .booksAllAtOnce(let service):
            return "Cannot book: \(service) books all its sessions at once, as one plan."
        case .serviceInactive(let service):
            return "Cannot book: \(service) is deactivated and takes no new treatments."
        case .onlyImmediateMovesAlong:
            return "Cannot book: only immediate treatments move their later sessions along."
        case .nothingMissed:
            return "Cannot book: no missed or cancelled session of this treatment waits to be booked again."
        case .nothingToPreview(let service):
            return "No active provider delivers \(service), so there is nothing to preview."
        case .noWorkingDay(let provider):
            return "\(provider) has no working day within a year, so there is nothing to preview."
        }
    }

    /// "no-show", "completed": a booking status as staff say it.
    public static func statusWord(_ status: BookingStatus) -> String {
        status.rawValue.replacingOccurrences(of: "_", with: "-")
    }

    /// "Zoë Keller (#12, +41 79 963 78 17)".
    public static func describe(_ match: CustomerMatch) -> String {
        "\(match.name) (#\(match.id)\(match.phone.map { ", \($0)" } ?? ""))"
    }

    /// "Lesson 1 was booked again for Tue 10 Mar 2026 17:00 (#14)", "Dr. Keller is booked … for Zoë Keller (#9)".
    public static func describe(_ holder: ReopenHolder, session: RefusedSession, calendar: ClinicCalendar) -> String {
        switch holder {
        case let .numberBookedAgain(id, start):
            let what = session.noun.map { "\($0) \(session.number)" } ?? "The appointment"
            return "\(what) was booked again for \(calendar.dayTime(start)) (#\(id))"
        case let .timeTaken(id, provider, customer, start, end):
            return "\(provider) is booked \(calendar.dayTime(start))–\(calendar.time(end)) for \(customer) (#\(id))"
        }
    }
}
