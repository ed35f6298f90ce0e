import FrontdeskCore
import TerminalUI

/// The top line: the application, the screen and its views, and the clinic's date and time.
enum TitleBar {
    static func render(_ state: AppState, screenTitle: String, views: Tabs? = nil, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        buffer.fill(area, style: theme[.title])
        var x = area.x + buffer.write(" Frontdesk · \(screenTitle) ", at: area.x, y: area.y, style: theme[.title], maxWidth: area.width)
        if let notice = state.databaseNotice {
            x += buffer.write("[\(notice)] ", at: x, y: area.y, style: theme[.title], maxWidth: area.maxX - x)
        }
        let clock = state.calendar.dayTime(state.now) + " "
        let clockWidth = TextWidth.width(of: clock)
        if let views {
            x += 1
            let tabsWidth = max(0, area.maxX - clockWidth - x - 1)
            buffer.render(views, in: Rect(x: x, y: area.y, width: tabsWidth, height: 1), theme: theme)
        }
        if area.width - clockWidth > x - area.x + 20 {
            buffer.write(clock, at: area.maxX - clockWidth, y: area.y, style: theme[.title], maxWidth: clockWidth)
        }
    }
}

/// A legend from (key, label) pairs, for screens whose keys are not a keymap (the booking flow).
enum PlainLegend {
    static func render(_ entries: [(key: String, label: String)], into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme[.legendLabel])
        var x = area.x
        for (index, entry) in entries.enumerated() {
            if index > 0 { x += buffer.write("  ", at: x, y: area.y, style: theme[.legendLabel], maxWidth: area.maxX - x) }
            x += buffer.write(entry.key, at: x, y: area.y, style: theme[.legendKey], maxWidth: area.maxX - x)
            x += buffer.write(" " + entry.label, at: x, y: area.y, style: theme[.legendLabel], maxWidth: area.maxX - x)
        }
    }
}
