import TerminalUI

/// Where each part of the Bookings screen goes inside the area the shell gives it. `update` uses it
/// too, so paging moves by exactly the rows the screen shows.
public struct BookingsLayout: Sendable, Equatable {
    /// The views (Treatments, Day, Week) and what the list shows (filter, search).
    public var header: Rect
    /// The treatment list or the agenda table (header row included).
    public var list: Rect
    /// The open treatment's panel; empty when none is open.
    public var detail: Rect

    public init(area: Rect, hasOpenTreatment: Bool) {
        header = area.row(0)
        let content = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
        if hasOpenTreatment {
            // The list keeps a few rows for orientation; the open treatment gets the rest.
            let listHeight = max(6, content.height * 2 / 5)
            list = Rect(x: content.x, y: content.y, width: content.width, height: min(listHeight, content.height))
            detail = Rect(x: content.x, y: list.maxY, width: content.width, height: max(0, content.maxY - list.maxY))
        } else {
            list = content
            detail = Rect(x: content.x, y: content.maxY, width: content.width, height: 0)
        }
    }

    /// The layout for a terminal of this size, in the shell's content area.
    public init(width: Int, height: Int, hasOpenTreatment: Bool) {
        self.init(area: ShellLayout(width: width, height: height).content, hasOpenTreatment: hasOpenTreatment)
    }

    /// Table rows visible under the list's header.
    public var visibleListRows: Int { max(1, list.height - 1) }

    /// Session lines visible in the open treatment's panel (border, heading and footer lines excluded).
    public var visibleSessionRows: Int { max(1, detail.height - TreatmentPanel.chromeHeight) }
}
