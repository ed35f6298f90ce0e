import Foundation
import FrontdeskCore
import TerminalUI

/// Flexible packages: how many now (1 to remaining), then a date per session or a weekly pattern
/// from which the engine proposes free slots to accept or edit.
struct FlexiblePackage: Sendable, Equatable {
    enum Mode: Int, Sendable, CaseIterable {
        case dates, pattern

        var title: String {
            switch self {
            case .dates: return "Type a date for each one"
            case .pattern: return "Give a weekly pattern and let the desk find free slots"
            }
        }
    }

    var count = TextField(placeholder: "1")
    var mode: Mode = .dates
    var pattern = TextField(placeholder: "e.g. Mon Wed 18:00, Sat 10:00")
    var parsedPattern: WeeklyPattern?
    var patternProblem: String?
    var proposal: FlexibleSlots?
    var selected = 0
    var editing: DateField?
    var isProposing = false

    /// The count typed; empty means the default of one.
    var chosenCount: Int? {
        let text = count.value.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? 1 : Int(text)
    }

    mutating func reparsePattern() {
        let text = pattern.value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            parsedPattern = nil
            patternProblem = nil
            return
        }
        do {
            parsedPattern = try WeeklyPattern.parse(text)
            patternProblem = nil
        } catch {
            parsedPattern = nil
            patternProblem = "\(error)"
        }
    }
}

/// Slots the engine proposed for a pattern, with the provider who is free then.
struct FlexibleSlots: Sendable, Equatable {
    var provider: Provider
    var starts: [Date]
}

extension BookFlow {
    /// How many sessions the package still has to give dates to.
    var remainingInPackage: Int { upcomingNumbers.count }

    mutating func handleFlexibleCount(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            status = nil
            step = .provider
        case .accept?:
            guard let count = flexible.chosenCount, (1...max(1, remainingInPackage)).contains(count) else {
                status = .error("Type how many to book now: a number from 1 to \(remainingInPackage).")
                return []
            }
            status = nil
            if flexible.proposal?.starts.count != count { flexible.proposal = nil }
            step = .flexibleMode
        default:
            if flexible.count.handle(key) { status = nil }
        }
        return []
    }

    mutating func handleFlexibleMode(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            step = .flexibleCount
        case .up?:
            flexible.mode = .dates
        case .down?:
            flexible.mode = .pattern
        case .byDate?:
            flexible.mode = .dates
            return handleFlexibleMode(.enter)
        case .byPattern?:
            flexible.mode = .pattern
            return handleFlexibleMode(.enter)
        case .accept?:
            let count = flexible.chosenCount ?? 1
            switch flexible.mode {
            case .dates:
                prepareDates(numbers: Array(upcomingNumbers.prefix(count)))
            case .pattern:
                step = .flexiblePattern
            }
        default:
            break
        }
        return []
    }

    mutating func handleFlexiblePattern(_ key: Key) -> [BookEffect] {
        switch action(for: key) {
        case .back?:
            status = nil
            step = .flexibleMode
        case .accept?:
            guard let pattern = flexible.parsedPattern else {
                status = .error(flexible.patternProblem ?? "Type the days and times the customer can come, e.g. Mon Wed 18:00, Sat 10:00.")
                return []
            }
            status = nil
            step = .flexibleProposal
            return proposeFlexible(pattern)
        default:
            if flexible.pattern.handle(key) {
                flexible.reparsePattern()
                status = nil
            }
        }
        return []
    }

    mutating func proposeFlexible(_ pattern: WeeklyPattern) -> [BookEffect] {
        guard let service = services.chosen else { return [] }
        flexible.isProposing = true
        flexible.selected = 0
        return [.proposeFlexible(serviceID: service.id, providerID: providers.chosen?.id, pattern: pattern,
                                 count: flexible.chosenCount ?? 1, from: now, groupID: group?.id)]
    }

    mutating func receiveFlexibleProposal(provider: Provider, starts: [Date]) {
        flexible.isProposing = false
        flexible.proposal = FlexibleSlots(provider: provider, starts: starts.sorted())
        let wanted = flexible.chosenCount ?? 1
        if step == .confirm { isBooking = false }
        if starts.count < wanted {
            status = .warning("Only \(starts.count) of \(wanted) free slots match this pattern within a year. Change the pattern, or book by date.")
        }
    }

    mutating func handleFlexibleProposal(_ key: Key) -> [BookEffect] {
        if var field = flexible.editing {
            switch action(for: key) {
            case .back?:
                flexible.editing = nil
                status = nil
            case .accept?:
                switch field.accepted(calendar: calendar, now: now) {
                case .failure(let refusal):
                    status = .error(refusal.message)
                case .success(let date):
                    flexible.editing = nil
                    flexible.proposal?.starts[flexible.selected] = date
                    flexible.proposal?.starts.sort()
                    status = .info("Changed to \(calendar.dayTime(date)).")
                }
            default:
                if field.handle(key, parser: parser) {
                    flexible.editing = field
                    status = nil
                }
            }
            return []
        }
        let starts = flexible.proposal?.starts ?? []
        switch action(for: key) {
        case .back?:
            step = .flexiblePattern
        case .up?:
            flexible.selected = max(0, flexible.selected - 1)
        case .down?:
            flexible.selected = min(max(0, starts.count - 1), flexible.selected + 1)
        case .editDate?:
            guard starts.indices.contains(flexible.selected) else { return [] }
            flexible.editing = DateField(value: DateField.editableText(starts[flexible.selected], calendar: calendar),
                                         placeholder: "another date and time", parser: parser)
        case .accept?:
            guard !flexible.isProposing, flexible.proposal != nil else { return [] }
            let wanted = flexible.chosenCount ?? 1
            guard starts.count == wanted else {
                status = .error("Only \(starts.count) of \(wanted) slots were found. Change the pattern (Esc) or book by date.")
                return []
            }
            guard Set(starts).count == starts.count else {
                status = .error("Two lessons have the same date and time. Press \(BookKeymap.name(.editDate, in: .flexibleProposal)) to change one.")
                return []
            }
            status = nil
            planChangedNotice = nil
            confirmReturn = .flexibleProposal
            step = .confirm
        default:
            break
        }
        return []
    }
}
