import Foundation
import FrontdeskCore
import TerminalUI

/// Immediate treatments: one start, then every session laid out by the engine. Staff can move any
/// session; the moved ones are pinned and the others re-plan around them.
struct ImmediatePlan: Sendable, Equatable {
    var start: DateField
    var proposal: ImmediateProposal?
    /// The first start the current proposal was made for.
    var proposedFirstStart: Date?
    /// Dates staff typed for single sessions, by session number.
    var pinned: [Int: Date] = [:]
    /// Highlighted session row in the preview.
    var selected = 0
    /// The date being typed for the highlighted session, while editing.
    var editing: DateField?
    var isProposing = false
    /// Session starts before the store re-planned, to mark what changed.
    var startsBeforeReplan: [Int: Date]?

    init(parser: DateInputParser) {
        start = DateField(placeholder: "first session, e.g. March 10 at 2pm", parser: parser)
    }

    var sessions: [PlannedSession] { proposal?.plan.sessions ?? [] }
}

extension BookFlow {
    mutating func handleImmediateStart(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            step = .provider
        case .accept?:
            switch immediate.start.accepted(calendar: calendar, now: now) {
            case .failure(let refusal):
                status = .error(refusal.message)
            case .success(let first):
                status = nil
                step = .immediatePreview
                // The same start again keeps the preview (and its pins) instead of asking the store.
                if immediate.proposedFirstStart == first, immediate.proposal != nil { return [] }
                immediate.pinned = [:]
                immediate.selected = 0
                return proposeImmediate(firstStart: first)
            }
        default:
            if immediate.start.handle(key, parser: parser) { status = nil }
        }
        return []
    }

    mutating func proposeImmediate(firstStart: Date) -> [BookEffect] {
        guard let service = services.chosen else { return [] }
        immediate.isProposing = true
        immediate.proposedFirstStart = firstStart
        return [.proposeImmediate(serviceID: service.id, providerID: providers.chosen?.id, firstStart: firstStart,
                                  pinned: immediate.pinned)]
    }

    mutating func handleImmediatePreview(_ key: Key) -> [BookEffect] {
        if immediate.editing != nil { return handleImmediateEdit(key) }
        let count = immediate.sessions.count
        switch action(for: key) {
        case .back?:
            step = .immediateStart
        case .up?:
            immediate.selected = max(0, immediate.selected - 1)
        case .down?:
            immediate.selected = min(max(0, count - 1), immediate.selected + 1)
        case .editDate?:
            guard immediate.sessions.indices.contains(immediate.selected) else { return [] }
            let session = immediate.sessions[immediate.selected]
            immediate.editing = DateField(value: DateField.editableText(session.start, calendar: calendar),
                                          placeholder: "date for session \(session.number)", parser: parser)
            status = .info("Type the new date for session \(session.number); the sessions after it re-plan around it.")
        case .undoEdit?:
            guard immediate.sessions.indices.contains(immediate.selected),
                  let first = immediate.proposedFirstStart else { return [] }
            let number = immediate.sessions[immediate.selected].number
            guard immediate.pinned.removeValue(forKey: number) != nil else { return [] }
            status = .info("Session \(number) follows the plan again.")
            return proposeImmediate(firstStart: first)
        case .accept?:
            guard let proposal = immediate.proposal, !immediate.isProposing else { return [] }
            guard proposal.plan.isComplete else {
                let stuck = proposal.plan.sessions.filter { !$0.isPlaceable }
                // A date typed by hand (or past the horizon) is refused by the rule where it stands: say which rule.
                let refused = proposal.plan.findings.refusals.filter { finding in
                    stuck.contains { $0.number == finding.number && ($0.isPinned || $0.conflict == nil) }
                }
                let edit = BookKeymap.name(.editDate, in: .immediatePreview)
                if let first = refused.first {
                    status = .error(RefusalWording.line(first, provider: proposal.provider.name, calendar: calendar)
                                    + " Press \(edit) to give it another date.")
                } else {
                    status = .error("Session \(stuck.map { "\($0.number)" }.joined(separator: ", ")) has no free slot within the allowed gap. Press \(edit) to give it another date, or \(BookKeymap.name(.back, in: .immediatePreview)) to change the start.")
                }
                return []
            }
            status = nil
            planChangedNotice = nil
            immediate.startsBeforeReplan = nil
            confirmReturn = .immediatePreview
            step = .confirm
        default:
            break
        }
        return []
    }

    private mutating func handleImmediateEdit(_ key: Key) -> [BookEffect] {
        guard var field = immediate.editing, immediate.sessions.indices.contains(immediate.selected) else {
            immediate.editing = nil
            return []
        }
        let number = immediate.sessions[immediate.selected].number
        switch action(for: key) {
        case .back?:
            immediate.editing = nil
            status = nil
        case .accept?:
            switch field.accepted(calendar: calendar, now: now) {
            case .failure(let refusal):
                status = .error(refusal.message)
            case .success(let date):
                immediate.editing = nil
                status = .info("Session \(number) pinned to \(calendar.dayTime(date)); the others re-planned around it.")
                if number == 1 {
                    // Moving the first session moves the start the whole plan hangs from.
                    immediate.start.setValue(DateField.editableText(date, calendar: calendar), parser: parser)
                    immediate.pinned[1] = nil
                    return proposeImmediate(firstStart: date)
                }
                immediate.pinned[number] = date
                return proposeImmediate(firstStart: immediate.proposedFirstStart ?? date)
            }
        default:
            if field.handle(key, parser: parser) {
                immediate.editing = field
                status = nil
            }
        }
        return []
    }

    mutating func receiveImmediateProposal(_ proposal: ImmediateProposal) {
        immediate.isProposing = false
        immediate.proposal = proposal
        let sessions = proposal.plan.sessions
        // Point at the first session that needs a look, else keep the row staff were on.
        if let flagged = sessions.firstIndex(where: { $0.conflict != nil || !$0.isPlaceable }) {
            immediate.selected = flagged
        } else {
            immediate.selected = min(immediate.selected, max(0, sessions.count - 1))
        }
        if step == .confirm { isBooking = false }
    }

    /// The store's plan differs from the one confirmed: show the new one on the confirmation.
    mutating func receivePlanChanged(_ proposal: ImmediateProposal) {
        immediate.startsBeforeReplan = Dictionary(immediate.sessions.map { ($0.number, $0.start) }, uniquingKeysWith: { a, _ in a })
        planChangedNotice = "Another booking took a slot since the preview, so nothing was booked. The plan is re-planned below: check the times marked “changed” and press Enter to book them."
        receiveImmediateProposal(proposal)
        isBooking = false
        status = nil
        if !proposal.plan.isComplete {
            planChangedNotice = "Another booking took a slot since the preview, and no free slot fits the treatment's gaps now. Nothing was booked. Press Esc to change the dates."
        }
        step = .confirm
    }
}
