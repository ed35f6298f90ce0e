import Foundation
import FrontdeskCore
import TerminalUI

/// A date-and-time input that reads what staff type with the engine's parser on every key, so the
/// field always shows what it understood ("→ Tue 10 Mar 2026 14:00") or why it did not.
struct DateField: Sendable, Equatable {
    var text: TextField
    /// The instant understood, when the text reads as one.
    private(set) var date: Date?
    /// Why the text is not a date (nil while empty or understood).
    private(set) var problem: String?

    static let examples = "tomorrow 10am · fri 4pm · March 10 at 2pm · 10.3. 14:00 · 2026-03-10 14:00 · +2w"

    init(value: String = "", placeholder: String = "e.g. tomorrow 10am", parser: DateInputParser) {
        text = TextField(value: value, placeholder: placeholder)
        reparse(with: parser)
    }

    var value: String { text.value }
    var isEmpty: Bool { text.value.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Applies an editing key and re-reads the text; false for keys the field does not use.
    mutating func handle(_ key: Key, parser: DateInputParser) -> Bool {
        guard text.handle(key) else { return false }
        reparse(with: parser)
        return true
    }

    /// Replaces the text (e.g. a suggested date) and re-reads it.
    mutating func setValue(_ value: String, parser: DateInputParser) {
        text.setValue(value)
        reparse(with: parser)
    }

    private mutating func reparse(with parser: DateInputParser) {
        guard !isEmpty else {
            date = nil
            problem = nil
            return
        }
        do {
            date = try parser.parse(text.value)
            problem = nil
        } catch {
            date = nil
            problem = error.description
        }
    }

    /// The line under the field: the parsed result, a warning for the past, or the reason.
    func feedback(calendar: ClinicCalendar, now: Date) -> (text: String, role: ThemeRole) {
        if let date {
            if date < now { return ("→ \(calendar.dayTime(date)) is in the past", .warning) }
            return ("→ \(calendar.dayTime(date))", .accent)
        }
        if let problem { return (problem, .statusError) }
        return (DateField.examples, .dim)
    }

    /// The date to book, or the message explaining why there is none yet.
    func accepted(calendar: ClinicCalendar, now: Date) -> Result<Date, InputRefusal> {
        if let date {
            if date < now { return .failure(InputRefusal("\(calendar.dayTime(date)) is in the past. Choose a future date and time.")) }
            return .success(date)
        }
        if let problem { return .failure(InputRefusal(problem)) }
        return .failure(InputRefusal("Type a date and time, e.g. \(DateField.examples)."))
    }

    /// How a date is written back into a field so that the parser reads it again unchanged.
    static func editableText(_ date: Date, calendar: ClinicCalendar) -> String {
        "\(calendar.localDay(of: date).description) \(calendar.time(date))"
    }
}
