import Foundation
import FrontdeskCore
import TerminalUI

/// The tiles and the weekly chart: what each tile says for the figures read, laid out in rows.
enum DashboardTilesView {
    /// The tile for one place on the Dashboard, worded to fit `innerWidth` columns.
    static func tile(_ tile: DashboardTile, state: DashboardState, innerWidth: Int, selected: Bool) -> Tile {
        let border: ThemeRole = selected ? .accent : .border
        guard let report = state.report else {
            return Tile(title: tile.title, value: "…", caption: "Loading…", borderRole: border)
        }
        let period = state.query.period.label
        func fits(_ text: String) -> Bool { TextWidth.width(of: text) <= innerWidth }
        /// The first wording that fits the tile, else the shortest.
        func fitting(_ wordings: String...) -> String { wordings.first(where: fits) ?? wordings.last! }
        func perStrategy(_ kpi: (Strategy) -> KPI) -> [String] {
            let long = Strategy.allCases.map { s in s.rawValue.capitalized.padding(toLength: 11, withPad: " ", startingAt: 0)
                + report.value(of: kpi(s)).description }
            if long.allSatisfy(fits) { return long }
            return Strategy.allCases.map { s in short(s).padding(toLength: 5, withPad: " ", startingAt: 0) + report.value(of: kpi(s)).description }
        }
        switch tile {
        case .today, .thisWeek:
            guard case .sessions(let counts) = report.value(of: tile.figures[0]) else { break }
            let caption = "\(counts.completed) completed · \(counts.noShow) no-show"
            if fits(caption) {
                return Tile(title: tile.title, value: "\(counts.booked) booked", caption: caption, borderRole: border)
            }
            let value = "\(counts.booked) booked · \(counts.completed) completed"
            if fits(value) {
                return Tile(title: tile.title, value: value, caption: "\(counts.noShow) no-show", borderRole: border)
            }
            return Tile(title: tile.title, value: "\(counts.booked) booked", caption: "\(counts.completed) completed",
                        details: ["\(counts.noShow) no-show"], borderRole: border)
        case .active:
            let parts = Strategy.allCases.map { "\(short($0)) \(report.counts.active[$0] ?? 0)" }
            let value = report.value(of: .activeTreatments).description
            for caption in [parts.joined(separator: " · "), parts.joined(separator: "  "), parts.joined(separator: " ")] where fits(caption) {
                return Tile(title: tile.title, value: value, caption: caption, borderRole: border)
            }
            // Too narrow for one line (a small window, a large clinic): one strategy a line, never cut.
            return Tile(title: tile.title, value: value, caption: parts[0], details: Array(parts.dropFirst()), borderRole: border)
        case .completion:
            return Tile(title: tile.title, value: report.value(of: .completionRate).description,
                        caption: "closed, \(period)", borderRole: border)
        case .noShow:
            return Tile(title: tile.title, value: report.value(of: .noShowRate).description,
                        caption: fitting("of sessions held, \(period)", "sessions held, \(period)", period),
                        borderRole: border)
        case .completionByStrategy, .popularity:
            let lines = perStrategy(tile == .popularity ? KPI.popularity(of:) : KPI.completionRate(for:))
            return Tile(title: tile.title, value: lines[0], caption: "", valueRole: .normal, details: Array(lines.dropFirst()),
                        borderRole: border)
        case .overdue, .unscheduled, .expiring:
            let caption: String
            switch tile {
            case .overdue: caption = fitting("treatments waiting · Enter lists", "Enter lists them")
            case .unscheduled: caption = fitting("sessions to book · Enter lists", "to book · Enter lists")
            default: caption = fitting("expire within 30 days · Enter lists", "within 30 days · Enter", "Enter lists them")
            }
            let count = report.value(of: tile.figures[0])
            let role: ThemeRole = count == .count(0) ? .accent : .warning
            return Tile(title: tile.title, value: count.description, caption: caption, valueRole: role, borderRole: border)
        }
        return Tile(title: tile.title, value: "", borderRole: border)
    }

    static func short(_ strategy: Strategy) -> String {
        switch strategy {
        case .immediate: return "imm"
        case .sequential: return "seq"
        case .flexible: return "flex"
        }
    }

    /// Draws the tiles from `area`'s top and the chart under them; returns nothing, fills the area.
    static func render(_ state: DashboardState, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let theme = context.theme
        let columns = DashboardLayout.columns(width: area.width)
        let frames = DashboardLayout.tileFrames(in: area, columns: columns)
        let tiles = DashboardTile.allCases.map { tile in
            Self.tile(tile, state: state, innerWidth: max(1, frames[tile.rawValue % columns].width - 4),
                      selected: tile.rawValue == state.selectedTile)
        }
        let rows = stride(from: 0, to: tiles.count, by: columns).map { Array(tiles[$0..<min(tiles.count, $0 + columns)]) }
        let heights = rows.map { row in row.map(\.height).max() ?? 0 }
        let shown = DashboardLayout.visibleTileRows(heights: heights, selectedRow: state.selectedTile / columns,
                                                    available: max(0, area.height - DashboardLayout.minimumChartHeight))
        var y = area.y
        for rowIndex in shown {
            for (column, tile) in rows[rowIndex].enumerated() {
                let frame = frames[column]
                buffer.render(tile, in: Rect(x: frame.x, y: y, width: frame.width, height: min(heights[rowIndex], area.maxY - y)),
                              theme: theme)
            }
            y += heights[rowIndex]
        }
        let chart = Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y))
        var heading = "Sessions per week"
        let hidden = rows.count - shown.count
        if hidden > 0 {
            heading += " · \(hidden) more row\(hidden == 1 ? "" : "s") of tiles \(shown.lowerBound > 0 ? "above" : "below") (↑/↓)"
        }
        renderChart(state, heading: heading, into: &buffer, area: chart, context: context)
    }

    /// The sessions per week as stacked columns: completed at the bottom, then no-show, then booked.
    static func renderChart(_ state: DashboardState, heading: String, into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let theme = context.theme
        let rule = String(repeating: theme.symbols.box.horizontal, count: area.width)
        buffer.write(rule, at: area.x, y: area.y, style: theme[.border], maxWidth: area.width)
        buffer.write(" \(heading) ", at: area.x + 1, y: area.y, style: theme[.title], maxWidth: area.width - 2,
                     ellipsis: theme.symbols.ellipsis)
        guard let report = state.report else { return }
        let thisWeek = context.calendar.localDay(of: context.now).mondayOfWeek
        let series = [
            BarChart.Series("completed", role: .completed, glyph: theme.symbols.progressCompleted),
            BarChart.Series("no-show", role: .noShow, glyph: "!"),
            BarChart.Series("booked", role: .confirmed, glyph: theme.symbols.progressBooked),
        ]
        let columns = report.counts.weeks.map { week in
            BarChart.Column("\(week.weekStart.day) \(week.weekStart.shortMonthName)",
                            values: [week.sessions.completed, week.sessions.noShow, week.sessions.booked],
                            isHighlighted: week.weekStart == thisWeek)
        }
        buffer.render(BarChart(series: series, columns: columns), in: area.inset(top: 1, left: 1, right: 1), theme: theme)
    }
}
