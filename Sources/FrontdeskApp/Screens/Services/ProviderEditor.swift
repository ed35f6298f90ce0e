import Foundation
import FrontdeskCore
import TerminalUI

/// The fields of the provider editor.
public enum ProviderField: Hashable, Sendable {
    case name, hours, active, services, absences, addAbsence, removeAbsence
}

/// The provider editor: name, weekly hours (the text form `Mon-Fri 08:00-18:00; Sat 09:00-13:00`),
/// active, services delivered, and absences to add or remove. After a save that uncovers confirmed
/// bookings it lists them, and the desk opens each to move it.
public struct ProviderEditor: Sendable, Equatable {
    public var row: ProviderRow
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
        form = Self.makeForm(row, readOnly: readOnly)
    }

    static func makeForm(_ row: ProviderRow, readOnly: Bool) -> Form<ProviderField> {
        let absences = row.provider.absences.map(\.description).joined(separator: "; ")
        return Form([
            .text(.name, label: "Name", value: row.provider.name),
            .text(.hours, label: "Weekly hours", value: row.provider.hours.description, placeholder: "Mon-Fri 08:00-18:00; Sat 09:00-13:00"),
            .choice(.active, label: "Active", options: ["no", "yes"], selected: row.provider.isActive ? 1 : 0),
            .text(.services, label: "Services", value: row.services.joined(separator: ", "), placeholder: "comma separated"),
            .info(.absences, label: "Absences", text: absences.isEmpty ? "none" : absences),
            .text(.addAbsence, label: "Add absence", placeholder: "2026-07-20 to 2026-08-02, holiday"),
            .text(.removeAbsence, label: "Remove absence", placeholder: "its first day, e.g. 2026-07-20"),
        ], isReadOnly: readOnly)
    }

    public var isReadOnly: Bool { form.isReadOnly }

    /// The changes typed, or the problems under their fields.
    func changes(calendar: ClinicCalendar, now: Date) -> (ProviderChanges?, [ProviderField: String]) {
        var changes = ProviderChanges()
        var problems: [ProviderField: String] = [:]
        let provider = row.provider
        let name = form.text(.name).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { problems[.name] = "is empty: type the provider's name." } else if name != provider.name { changes.name = name }
        let hoursText = form.text(.hours)
        do {
            let hours = try WorkingHours.parse(hoursText)
            if hours != provider.hours { changes.hours = hours }
        } catch {
            problems[.hours] = "\(error)"
        }
        let active = form.selectedIndex(.active) == 1
        if active != provider.isActive { changes.isActive = active }
        let services = form.text(.services).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if services != row.services { changes.services = services }
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
        let (changes, problems) = self.changes(calendar: calendar, now: now)
        return !problems.isEmpty || changes?.isEmpty == false
    }

    /// The booking under the cursor in the uncovered list.
    var selectedUncovered: Booking? { uncovered.indices.contains(selectedBooking) ? uncovered[selectedBooking] : nil }
}
