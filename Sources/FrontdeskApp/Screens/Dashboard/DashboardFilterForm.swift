import Foundation
import FrontdeskCore
import TerminalUI

/// The Dashboard's filter dialog on the toolkit's form: the period of the rates (a named one, or
/// from–to typed as dates), a provider and a service. Enter applies; a problem shows under its field.
public struct DashboardFilterForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case period, from, to, provider, service }

    public var form: Form<Field>
    public var providerIDs: [Int64?]
    public var serviceIDs: [Int64?]

    /// The period choices: the named periods, then "from – to".
    public static let periodOptions = KPIPeriod.offered.map(\.label) + [rangeOption]
    static let rangeOption = "from – to (the days below)"

    public init(query: DashboardQuery, providers: [Provider], services: [Service]) {
        providerIDs = [nil] + providers.map(\.id)
        serviceIDs = [nil] + services.map(\.id)
        var from = "", to = ""
        var periodIndex = KPIPeriod.offered.firstIndex(of: query.period) ?? KPIPeriod.offered.count
        if case let .days(first, last) = query.period {
            from = first.description
            to = last.description
            periodIndex = KPIPeriod.offered.count
        }
        form = Form([
            .choice(.period, label: "Period", options: Self.periodOptions, selected: periodIndex),
            .text(.from, label: "From day", value: from, placeholder: "e.g. 1.3., 2026-03-01, -4w"),
            .text(.to, label: "To day", value: to, placeholder: "e.g. today, 2026-03-31"),
            .choice(.provider, label: "Provider", options: ["All providers"] + providers.map(\.name),
                    selected: providerIDs.firstIndex(of: query.providerID) ?? 0),
            .choice(.service, label: "Service", options: ["All services"] + services.map(\.name),
                    selected: serviceIDs.firstIndex(of: query.serviceID) ?? 0),
        ], labelWidth: 10)
    }

    /// Moving the focus and editing the focused field; false when the key is not the form's.
    public mutating func handle(_ key: Key) -> Bool { form.handle(key) }

    /// The query the form describes, or nil with the problems shown under their fields.
    public mutating func query(parser: DateInputParser) -> DashboardQuery? {
        form.clearErrors()
        var query = DashboardQuery()
        let periodIndex = form.selectedIndex(.period) ?? 0
        let fromText = form.text(.from).trimmingCharacters(in: .whitespaces)
        let toText = form.text(.to).trimmingCharacters(in: .whitespaces)
        if periodIndex < KPIPeriod.offered.count {
            query.period = KPIPeriod.offered[periodIndex]
            if !fromText.isEmpty || !toText.isEmpty {
                form.setError("Days are used with the period “from – to”: choose it above, or clear the days.", for: .period)
            }
        } else {
            let first = day(.from, text: fromText, parser: parser)
            let last = day(.to, text: toText, parser: parser)
            if let first, let last {
                if last < first {
                    form.setError("The last day comes before the first day. Swap them.", for: .to)
                } else {
                    query.period = .days(from: first, to: last)
                }
            }
        }
        guard !form.hasErrors else { return nil }
        query.providerID = providerIDs[form.selectedIndex(.provider) ?? 0]
        query.serviceID = serviceIDs[form.selectedIndex(.service) ?? 0]
        return query
    }

    private mutating func day(_ field: Field, text: String, parser: DateInputParser) -> LocalDay? {
        guard !text.isEmpty else {
            form.setError("Type the \(field == .from ? "first" : "last") day of the period (e.g. 1.3. or 2026-03-31).", for: field)
            return nil
        }
        do {
            return try parser.parseDay(text)
        } catch {
            form.setError(error.description, for: field)
            return nil
        }
    }

    /// Draws the dialog centred in `screen`.
    func render(in screen: Rect, into buffer: inout Buffer, theme: Theme) {
        let frame = screen.centered(width: min(screen.width, 72), height: min(screen.height, form.height + 4))
        buffer.fill(frame, style: theme[.normal])
        let box = Box(title: "Dashboard filter", role: .accent)
        box.render(into: &buffer, area: frame, theme: theme)
        let inner = box.inner(of: frame).inset(left: 1, right: 1)
        buffer.write("Rates over the period; every figure for the provider and service:", at: inner.x, y: inner.y,
                     style: theme[.normal], maxWidth: inner.width, ellipsis: theme.symbols.ellipsis)
        buffer.render(form, in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2)), theme: theme)
    }
}
