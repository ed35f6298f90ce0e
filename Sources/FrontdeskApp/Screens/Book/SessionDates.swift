import Foundation
import FrontdeskCore
import TerminalUI

/// One date per session, asked one after the other as the chat bot did ("Lesson 2: another
/// time?"): sequential treatments (one session), flexible packages by date, single appointments,
/// and re-booking numbers that cancellations freed.
struct SessionDates: Sendable, Equatable {
    var numbers: [Int] = []
    var fields: [DateField] = []
    /// The field being typed in.
    var index = 0

    /// The dates in booking order; the store numbers sessions by time, so the preview does too.
    func sortedDates() -> [Date] { fields.compactMap(\.date).sorted() }
}

extension BookFlow {
    /// Opens the dates step for these session numbers, keeping what was typed for the same ones.
    mutating func prepareDates(numbers: [Int]) {
        if dates.numbers != numbers {
            let kept = dates.fields
            dates.numbers = numbers
            dates.fields = numbers.indices.map { index in
                kept.indices.contains(index) ? kept[index]
                    : DateField(placeholder: "date and time, e.g. fri 4pm", parser: parser)
            }
        }
        dates.index = min(dates.index, max(0, numbers.count - 1))
        step = .sessionDates
    }

    /// Sequential, continuing: suggest the previous session's date plus the recommended gap.
    mutating func suggestNextSequentialDate() {
        guard let service = services.chosen, let number = dates.numbers.first, number > 1,
              let previous = group?.sessions.last(where: { $0.sessionNumber == number - 1 && $0.status.holdsNumber }),
              dates.fields.first?.isEmpty == true else { return }
        let gap = service.bufferRules.gap(afterSession: number - 1)
        var suggestion = SchedulePlanner.sequentialWindow(after: previous.start, gap: gap, calendar: calendar).recommended
        // A recommendation already in the past is no use; the same time tomorrow is the next best.
        while suggestion < now { suggestion = calendar.adding(days: 1, to: suggestion) }
        dates.fields[0].setValue(DateField.editableText(suggestion, calendar: calendar), parser: parser)
        if previous.status == .confirmed {
            status = .warning("Session \(number - 1) is not marked completed yet; the store books session \(number) only after it is.")
        }
    }

    mutating func handleSessionDates(_ key: Key) -> [BookEffect] {
        guard dates.fields.indices.contains(dates.index) else { return [] }
        switch action(for: key) {
        case .back?:
            status = nil
            rebook.isChecking = false
            if dates.index > 0 {
                dates.index -= 1
            } else {
                step = services.chosen?.strategy == .flexible && services.chosen?.isMultiSession == true
                    && group?.strategy != .immediate ? .flexibleMode : .provider
            }
        case .previousField?:
            dates.index = max(0, dates.index - 1)
        case .nextField?:
            dates.index = min(dates.fields.count - 1, dates.index + 1)
        case .accept?:
            guard !rebook.isChecking else { return [] }
            switch dates.fields[dates.index].accepted(calendar: calendar, now: now) {
            case .failure(let refusal):
                status = .error(refusal.message)
                return []
            case .success:
                status = nil
            }
            if let next = dates.fields.indices.first(where: { $0 > dates.index && dates.fields[$0].date == nil }) {
                dates.index = next
                return []
            }
            return confirmDates()
        default:
            if dates.fields[dates.index].handle(key, parser: parser) { status = nil }
        }
        return []
    }

    /// Every field must hold a distinct future date before the confirmation.
    private mutating func confirmDates() -> [BookEffect] {
        for (index, field) in dates.fields.enumerated() {
            if case .failure(let refusal) = field.accepted(calendar: calendar, now: now) {
                dates.index = index
                status = .error("\(sessionTitle(dates.numbers[index])): \(refusal.message)")
                return []
            }
        }
        let all = dates.fields.compactMap(\.date)
        if Set(all).count != all.count {
            status = .error("Two sessions have the same date and time. Give each its own.")
            return []
        }
        if isRebookingMissed, let start = all.first { return proposeRebook(start) }
        confirmReturn = .sessionDates
        planChangedNotice = nil
        step = .confirm
        return []
    }

    /// "Session 2 of 8", "Lesson 3 of 10": the customer-facing name of a session number.
    func sessionTitle(_ number: Int) -> String {
        guard let service = services.chosen, service.isMultiSession else { return "Appointment" }
        return "\(service.definition.sessionNoun) \(number) of \(service.totalSessions)"
    }
}
