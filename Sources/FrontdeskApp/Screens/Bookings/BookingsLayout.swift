import TerminalUI

/// Where each part of the Bookings screen goes for a terminal size. `update` uses it too, so
/// paging moves by exactly the rows the screen shows.
public struct BookingsLayout: Sendable, Equatable {
    public var title: Rect
    public var filterLine: Rect
    /// The treatment list or the agenda table (header row included).
    public var list: Rect
    /// The open treatment's panel; empty when none is open.
    public var detail: Rect
    public var status: Rect
    public var legend: Rect

    public init(width: Int, height: Int, hasOpenTreatment: Bool) {
        let full = Rect(width: width, height: height)
        title = full.row(0)
        filterLine = full.row(1)
        status = full.row(-2)
        legend = full.row(-1)
        let content = Rect(x: 0, y: 2, width: width, height: max(0, height - 4))
        if hasOpenTreatment {
            // The list keeps a few rows for orientation; the open treatment gets the rest.
            let listHeight = max(6, content.height * 2 / 5)
            list = Rect(x: 0, y: content.y, width: width, height: min(listHeight, content.height))
            detail = Rect(x: 0, y: list.maxY, width: width, height: max(0, content.maxY - list.maxY))
        } else {
            list = content
            detail = Rect(x: 0, y: content.maxY, width: width, height: 0)
        }
    }

    /// Table rows visible under the list's header.
    public var visibleListRows: Int { max(1, list.height - 1) }

    /// Session lines visible in the open treatment's panel (border, heading and footer lines excluded).
    public var visibleSessionRows: Int { max(1, detail.height - TreatmentPanel.chromeHeight) }
}
