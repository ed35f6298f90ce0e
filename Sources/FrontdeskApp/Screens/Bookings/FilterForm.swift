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
    public var agendaFilter: AgendaFilter {
        let statuses: Set<BookingStatus>?
        switch state {
        case .active?, .needsOutcome?: statuses = [.confirmed]
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

/// The filter dialog: two date fields and three choices, Tab/↑/↓ between them, Enter applies.
public struct FilterForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case from, to, provider, status, strategy }

    public var focus: Field = .from
    public var from: TextField
    public var to: TextField
    public var provider: Select
    public var status: Select
    public var strategy: Select
    public var providerIDs: [Int64?]
    public var error: String?

    public static let statusOptions: [TreatmentFilter.State?] = [nil] + TreatmentFilter.State.allCases
    public static let strategyOptions: [Strategy?] = [nil] + Strategy.allCases

    public init(filter: BookingsFilter, providers: [Provider]) {
        from = TextField(value: filter.fromDay?.description ?? "", placeholder: "any day (e.g. today, 1.3., -2w)")
        to = TextField(value: filter.toDay?.description ?? "", placeholder: "any day (e.g. +4w, 2026-06-30)", isFocused: false)
        providerIDs = [nil] + providers.map(\.id)
        provider = Select(options: ["All providers"] + providers.map(\.name),
                          selectedIndex: providerIDs.firstIndex(of: filter.providerID) ?? 0, isFocused: false)
        status = Select(options: FilterForm.statusOptions.map { $0?.label ?? "any status" },
                        selectedIndex: FilterForm.statusOptions.firstIndex(of: filter.state) ?? 0, isFocused: false)
        strategy = Select(options: FilterForm.strategyOptions.map { $0?.rawValue ?? "any strategy" },
                          selectedIndex: FilterForm.strategyOptions.firstIndex(of: filter.strategy) ?? 0, isFocused: false)
    }

    /// Moves the focus to the next (or previous) field.
    public mutating func moveFocus(by step: Int) {
        let count = Field.allCases.count
        focus = Field(rawValue: (focus.rawValue + step + count) % count)!
        from.isFocused = focus == .from
        to.isFocused = focus == .to
        provider.isFocused = focus == .provider
        status.isFocused = focus == .status
        strategy.isFocused = focus == .strategy
    }

    /// Applies an editing key to the focused field; false when it is not for the field.
    public mutating func edit(_ key: Key) -> Bool {
        switch focus {
        case .from: return from.handle(key)
        case .to: return to.handle(key)
        case .provider: return handleSelect(&provider, key)
        case .status: return handleSelect(&status, key)
        case .strategy: return handleSelect(&strategy, key)
        }
    }

    private func handleSelect(_ select: inout Select, _ key: Key) -> Bool {
        switch key {
        case .left, .character("h"): select.selectPrevious()
        case .right, .character("l"), .character(" "): select.selectNext()
        default: return false
        }
        return true
    }

    /// The filter the form describes, or why a date is not understood.
    public func filter(keeping old: BookingsFilter, parser: DateInputParser) -> Result<BookingsFilter, AppFailure> {
        var result = old
        do {
            let fromText = from.value.trimmingCharacters(in: .whitespaces)
            let toText = to.value.trimmingCharacters(in: .whitespaces)
            result.fromDay = fromText.isEmpty ? nil : try parser.parseDay(fromText)
            result.toDay = toText.isEmpty ? nil : try parser.parseDay(toText)
        } catch {
            return .failure(AppFailure(message: error.description))
        }
        if let a = result.fromDay, let b = result.toDay, b < a {
            return .failure(AppFailure(message: "The last day comes before the first day. Swap them."))
        }
        result.providerID = providerIDs[provider.selectedIndex]
        result.providerName = result.providerID == nil ? nil : provider.selectedOption
        result.state = FilterForm.statusOptions[status.selectedIndex]
        result.strategy = FilterForm.strategyOptions[strategy.selectedIndex]
        return .success(result)
    }
}
