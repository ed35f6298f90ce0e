import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the Services screen: the views, the read-only line for non-managers, the list of services
/// or providers, or an editor, and any question.
enum ServicesView {
    static func render(_ screen: ServicesScreen, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        buffer.fill(area, style: theme[.normal])
        guard area.height > 2 else { return }
        let header = area.row(0)
        var body = area.inset(top: 1)
        renderHeader(screen, into: &buffer, area: header, theme: theme)
        if case .readOnly(let reason) = screen.access {
            let lines = ServiceEditorView.wrapped(["Read only: \(reason)"], width: body.width - 2).prefix(3)
            for (index, line) in lines.enumerated() {
                buffer.write(line, at: body.x + 1, y: body.y + index, style: theme[.warning], maxWidth: body.width - 2,
                             ellipsis: theme.symbols.ellipsis)
            }
            body = body.inset(top: lines.count)
        }
        if let editor = screen.editor {
            ServiceEditorView.render(editor, into: &buffer, area: body, context: context)
        } else if let editor = screen.providerEditor {
            ProviderEditorView.render(editor, into: &buffer, area: body, context: context)
        } else {
            switch screen.view {
            case .services: renderServices(screen, into: &buffer, area: body, theme: theme)
            case .providers: renderProviders(screen, into: &buffer, area: body, theme: theme)
            case .closedDays: ClosedDaysView.render(screen.closedDays, mayChange: screen.mayChange, into: &buffer, area: body, context: context)
            }
        }
        if let row = screen.confirmingActive {
            let question = row.isActive
                ? Dialog(title: "Deactivate \(row.name)?",
                         message: ["It will not be offered for new bookings.",
                                   "Its \(row.activeTreatments) active treatment\(row.activeTreatments == 1 ? "" : "s") go on; nothing is deleted.",
                                   "y deactivates it; n or Esc keeps it as is."],
                         buttons: ["Deactivate", "Keep as is"], focusedButton: 1, role: .warning)
                : Dialog(title: "Activate \(row.name) again?", message: ["It will be offered for new bookings.", "y activates it; n or Esc keeps it as is."],
                         buttons: ["Activate", "Keep as is"], focusedButton: 1)
            buffer.render(question, in: area, theme: theme)
        }
    }

    private static func renderHeader(_ screen: ServicesScreen, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let views = ServicesScreen.View.allCases
        let titles = views.map(\.title)
        let tabs = Tabs(titles: titles, activeIndex: views.firstIndex(of: screen.view) ?? 0)
        let width = titles.reduce(0) { $0 + TextWidth.width(of: $1) + 3 }
        buffer.render(tabs, in: Rect(x: area.x, y: area.y, width: min(width, area.width), height: 1), theme: theme)
        var note: String
        switch screen.view {
        case .services: note = "\(screen.services.count) services, \(screen.services.filter { !$0.isActive }.count) inactive"
        case .providers: note = screen.providers.count == 1 ? "1 provider" : "\(screen.providers.count) providers"
        case .closedDays: note = screen.closedDays.days.count == 1 ? "1 closed day" : "\(screen.closedDays.days.count) closed days"
        }
        if screen.isLoading { note = "reading…" }
        buffer.write(note, at: area.x + width + 1, y: area.y, style: theme[.dim], maxWidth: max(0, area.width - width - 1),
                     ellipsis: theme.symbols.ellipsis)
    }

    static func price(_ cents: Int?) -> String {
        guard let cents else { return "—" }
        return cents % 100 == 0 ? "\(cents / 100)" : String(format: "%d.%02d", cents / 100, cents % 100)
    }

    private static func renderServices(_ screen: ServicesScreen, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let wide = area.width >= 100
        var columns: [Table.Column] = [
            Table.Column("Service", width: .flexible(3)),
            Table.Column("Strategy", width: .fixed(10)),
            Table.Column("Sessions", width: .fixed(8), alignment: .right),
            Table.Column("Rule", width: .flexible(3)),
            Table.Column("Price", width: .fixed(7), alignment: .right),
            Table.Column(wide ? "Active treatments" : "Active", width: .fixed(wide ? 17 : 6), alignment: .right),
        ]
        if wide { columns.append(Table.Column("", width: .fixed(8))) }
        let rows = screen.services.map { row in
            var items: [Table.Item] = [
                Table.Item(row.name), Table.Item(row.isMultiSession ? row.strategy.rawValue : "single"),
                Table.Item("\(row.totalSessions)"), Table.Item(row.rule), Table.Item(price(row.priceCents)),
                Table.Item("\(row.activeTreatments)"),
            ]
            if wide { items.append(Table.Item(row.isActive ? "" : "inactive", role: .dim)) }
            return Table.Row(items, role: row.isActive ? nil : .dim)
        }
        let table = Table(columns: columns, rows: rows, selectedIndex: screen.services.isEmpty ? nil : screen.selectedService,
                          emptyMessage: screen.isLoading ? "Reading the services…"
                              : "No services yet. \(ServicesKeymap.name(.new)) adds one (or `frontdesk service import FILE`).")
        buffer.render(table, in: area.inset(left: 1, right: 1), theme: theme)
    }

    private static func renderProviders(_ screen: ServicesScreen, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let columns: [Table.Column] = [
            Table.Column("Provider", width: .flexible(2)),
            Table.Column("Weekly hours", width: .flexible(3)),
            Table.Column("Active", width: .fixed(6)),
            Table.Column("Absences", width: .flexible(2)),
            Table.Column("Services", width: .flexible(2)),
        ]
        let rows = screen.providers.map { row in
            Table.Row([
                Table.Item(row.provider.name), Table.Item(row.provider.hours.description),
                Table.Item(row.provider.isActive ? "yes" : "no"),
                Table.Item(row.provider.absences.isEmpty ? "—" : row.provider.absences.map(\.description).joined(separator: "; ")),
                Table.Item(row.services.joined(separator: ", ")),
            ], role: row.provider.isActive ? nil : .dim)
        }
        let table = Table(columns: columns, rows: rows, selectedIndex: screen.providers.isEmpty ? nil : screen.selectedProvider,
                          emptyMessage: "No providers yet. \(ServicesKeymap.name(.new)) adds one (or `frontdesk provider add`).")
        buffer.render(table, in: area.inset(left: 1, right: 1), theme: theme)
    }
}

/// Draws the service editor: what Save needs, the form with its inline errors, and the live preview
/// beside it (wide terminals) or under it.
enum ServiceEditorView {
    static func render(_ editor: ServiceEditor, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        guard area.height > 3 else { return }
        var title = editor.title
        if !editor.isNew, editor.activeTreatments > 0 { title += " · " + ServiceEditor.keepRulesLine(editor.activeTreatments) }
        buffer.write(title, at: area.x + 1, y: area.y, style: theme[.title], maxWidth: area.width - 2, ellipsis: theme.symbols.ellipsis)
        var lines: [(String, ThemeRole)] = []
        if let blocker = editor.saveBlocker {
            lines.append((blocker, .statusError))
            // The focused field's problem in full (under the field it may be cut to the column).
            if let id = editor.form.focusedID, let field = editor.form[id], let error = field.error {
                lines.append(("\(field.label.isEmpty ? "Strategy" : field.label): \(error)", .statusError))
            }
            lines += editor.otherProblems.map { ($0, ThemeRole.statusError) }
        } else if !editor.isReadOnly {
            lines.append(("The form is valid: \(ServicesKeymap.name(.save)) saves it.", .statusSuccess))
        }
        lines = lines.flatMap { line in wrapped([line.0], width: area.width - 2).map { ($0, line.1) } }
        for (index, line) in lines.prefix(3).enumerated() {
            buffer.write(line.0, at: area.x + 1, y: area.y + 1 + index, style: theme[line.1], maxWidth: area.width - 2,
                         ellipsis: theme.symbols.ellipsis)
        }
        let body = area.inset(top: 1 + min(lines.count, 3))
        let formArea: Rect
        let previewArea: Rect
        if body.width >= 110 {
            let parts = body.columns([.fill(9), .fill(11)], spacing: 1)
            formArea = parts[0].inset(top: 1)
            previewArea = parts[1]
        } else {
            let previewHeight = min(max(wrapped(editor.preview, width: body.width - 2).count + 2, 4), max(4, body.height / 2))
            let parts = body.rows([.fill, .fixed(previewHeight)])
            formArea = parts[0].inset(top: 1)
            previewArea = parts[1]
        }
        buffer.render(editor.form, in: formArea.inset(left: 1, right: 1), theme: theme)
        let box = Box(title: "How it works")
        buffer.render(box, in: previewArea, theme: theme)
        let inner = box.inner(of: previewArea)
        for (index, line) in wrapped(editor.preview, width: inner.width).prefix(inner.height).enumerated() {
            let role: ThemeRole = line.hasPrefix("     ") ? .warning : .normal
            buffer.write(line, at: inner.x, y: inner.y + index, style: theme[role], maxWidth: inner.width, ellipsis: theme.symbols.ellipsis)
        }
        if editor.isAskingToLeave {
            let question = Dialog(title: "Leave without saving?",
                                  message: ["Your changes to \(editor.isNew ? "the new service" : editor.original.name) are not saved.",
                                            "y leaves and loses them; n or Esc goes on editing."],
                                  buttons: ["Leave", "Keep editing"], focusedButton: 1, role: .warning)
            buffer.render(question, in: area, theme: theme)
        }
    }
}

extension ServiceEditorView {
    /// The preview's lines broken at spaces to `width`; continuation lines keep the line's indent.
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        guard width > 10 else { return lines }
        var result: [String] = []
        for line in lines {
            if TextWidth.width(of: line) <= width {
                result.append(line)
                continue
            }
            let indent = String(line.prefix { $0 == " " })
            var current = ""
            // Empty pieces are the second space of a double space: kept, so columns stay apart.
            for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
                let candidate = current.isEmpty ? indent + word : current + " " + word
                if TextWidth.width(of: candidate) > width, !current.isEmpty {
                    result.append(current)
                    current = indent + "  " + word
                } else {
                    current = candidate
                }
            }
            result.append(current)
        }
        return result
    }
}

/// Draws the provider editor and the bookings a change left outside the provider's time.
enum ProviderEditorView {
    static func render(_ editor: ProviderEditor, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        guard area.height > 3 else { return }
        buffer.write(editor.title, at: area.x + 1, y: area.y, style: theme[.title], maxWidth: area.width - 2,
                     ellipsis: theme.symbols.ellipsis)
        // The focused field's problem in full (under the field it may be cut to the column).
        if let id = editor.form.focusedID, let field = editor.form[id], let error = field.error {
            buffer.write("\(field.label): \(error)", at: area.x + 1, y: area.y + 1, style: theme[.statusError], maxWidth: area.width - 2,
                         ellipsis: theme.symbols.ellipsis)
        }
        let body = area.inset(top: 2)
        let bookingsHeight = editor.uncovered.isEmpty ? 0 : min(editor.uncovered.count + 3, body.height / 2)
        let parts = body.rows([.fill, .fixed(bookingsHeight)])
        buffer.render(editor.form, in: parts[0].inset(left: 1, right: 1), theme: theme)
        if !editor.uncovered.isEmpty {
            let box = Box(title: "Bookings to move (\(editor.uncovered.count)): Enter opens one", role: .warning)
            buffer.render(box, in: parts[1], theme: theme)
            let rows = editor.uncovered.map { booking in
                Table.Row(texts: [context.calendar.dayTime(booking.start), booking.customerName,
                                  booking.serviceName + (booking.totalSessions > 1 ? " \(booking.sessionNumber)/\(booking.totalSessions)" : "")])
            }
            let table = Table(columns: [Table.Column("When", width: .fixed(22)), Table.Column("Customer", width: .flexible(1)),
                                        Table.Column("Service", width: .flexible(1))],
                              rows: rows, selectedIndex: editor.isOnBookings ? editor.selectedBooking : nil, showsHeader: false)
            buffer.render(table, in: box.inner(of: parts[1]), theme: theme)
        }
        editor.desk.render(into: &buffer, area: area, context: context)
        if editor.isAskingToLeave {
            let question = Dialog(title: "Leave without saving?",
                                  message: ["Your changes to \(editor.isNew ? "the new provider" : editor.row.provider.name) are not saved.",
                                            "y leaves and loses them; n or Esc goes on editing."],
                                  buttons: ["Leave", "Keep editing"], focusedButton: 1, role: .warning)
            buffer.render(question, in: area, theme: theme)
        }
    }
}
