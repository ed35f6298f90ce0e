import Foundation
import FrontdeskCore
import TerminalUI

/// The fields of the provider editor.
public enum ProviderField: Hashable, Sendable {
    case name, hours, active, services, absences, addAbsence, removeAbsence
    /// One weekday's ranges ("08:00-12:00, 13:00-18:00"; empty when not worked).
    case day(Weekday)
}

/// The provider editor: name, weekly hours (a field per weekday, kept in step with the text form
/// `Mon-Fri 08:00-18:00; Sat 09:00-13:00`), active, services delivered, and absences to add or
/// remove. It also creates a new provider. After a save that uncovers confirmed bookings it lists
/// them, and the desk opens each to move it.
public struct ProviderEditor: Sendable, Equatable {
    public var row: ProviderRow
    /// A provider not stored yet: Save adds it.
    public var isNew: Bool
    public var form: Form<ProviderField>
    /// Confirmed bookings the last save left outside the provider's time, still to be moved.
    public var uncovered: [Booking] = []
    public var selectedBooking = 0
    /// The booking list has the keys (after a save that uncovered bookings).
    public var isOnBookings = false
    public var isAskingToLeave = false
    public var isSaving = false
    public var desk = SessionDesk(refusalKeys: RefusalKeys(keymap: ServicesKeymap.uncovered.erased))

    init(row: ProviderRow, readOnly: Bool) {
        self.row = row
        isNew = false
        form = Self.makeForm(row, isNew: false, readOnly: readOnly)
    }

    /// A new provider: Monday to Friday 08:00–18:00, active, delivering nothing yet.
    static func new(readOnly: Bool) -> ProviderEditor {
        var editor = ProviderEditor(row: ProviderRow(provider: Provider(id: 0, name: "", hours: .weekdaysEightToSix), services: []),
                                    readOnly: readOnly)
        editor.isNew = true
        editor.form = makeForm(editor.row, isNew: true, readOnly: readOnly)
        return editor
    }

    static func makeForm(_ row: ProviderRow, isNew: Bool = false, readOnly: Bool) -> Form<ProviderField> {
        let hours = row.provider.hours
        var fields: [Form<ProviderField>.Field] = [
            .text(.name, label: "Name", value: row.provider.name, placeholder: "e.g. Dr Keller, Room 2"),
            .text(.hours, label: "Weekly hours", value: hours.description, placeholder: "Mon-Fri 08:00-18:00; Sat 09:00-13:00"),
        ]
        fields += Weekday.allCases.map { day in
            .text(.day(day), label: day.fullName, value: hours.dayText(on: day), placeholder: "not worked (e.g. 08:00-12:00, 13:00-18:00)")
        }
        fields += [
            .choice(.active, label: "Active", options: ["no", "yes"], selected: row.provider.isActive ? 1 : 0),
            .text(.services, label: "Services", value: row.services.joined(separator: ", "), placeholder: "comma separated"),
        ]
        if !isNew {
            let absences = row.provider.absences.map(\.description).joined(separator: "; ")
            fields.append(.info(.absences, label: "Absences", text: absences.isEmpty ? "none" : absences))
        }
        fields.append(.text(.addAbsence, label: "Add absence", placeholder: "2026-07-20 to 2026-08-02, holiday"))
        if !isNew {
            fields.append(.text(.removeAbsence, label: "Remove absence", placeholder: "its first day, e.g. 2026-07-20"))
        }
        return Form(fields, isReadOnly: readOnly)
    }

    public var isReadOnly: Bool { form.isReadOnly }
    public var title: String { isNew ? "New provider" : "Provider: \(row.provider.name)" }

    /// What the weekday fields hold, by weekday.
    var dayTexts: [Weekday: String] {
        Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, form.text(.day($0))) })
    }

    /// After an edit of `field`: keeps the text form and the weekday fields in step, and shows
    /// under the field whatever does not read. Each side is rewritten only from valid hours, so a
    /// half-typed range never wipes the other.
    mutating func syncHours(after field: ProviderField) {
        switch field {
        case .hours:
            do {
                let hours = try WorkingHours.parse(form.text(.hours), refusingOverlaps: true)
                form.setError(nil, for: .hours)
                for day in Weekday.allCases {
                    form.setText(hours.dayText(on: day), for: .day(day))
                    form.setError(nil, for: .day(day))
                }
            } catch {
                form.setError("\(error)", for: .hours)
            }
        case .day:
            let (hours, problems) = WorkingHours.fromDays(dayTexts)
            for day in Weekday.allCases { form.setError(problems[day].map { "\($0)" }, for: .day(day)) }
            if let hours {
                form.setText(hours.description, for: .hours)
                form.setError(nil, for: .hours)
            }
        default:
            break
        }
    }

    /// The hours the fields give, or the problems under the fields that do not read.
    func readHours() -> (WorkingHours?, [ProviderField: String]) {
        var problems: [ProviderField: String] = [:]
        let (hours, dayProblems) = WorkingHours.fromDays(dayTexts)
        for (day, problem) in dayProblems { problems[.day(day)] = "\(problem)" }
        do { _ = try WorkingHours.parse(form.text(.hours), refusingOverlaps: true) } catch { problems[.hours] = "\(error)" }
        return (problems.isEmpty ? hours : nil, problems)
    }

    /// The changes typed (for a new provider: everything), or the problems under their fields.
    func changes(calendar: ClinicCalendar, now: Date) -> (ProviderChanges?, [ProviderField: String]) {
        var changes = ProviderChanges()
        let provider = row.provider
        let name = form.text(.name).trimmingCharacters(in: .whitespaces)
        var (hours, problems) = readHours()
        if name.isEmpty { problems[.name] = "is empty: type the provider's name." } else if isNew || name != provider.name { changes.name = name }
        if let hours, isNew || hours != provider.hours { changes.hours = hours }
        let active = form.selectedIndex(.active) == 1
        if isNew || active != provider.isActive { changes.isActive = active }
        let services = form.text(.services).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if isNew || services != row.services { changes.services = services }
        let parser = DateInputParser(calendar: calendar, now: now)
        let adding = form.text(.addAbsence).trimmingCharacters(in: .whitespaces)
        if !adding.isEmpty {
            let (range, reason) = Self.split(adding)
            let ends = range.components(separatedBy: " to ").flatMap { $0.components(separatedBy: "..") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            do {
                let first = try parser.parseDay(ends[0])
                let last = ends.count > 1 ? try parser.parseDay(ends[1]) : first
                if last < first {
                    problems[.addAbsence] = "ends before it starts: put the first day first."
                } else {
                    changes.addAbsence = (first, last, reason)
                }
            } catch {
                problems[.addAbsence] = "\(error) Write it like 2026-07-20 to 2026-08-02, holiday."
            }
        }
        let removing = form.text(.removeAbsence).trimmingCharacters(in: .whitespaces)
        if !removing.isEmpty {
            if let day = try? parser.parseDay(removing), provider.absences.contains(where: { $0.first == day }) {
                changes.removeAbsence = day
            } else {
                let listed = provider.absences.map { $0.first.description }.joined(separator: ", ")
                problems[.removeAbsence] = "no absence starts on “\(removing)”. \(listed.isEmpty ? "There are none." : "Absences start on \(listed).")"
            }
        }
        return (problems.isEmpty ? changes : nil, problems)
    }

    /// "2026-07-20 to 2026-08-02, holiday" → the days and the reason.
    static func split(_ text: String) -> (String, String) {
        guard let comma = text.firstIndex(of: ",") else { return (text, "") }
        return (String(text[..<comma]), text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces))
    }

    /// True when something typed would be lost by leaving.
    func hasUnsavedChanges(calendar: ClinicCalendar, now: Date) -> Bool {
        if isNew { return form.fields.map(\.text) != Self.makeForm(row, isNew: true, readOnly: form.isReadOnly).fields.map(\.text) }
        let (changes, problems) = self.changes(calendar: calendar, now: now)
        return !problems.isEmpty || changes?.isEmpty == false
    }

    /// The booking under the cursor in the uncovered list.
    var selectedUncovered: Booking? { uncovered.indices.contains(selectedBooking) ? uncovered[selectedBooking] : nil }
}
