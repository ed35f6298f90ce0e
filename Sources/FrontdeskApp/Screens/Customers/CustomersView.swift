import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the Customers screen: the search line and list, or the card; the editor and the session
/// dialogs on top. Every text from the database goes through the buffer, which escapes it.
enum CustomersView {
    static func render(_ state: CustomersState, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        buffer.fill(area, style: context.theme[.normal])
        if let card = state.card {
            CustomerCardView.render(card, treatment: state.treatment, into: &buffer, area: area, context: context)
        } else {
            renderList(state, into: &buffer, area: area, context: context)
        }
        if let editor = state.editor { renderEditor(editor, into: &buffer, area: area, context: context) }
        state.desk.render(into: &buffer, area: area, context: context)
    }

    static func renderList(_ state: CustomersState, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        guard area.height >= 3 else { return }
        let label = "Search: "
        buffer.write(label, at: area.x + 1, y: area.y, style: theme[.header])
        let fieldX = area.x + 1 + TextWidth.width(of: label)
        buffer.render(state.search, in: Rect(x: fieldX, y: area.y, width: max(0, area.maxX - fieldX - 1), height: 1), theme: theme)
        let columns = listColumns(width: area.width - 2)
        var x = area.x + 1
        for (title, width) in zip(["Name", "Phone", "Next appointment", "Open"], columns) {
            buffer.write(title, at: x, y: area.y + 2, style: theme[.header], maxWidth: width)
            x += width + 1
        }
        let rowsArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: max(0, area.height - 3))
        if state.rows.isEmpty {
            let message = state.search.value.isEmpty ? "No customers yet. Press a to add one."
                : "No customer matches. Try part of the name, the phone in any format, or the e-mail."
            buffer.write(message, at: area.x + 1, y: rowsArea.y, style: theme[.dim], maxWidth: area.width - 2)
            return
        }
        // Under the last loaded row, when the list goes on: a line saying so (kept in view below the selection).
        let moreLine = state.reachedEnd ? 0 : 1
        let first = max(0, min(state.selected + moreLine, state.rows.count - 1 + moreLine) - rowsArea.height + 1)
        if moreLine == 1, state.rows.count - first < rowsArea.height {
            let text = state.loadingMore ? "… more customers: loading them…" : "… more customers: ↓ to see them"
            buffer.write(text, at: area.x + 3, y: rowsArea.y + state.rows.count - first, style: theme[.dim],
                         maxWidth: area.width - 4, ellipsis: "…")
        }
        for (offset, row) in state.rows.dropFirst(first).prefix(rowsArea.height).enumerated() {
            let y = rowsArea.y + offset
            let selected = first + offset == state.selected
            let style = selected ? theme[.selection] : theme[.normal]
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            let next = row.nextAppointment.map { "\(context.calendar.dayTime($0.start)) \($0.serviceName)" } ?? "—"
            let cells = [row.customer.name, row.customer.phone ?? "—", next, row.openTreatments == 0 ? "—" : "\(row.openTreatments)"]
            var x = area.x + 1
            for (text, width) in zip(cells, columns) {
                buffer.write(text, at: x, y: y, style: style, maxWidth: width, ellipsis: "…")
                x += width + 1
            }
        }
    }

    /// Name, phone, next appointment and open treatments, sharing the width.
    static func listColumns(width: Int) -> [Int] {
        let phone = 18, open = 4
        let rest = max(10, width - phone - open - 3)
        let name = max(10, rest * 2 / 5)
        return [name, phone, max(0, rest - name), open]
    }

    static func renderEditor(_ editor: CustomerEditor, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        let width = min(area.width - 2, 72)
        let box = area.centered(width: width, height: min(area.height, editor.height + 2))
        buffer.fill(box, style: theme[.normal])
        let frame = Box(title: editor.title, role: .accent)
        frame.render(into: &buffer, area: box, theme: theme)
        let inner = frame.inner(of: box).inset(left: 1, right: 1)
        editor.contact.render(into: &buffer, area: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1)),
                              theme: theme, saveAnyway: "Enter saves anyway", useMatch: "Ctrl-O opens the first")
    }
}
