import Foundation
import FrontdeskCore
import TerminalUI

/// The list's filters as staff chose them: what the grouped list and the agenda show.
public struct BookingsFilter: Sendable, Equatable {
    public var fromDay: LocalDay?
    public var toDay: LocalDay?
    public var providerID: Int64?
    public var providerName: String?
    public var state: TreatmentFilter.State?
    public var strategy: Strategy?
    public var customerQuery: String?

    public init() {}

    /// True when anything narrows the list.
    public var isActive: Bool {
        fromDay != nil || toDay != nil || providerID != nil || state != nil || strategy != nil
            || !(customerQuery ?? "").isEmpty
    }

    /// The store's filter for the grouped list; `to` includes the whole last day.
    public func treatmentFilter(calendar: ClinicCalendar) -> TreatmentFilter {
        TreatmentFilter(from: fromDay.map(calendar.startOfDay), to: toDay.map { calendar.startOfDay($0.adding(days: 1)) },
                        providerID: providerID, strategy: strategy, state: state,
                        customerQuery: (customerQuery ?? "").isEmpty ? nil : customerQuery)
    }

    /// The store's filter for the agenda: provider and booking status.
    public func agendaFilter(now: Date) -> AgendaFilter {
        let statuses: Set<BookingStatus>?
        switch state {
        case .needsOutcome?: return AgendaFilter(providerID: providerID, statuses: [.confirmed], endedBy: now)
        case .active?: statuses = [.confirmed]
        case .completed?: statuses = [.completed]
        case .cancelled?: statuses = [.cancelled]
        case .toBook?, .ended?, .expired?, nil: statuses = nil
        }
        return AgendaFilter(providerID: providerID, statuses: statuses)
    }

    /// "Search: weber · Provider: Lea Meier · Status: active", or "All treatments".
    public func summary(calendar: ClinicCalendar) -> String {
        var parts: [String] = []
        if let query = customerQuery, !query.isEmpty { parts.append("Search: \(query)") }
        if fromDay != nil || toDay != nil {
            let from = fromDay.map { calendar.shortDayWithYear($0) } ?? "…"
            let to = toDay.map { calendar.shortDayWithYear($0) } ?? "…"
            parts.append("Dates: \(from) – \(to)")
        }
        if let name = providerName { parts.append("Provider: \(name)") }
        if let state { parts.append("Status: \(state.label)") }
        if let strategy { parts.append("Strategy: \(strategy.rawValue)") }
        return parts.isEmpty ? "All treatments and appointments" : parts.joined(separator: " · ")
    }
}

/// The filter dialog: two date fields and three choices on the toolkit's form; Enter applies.
public struct FilterForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case from, to, provider, status, strategy }

    public var form: Form<Field>
    public var providerIDs: [Int64?]

    public static let statusOptions: [TreatmentFilter.State?] = [nil] + TreatmentFilter.State.allCases
    public static let strategyOptions: [Strategy?] = [nil] + Strategy.allCases

    public init(filter: BookingsFilter, providers: [Provider]) {
        providerIDs = [nil] + providers.map(\.id)
        form = Form([
            .text(.from, label: "From day", value: filter.fromDay?.description ?? "",
                  placeholder: "any day (e.g. today, 1.3., -2w)"),
            .text(.to, label: "To day", value: filter.toDay?.description ?? "", placeholder: "any day (e.g. +4w, 2026-06-30)"),
            .choice(.provider, label: "Provider", options: ["All providers"] + providers.map(\.name),
                    selected: providerIDs.firstIndex(of: filter.providerID) ?? 0),
            .choice(.status, label: "Status", options: FilterForm.statusOptions.map { $0?.label ?? "any status" },
                    selected: FilterForm.statusOptions.firstIndex(of: filter.state) ?? 0),
            .choice(.strategy, label: "Strategy", options: FilterForm.strategyOptions.map { $0?.rawValue ?? "any strategy" },
                    selected: FilterForm.strategyOptions.firstIndex(of: filter.strategy) ?? 0),
        ], labelWidth: 10)
    }

    /// The focused field.
    public var focus: Field { form.focusedID ?? .from }

    /// Moving the focus and editing the focused field; false when the key is not the form's.
    public mutating func handle(_ key: Key) -> Bool { form.handle(key) }

    /// The filter the form describes; a date that is not understood is shown under its field.
    public mutating func filter(keeping old: BookingsFilter, parser: DateInputParser) -> BookingsFilter? {
        var result = old
        form.clearErrors()
        result.fromDay = day(.from, parser: parser)
        result.toDay = day(.to, parser: parser)
        if let a = result.fromDay, let b = result.toDay, b < a {
            form.setError("The last day comes before the first day. Swap them.", for: .to)
        }
        guard !form.hasErrors else { return nil }
        let provider = form.selectedIndex(.provider) ?? 0
        result.providerID = providerIDs[provider]
        result.providerName = result.providerID == nil ? nil : form.text(.provider)
        result.state = FilterForm.statusOptions[form.selectedIndex(.status) ?? 0]
        result.strategy = FilterForm.strategyOptions[form.selectedIndex(.strategy) ?? 0]
        return result
    }

    private mutating func day(_ field: Field, parser: DateInputParser) -> LocalDay? {
        let text = form.text(field).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        do {
            return try parser.parseDay(text)
        } catch {
            form.setError(error.description, for: field)
            return nil
        }
    }
}
