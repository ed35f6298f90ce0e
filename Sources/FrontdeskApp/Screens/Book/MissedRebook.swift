import Foundation
import FrontdeskCore
import TerminalUI

/// Booking a missed (no-show or cancelled) session of an immediate treatment again (issue 12 item 1).
/// The later sessions were laid out from the missed one, so the date the desk types may break their
/// gaps: the store then proposes them moved along by the same amount, the preview shows where each
/// one goes, and the desk books it all in one transaction or chooses another date.
struct MissedRebook: Sendable, Equatable {
    /// What booking the session at the typed date takes, as the store last said.
    var proposal: MissedRebookProposal?
    /// The store is working out the proposal.
    var isChecking = false
    /// Starts before the store re-planned at booking time, by session number, to mark what changed.
    var startsBeforeReplan: [Int: Date]?
}

extension BookFlow {
    /// Continuing an immediate treatment with one missed session to book again: the store books it
    /// (and moves the later sessions along when the desk agrees) rather than a plain booking.
    var isRebookingMissed: Bool { isContinuing && group?.strategy == .immediate && dates.numbers.count == 1 }

    /// The plan the confirmation books when it is a rebooking: the session alone, or moved along.
    var rebookPlan: ShiftPlan? { isRebookingMissed ? rebook.proposal?.chosen : nil }

    /// The later sessions the rebooking moves (empty when it moves none).
    var rebookMoves: [ShiftedSession] { isRebookingMissed ? rebook.proposal?.moves ?? [] : [] }

    /// Asks the store what booking the missed session at `start` takes.
    mutating func proposeRebook(_ start: Date) -> [BookEffect] {
        guard let group else { return [] }
        rebook.isChecking = true
        rebook.proposal = nil
        rebook.startsBeforeReplan = nil
        status = .info("Checking the later sessions…")
        return [.proposeRebook(groupID: group.id, start: start, providerID: providers.chosen?.id)]
    }

    mutating func receiveRebookProposal(_ proposal: MissedRebookProposal) {
        // The desk went back while the store was checking: the answer is for a date no longer asked.
        guard rebook.isChecking, step == .sessionDates else { return }
        rebook.isChecking = false
        rebook.proposal = proposal
        planChangedNotice = nil
        if proposal.fitsAlone {
            status = nil
            confirmReturn = .sessionDates
            step = .confirm
        } else if proposal.needsMovingLater {
            status = nil
            step = .rebookPreview
        } else {
            status = .error(RefusalWording.text(.placement(proposal.refusal)))
            step = .sessionDates
        }
    }

    mutating func handleRebookPreview(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .accept?:
            guard rebook.proposal?.needsMovingLater == true else { return [] }
            confirmReturn = .rebookPreview
            planChangedNotice = nil
            status = nil
            step = .confirm
        case .back?:
            let title = rebook.proposal.map { sessionTitle($0.number) } ?? "the session"
            rebook.proposal = nil
            step = .sessionDates
            status = .info("Choose another date for \(title); nothing was moved.")
        default:
            break
        }
        return []
    }

    /// Another terminal changed the provider's time after the preview: nothing was booked; the new
    /// plan goes back to the confirmation with what changed marked, or the dates step when it no longer fits.
    mutating func receiveRebookPlanChanged(_ proposal: MissedRebookProposal) {
        isBooking = false
        let before = rebook.proposal?.chosen.map { Dictionary($0.sessions.map { ($0.number, $0.to) }, uniquingKeysWith: { a, _ in a }) }
        rebook.proposal = proposal
        rebook.startsBeforeReplan = before
        guard proposal.chosen != nil else {
            status = .error("The times changed since the preview; nothing was booked. " + RefusalWording.text(.placement(proposal.refusal)))
            step = .sessionDates
            return
        }
        confirmReturn = proposal.needsMovingLater ? .rebookPreview : .sessionDates
        status = .warning("The times changed since the preview; nothing was booked.")
        planChangedNotice = "Nothing was booked: another terminal took a time since the preview. The plan above is made again; Enter books it."
        step = .confirm
    }

    /// The confirmation's rows for a rebooking: the session booked again, then every session moved along.
    func rebookRows(_ plan: ShiftPlan, provider: String) -> [ConfirmationRow] {
        guard let service = services.chosen else { return [] }
        let definition = service.definition
        return plan.sessions.enumerated().map { index, session in
            let title = sessionTitle(session.number)
            let label = definition.label(forSession: session.number)
            var note: String?
            var detail: String?
            if index == 0 {
                note = "again"
            } else {
                note = "moved"
                detail = "\(title) moves from \(calendar.dayTime(session.from)) to \(calendar.dayTime(session.to))"
                    + " (\(Self.shiftWords(session, calendar: calendar, provider: provider, long: true)))."
            }
            if let before = rebook.startsBeforeReplan?[session.number], before != session.to {
                note = "changed"
                detail = "\(title) changed: was \(calendar.dayTime(before)), now \(calendar.dayTime(session.to))."
            }
            let warnings = plan.findings.warnings.filter { $0.number == session.number }.map {
                RefusalWording.line($0, provider: provider, calendar: calendar)
            }
            return ConfirmationRow(number: session.number, title: title, label: label == title ? nil : label, start: session.to,
                                   durationMinutes: session.durationMinutes, provider: provider, note: note, detail: detail,
                                   warnings: warnings)
        }
    }

    /// How a later session moves, for the preview's narrow column: "+10 days, gap kept", or
    /// "+11 days (Sun 3 May: day off)" when the same amount lands where the provider cannot take it.
    /// With `long`, the confirmation's words: "11 days later, as Sun 3 May 2026 14:00 is not possible:
    /// Dr. Keller does not work on Sundays".
    static func shiftWords(_ session: ShiftedSession, calendar: ClinicCalendar, provider: String, long: Bool = false) -> String {
        let days = calendar.daysBetween(session.from, session.to)
        var words: String
        if long {
            words = days == 0 ? "the same day" : days > 0 ? "\(PlacementWording.dayCount(days)) later" : "\(PlacementWording.dayCount(-days)) earlier"
        } else {
            words = days == 0 ? "same day" : days > 0 ? "+\(PlacementWording.dayCount(days))" : "−\(PlacementWording.dayCount(-days))"
        }
        if calendar.minuteOfDay(of: session.from) != calendar.minuteOfDay(of: session.to) {
            words += ", at \(calendar.time(session.to))"
        }
        guard let wanted = session.sameShift else { return words + ", gap kept" }
        if long {
            // The conflict without its advice ("Pick another day."): that is what the plan already did.
            let why = session.reason.map { ": " + $0.reason(provider: provider, calendar: calendar) } ?? ""
            return words + ", as \(calendar.dayTime(wanted)) is not possible\(why)"
        }
        return words + " (\(calendar.shortDay(calendar.localDay(of: wanted)))" + (session.reason.map { ": \($0.shortLabel)" } ?? "") + ")"
    }

    /// The booking request for a rebooking, exactly as previewed.
    var rebookEffect: BookEffect? {
        guard let group, let proposal = rebook.proposal, let plan = proposal.chosen, let first = plan.sessions.first else { return nil }
        return .rebookMissed(groupID: group.id, start: first.to, providerID: proposal.providerID,
                             moveLater: proposal.needsMovingLater, confirmedLate: !plan.findings.warnings.isEmpty,
                             expectedStarts: plan.sessions.map(\.to))
    }

    /// "Booked Session 2 of 3 (Marie Schmidt) on Fri 3 Apr 2026 14:00; session 3 moved to Mon 4 May 14:00."
    /// Short enough for the status line: the moves are what the desk must see.
    func rebookedMessage(_ result: BookingResult) -> String {
        guard let service = services.chosen, let booked = result.bookings.first else { return bookedMessage(result) }
        let customer = customers.chosen?.name ?? booked.customerName
        var message = "Booked \(sessionTitle(booked.sessionNumber)) (\(customer)) on \(calendar.dayTime(booked.start))"
        let noun = service.definition.sessionNoun.lowercased()
        let moved = result.bookings.dropFirst().map {
            "\(noun) \($0.sessionNumber) moved to \(calendar.shortDay(calendar.localDay(of: $0.start))) \(calendar.time($0.start))"
        }
        if !moved.isEmpty { message += "; " + moved.joined(separator: ", ") }
        return message + "."
    }
}
