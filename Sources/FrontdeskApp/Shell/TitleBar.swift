import FrontdeskCore
import TerminalUI

/// The top line: the application, the tab bar of top-level screens with their keys, and the
/// clinic's date and time when there is room.
enum TitleBar {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        let theme = state.theme
        buffer.fill(area, style: theme[.title])
        var x = area.x + buffer.write(" Frontdesk ", at: area.x, y: area.y, style: theme[.title], maxWidth: area.width)
        if let notice = state.databaseNotice {
            x += buffer.write("[\(notice)] ", at: x, y: area.y, style: theme[.title], maxWidth: area.maxX - x)
        }
        let clock = state.calendar.dayTime(state.now) + " "
        let clockWidth = TextWidth.width(of: clock)
        let titles = state.screens.map { "F\($0.tab.functionKey) \($0.tab.title)" }
        let tabs = Tabs(titles: titles, activeIndex: state.activeTab)
        let tabsWidth = max(0, area.maxX - x)
        buffer.render(tabs, in: Rect(x: x, y: area.y, width: tabsWidth, height: 1), theme: theme)
        x += titles.reduce(0) { $0 + TextWidth.width(of: $1) + 3 }
        if area.maxX - x > clockWidth + 1 {
            buffer.write(clock, at: area.maxX - clockWidth, y: area.y, style: theme[.title], maxWidth: clockWidth)
        }
    }
}
