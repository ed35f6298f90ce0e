import Foundation
import FrontdeskCore
import TerminalUI

/// One session as the confirmation lists it.
struct ConfirmationRow: Sendable, Equatable {
    var number: Int
    /// "Session 2 of 3", "Lesson 3 of 10".
    var title: String
    /// The plan's own label ("Healing check"), when the service has one.
    var label: String?
    var start: Date
    var durationMinutes: Int
    var provider: String
    /// A short tag when the row deserves a look: "moved", "set by hand", "changed".
    var note: String?
    /// The whole story behind the tag, shown under the table.
    var detail: String?
    /// Every rule the session still breaks that booking goes past (beyond the maximum gap), and a
    /// time a daylight-saving change moved: listed under the table, all of them.
    var warnings: [String] = []
}

extension BookFlow {
    /// Every session the Enter on the confirmation books, in time order.
    var confirmationRows: [ConfirmationRow] {
        guard let service = services.chosen else { return [] }
        if let plan = rebookPlan { return rebookRows(plan, provider: rebook.proposal?.provider ?? "any available provider") }
        let definition = service.definition
        func label(_ number: Int) -> String? {
            let text = definition.label(forSession: number)
            return text == sessionTitle(number) ? nil : text
        }
        switch confirmReturn {
        case .immediatePreview:
            let provider = immediate.proposal?.provider.name ?? "any available provider"
            return immediate.sessions.map { session in
                var note: String?
                var detail: String?
                let title = sessionTitle(session.number)
                if let before = immediate.startsBeforeReplan?[session.number], before != session.start {
                    note = "changed"
                    detail = "\(title) changed: was \(calendar.dayTime(before)), now \(calendar.dayTime(session.start))."
                } else if immediate.pinned[session.number] != nil {
                    note = "set by hand"
                } else if session.start != session.requestedStart {
                    note = "moved"
                    let why = session.conflict.map { ": " + $0.reason(provider: provider, calendar: calendar) } ?? ""
                    detail = "\(title) moved from \(calendar.dayTime(session.requestedStart)) to \(calendar.dayTime(session.start))\(why)."
                }
                var warnings = session.warnings.map {
                    RefusalWording.line(PlacementFinding(number: session.number, start: session.start, problem: $0),
                                        provider: provider, calendar: calendar)
                }
                if let change = session.clockChange { warnings.append("\(title): " + PlacementWording.clockChange(change)) }
                if note == nil, !session.warnings.isEmpty { note = "late" }
                return ConfirmationRow(number: session.number, title: title, label: label(session.number),
                                       start: session.start, durationMinutes: session.durationMinutes, provider: provider,
                                       note: note, detail: detail, warnings: warnings)
            }
        case .flexibleProposal:
            let slots = flexible.proposal
            return zip(upcomingNumbers, (slots?.starts ?? []).sorted()).map { number, start in
                ConfirmationRow(number: number, title: sessionTitle(number), label: label(number), start: start,
                                durationMinutes: definition.durationMinutes(forSession: number),
                                provider: slots?.provider.name ?? "any available provider", note: nil, detail: nil)
            }
        default:
            let late = lateFindings(numbers: dates.numbers, starts: dates.sortedDates())
            let provider = providers.chosen?.name ?? "any available provider"
            return zip(dates.numbers, dates.sortedDates()).map { number, start in
                let warnings = late.filter { $0.number == number }
                return ConfirmationRow(number: number, title: sessionTitle(number), label: label(number), start: start,
                                       durationMinutes: definition.durationMinutes(forSession: number),
                                       provider: provider, note: warnings.isEmpty ? nil : "late", detail: nil,
                                       warnings: warnings.map { RefusalWording.line($0, provider: provider, calendar: calendar) })
            }
        }
    }

    /// The core's placement rule on the dates typed: the gaps that only a confirmation lets
    /// through (beyond the maximum after the previous session). The store checks everything again.
    func lateFindings(numbers: [Int], starts: [Date]) -> [PlacementFinding] {
        guard let service = services.chosen, service.isMultiSession else { return [] }
        let rule = PlacementRule(strategy: group?.strategy ?? service.strategy, gaps: service.gaps, horizonDays: nil,
                                 calendar: calendar, now: now)
        let placements = zip(numbers, starts).map { number, start in
            TimelineSession(number: number, start: start, durationMinutes: service.definition.durationMinutes(forSession: number))
        }
        return rule.gapFindings(placements, others: (group?.sessions ?? []).map(TimelineSession.init)).warnings
    }

    /// The booking request for what the confirmation shows.
    var bookingEffect: BookEffect? {
        guard let customer = customers.chosen, let service = services.chosen else { return nil }
        if isRebookingMissed { return rebookEffect }
        switch confirmReturn {
        case .immediatePreview:
            guard let proposal = immediate.proposal, let first = immediate.proposedFirstStart else { return nil }
            return .bookImmediate(customerID: customer.id, serviceID: service.id, providerID: proposal.provider.id,
                                  firstStart: first, pinned: immediate.pinned,
                                  expectedStarts: proposal.plan.sessions.map(\.start))
        case .flexibleProposal:
            guard let slots = flexible.proposal else { return nil }
            return .bookSessions(customerID: customer.id, serviceID: service.id, providerID: slots.provider.id,
                                 starts: slots.starts.sorted(), groupID: group?.id)
        default:
            // The confirmation showed every late session: Enter on it is the confirmation.
            let late = !lateFindings(numbers: dates.numbers, starts: dates.sortedDates()).isEmpty
            return .bookSessions(customerID: customer.id, serviceID: service.id, providerID: providers.chosen?.id,
                                 starts: dates.sortedDates(), groupID: group?.id, confirmedLate: late)
        }
    }

    mutating func handleConfirm(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            guard !isBooking else { return [] }
            planChangedNotice = nil
            immediate.startsBeforeReplan = nil
            status = nil
            step = confirmReturn
        case .accept?:
            guard !isBooking, !immediate.isProposing, !flexible.isProposing, !rebook.isChecking else { return [] }
            if confirmReturn == .immediatePreview, immediate.proposal?.plan.isComplete != true {
                status = .error("The plan has a session without a free slot. Press Esc and give it another date.")
                return []
            }
            guard let effect = bookingEffect else { return [] }
            isBooking = true
            status = .info("Booking…")
            return [effect]
        default:
            break
        }
        return []
    }

    mutating func receiveBooked(_ result: BookingResult) {
        isBooking = false
        let message = isRebookingMissed ? rebookedMessage(result) : bookedMessage(result)
        outcome = .booked(groupID: result.group?.id, bookingIDs: result.bookings.map(\.id), message: message)
    }

    /// "Booked Lesson 1–3 of 10 for Marie Schmidt from Mon 2 Mar 2026 17:00; 7 remaining. Confirmation queued."
    func bookedMessage(_ result: BookingResult) -> String {
        let customer = customers.chosen?.name ?? result.bookings.first?.customerName ?? "the customer"
        let service = services.chosen
        let sorted = result.bookings.sorted { $0.start < $1.start }
        guard let first = sorted.first else { return "Nothing was booked." }
        let numbers = result.bookings.map(\.sessionNumber).sorted()
        var what: String
        if let service, service.isMultiSession {
            let noun = service.definition.sessionNoun
            let range = numbers.count == 1 ? "\(numbers[0])"
                : numbers == Array(numbers[0]...numbers[numbers.count - 1]) ? "\(numbers[0])–\(numbers.last!)"
                : numbers.map(String.init).joined(separator: ", ")
            what = "\(noun) \(range) of \(service.totalSessions) of \(service.name)"
        } else {
            what = service?.name ?? first.serviceName
        }
        var message = "Booked \(what) for \(customer) from \(calendar.dayTime(first.start))"
        if let group = result.group, let service, service.strategy == .flexible {
            let held = group.sessions.filter { $0.status.holdsNumber }.count
            message += "; \(max(0, group.totalSessions - held)) remaining"
        }
        if result.shifted { message += " (shifted times as previewed)" }
        return message + ". Confirmation queued."
    }

    /// The store said no: say why where it happened and, for a taken slot, plan again.
    mutating func receiveFailure(_ effect: BookEffect, message: String) -> [BookEffect] {
        switch effect {
        case .addCustomer:
            newCustomer.isSaving = false
            newCustomer.form.setError(message, for: .name)
        case .proposeImmediate:
            immediate.isProposing = false
            status = .error(message)
            if step == .confirm {
                isBooking = false
                planChangedNotice = "Nothing was booked. " + message
            } else if immediate.proposal == nil {
                step = .immediateStart
            }
        case .proposeFlexible:
            flexible.isProposing = false
            status = .error(message)
            if step == .confirm { isBooking = false } else { step = .flexiblePattern }
        case .bookImmediate:
            // Another terminal may have taken a slot after the last check: re-plan and show it.
            isBooking = false
            status = .error(message)
            planChangedNotice = "Nothing was booked: " + message
            guard let first = immediate.proposedFirstStart else { return [] }
            immediate.startsBeforeReplan = Dictionary(immediate.sessions.map { ($0.number, $0.start) }, uniquingKeysWith: { a, _ in a })
            return proposeImmediate(firstStart: first)
        case .bookSessions:
            isBooking = false
            status = .error(message)
            if confirmReturn == .flexibleProposal, let pattern = flexible.parsedPattern {
                planChangedNotice = "Nothing was booked: " + message + " The slots are proposed again below."
                return proposeFlexible(pattern)
            }
            planChangedNotice = nil
            step = confirmReturn
        case .proposeRebook:
            rebook.isChecking = false
            status = .error(message)
        case .rebookMissed:
            isBooking = false
            status = .error(message)
            planChangedNotice = nil
            step = .sessionDates
        default:
            status = .error(message)
        }
        return []
    }
}
