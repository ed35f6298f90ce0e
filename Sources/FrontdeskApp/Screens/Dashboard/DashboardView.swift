import Foundation
import FrontdeskCore
import TerminalUI

/// Draws the Dashboard: the summary line, then the tiles and chart or a tile's list with the open
/// treatment, and any dialog on top. Everything from the database goes through the buffer.
enum DashboardView {
    static func render(_ state: DashboardState, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        buffer.fill(area, style: theme[.normal])
        guard area.height >= 2 else { return }
        let today = context.calendar.localDay(of: context.now)
        var summary = Dashboard.summary(state, today: today)
        summary = summary.prefix(1).uppercased() + summary.dropFirst()
        let note = state.isLoading ? "Reading…" : "\(DashboardKeymap.name(.nextPeriod)) period · \(DashboardKeymap.name(.filter)) filter"
        let noteWidth = TextWidth.width(of: note)
        buffer.write(summary, at: area.x + 1, y: area.y, style: theme[.title], maxWidth: max(0, area.width - noteWidth - 4),
                     ellipsis: theme.symbols.ellipsis)
        buffer.write(note, at: area.maxX - noteWidth - 1, y: area.y, style: theme[.dim], maxWidth: noteWidth)

        let body = area.inset(top: 1)
        if let list = state.list {
            DashboardListView.render(list, state: state, into: &buffer, area: body, context: context)
        } else {
            DashboardTilesView.render(state, into: &buffer, area: body, context: context)
        }
        if let form = state.filterForm { form.render(in: area, into: &buffer, theme: theme) }
        state.desk.render(into: &buffer, area: area, context: context)
    }
}
