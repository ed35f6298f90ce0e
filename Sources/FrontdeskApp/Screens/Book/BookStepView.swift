import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the body of the current step, top to bottom, keeping track of the next free row.
struct BookStepView {
    let flow: BookFlow
    let theme: Theme
    var y = 0
    var area = Rect(width: 0, height: 0)

    init(flow: BookFlow, theme: Theme) {
        self.flow = flow
        self.theme = theme
    }

    var calendar: ClinicCalendar { flow.calendar }
    var rowsLeft: Int { max(0, area.maxY - y) }

    mutating func render(into buffer: inout Buffer, area: Rect) {
        self.area = area
        y = area.y
        switch flow.step {
        case .customer: customer(&buffer)
        case .newCustomer: newCustomer(&buffer)
        case .service: service(&buffer)
        case .provider: provider(&buffer)
        case .immediateStart: immediateStart(&buffer)
        case .immediatePreview: immediatePreview(&buffer)
        case .flexibleCount: flexibleCount(&buffer)
        case .flexibleMode: flexibleMode(&buffer)
        case .flexiblePattern: flexiblePattern(&buffer)
        case .flexibleProposal: flexibleProposal(&buffer)
        case .sessionDates: sessionDates(&buffer)
        case .rebookPreview: rebookPreview(&buffer)
        case .confirm: confirm(&buffer)
        }
    }

    // MARK: - Building blocks

    /// One line of text; returns nothing, moves down a row.
    mutating func line(_ text: String, _ buffer: inout Buffer, role: ThemeRole = .normal, indent: Int = 0) {
        guard y < area.maxY else { return }
        buffer.write(text, at: area.x + indent, y: y, style: theme[role], maxWidth: area.width - indent,
                     ellipsis: theme.symbols.ellipsis)
        y += 1
    }

    /// A sentence wrapped over as many rows as it needs (and as are left).
    mutating func paragraph(_ text: String, _ buffer: inout Buffer, role: ThemeRole = .normal, indent: Int = 0) {
        for part in TextWrap.lines(text, width: area.width - indent) { line(part, &buffer, role: role, indent: indent) }
    }

    mutating func blank() { y += 1 }

    /// "Label  [field…]" with the field `width` wide (the rest of the row when nil).
    mutating func field(_ label: String, _ field: TextField, _ buffer: inout Buffer, labelWidth: Int = 8, width: Int? = nil) {
        guard y < area.maxY else { return }
        buffer.write(label, at: area.x, y: y, style: theme[.header], maxWidth: labelWidth)
        let x = area.x + labelWidth
        let fieldWidth = min(width ?? (area.maxX - x), area.maxX - x)
        field.render(into: &buffer, area: Rect(x: x, y: y, width: fieldWidth, height: 1), theme: theme)
        y += 1
    }

    /// A form of the toolkit, as many rows as it needs (and as are left).
    mutating func formBlock<ID: Hashable & Sendable>(_ form: Form<ID>, _ buffer: inout Buffer) {
        let height = min(rowsLeft, form.height)
        form.render(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: height), theme: theme)
        y += height
    }

    /// A table filling at most `maxRows` rows (header included) of what is left.
    mutating func table(_ table: Table, _ buffer: inout Buffer, maxRows: Int? = nil) {
        let wanted = table.rows.count + (table.showsHeader ? 1 : 0)
        let height = min(rowsLeft, maxRows ?? wanted, max(wanted, 2))
        table.render(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: height), theme: theme)
        y += height
    }

    // MARK: - Customer

    mutating func customer(_ buffer: inout Buffer) {
        let search = flow.customers
        line("Who is the booking for? Type a name or a phone number.", &buffer)
        blank()
        field("Search", search.field, &buffer)
        blank()
        var rows = search.results.map { customer in
            Table.Row(texts: [customer.name, customer.phone ?? "", customer.email ?? ""])
        }
        let typed = search.field.value.trimmingCharacters(in: .whitespaces)
        rows.append(Table.Row([Table.Item("+ New customer" + (typed.isEmpty ? "" : " “\(typed)”"), role: .accent),
                               Table.Item("Ctrl-N", role: .dim)]))
        let columns = [Table.Column("Name", width: .flexible(3)), Table.Column("Phone", width: .fixed(18)),
                       Table.Column("Email", width: .flexible(2))]
        table(Table(columns: columns, rows: rows, selectedIndex: search.selected), &buffer, maxRows: rowsLeft)
    }

    mutating func newCustomer(_ buffer: inout Buffer) {
        let form = flow.newCustomer
        paragraph("New customer: a name, and a phone or an email so they get the confirmation.", &buffer)
        blank()
        formBlock(form.form, &buffer)
        blank()
        if form.isSaving { line("Saving…", &buffer, role: .dim) }
    }

    // MARK: - Service

    mutating func service(_ buffer: inout Buffer) {
        let search = flow.services
        paragraph("Which service? Type its name or what the customer asked for, e.g. implant.", &buffer)
        blank()
        field("Search", search.field, &buffer)
        blank()
        let rows = search.results.map { service in
            Table.Row(texts: [service.name, Self.sessionsText(service), service.isMultiSession ? service.strategy.rawValue : "single"])
        }
        let columns = [Table.Column("Service", width: .flexible(1)), Table.Column("Sessions", width: .fixed(12)),
                       Table.Column("Strategy", width: .fixed(10))]
        // The list takes what the highlighted service's description (title and up to five lines) leaves.
        let listRows = min(search.results.count + 1, max(3, rowsLeft - 8))
        table(Table(columns: columns, rows: rows, selectedIndex: search.selected,
                    emptyMessage: "No service matches. Try another word."), &buffer, maxRows: listRows)
        guard let highlighted = search.highlighted else { return }
        blank()
        line(highlighted.name, &buffer, role: .title)
        for text in ServiceDescription(service: highlighted).lines { paragraph(text, &buffer) }
    }

    static func sessionsText(_ service: Service) -> String {
        service.isMultiSession ? "\(service.totalSessions) \(service.definition.sessionNoun.lowercased())s" : "1"
    }

    // MARK: - Provider

    mutating func provider(_ buffer: inout Buffer) {
        let choice = flow.providers
        guard let service = flow.services.chosen else {
            line("Loading the treatment…", &buffer, role: .dim)
            return
        }
        paragraph("Who delivers \(service.name)? Enter takes “Any available”.", &buffer)
        blank()
        var rows = [Table.Row([Table.Item("Any available"), Table.Item("the first provider free at the chosen times", role: .dim)])]
        rows += choice.providers.map { provider in
            Table.Row([Table.Item(provider.name), Table.Item("works \(provider.hours)", role: .dim)])
        }
        let columns = [Table.Column("Provider", width: .flexible(1)), Table.Column("", width: .flexible(2))]
        table(Table(columns: columns, rows: rows, selectedIndex: choice.selected, showsHeader: false), &buffer,
              maxRows: min(rowsLeft, rows.count))
        if choice.loadedFor == nil { line("Loading providers…", &buffer, role: .dim) }
    }
}
