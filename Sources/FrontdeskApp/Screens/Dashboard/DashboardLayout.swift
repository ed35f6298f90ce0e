import TerminalUI

/// Where the Dashboard's parts go in the screen's area: the summary line, the tiles in rows (as
/// many columns as fit; they wrap), the weekly chart below taking every row left; or, with a
/// tile's list open, the list and the treatment panel under it.
struct DashboardLayout {
    /// Narrowest tile below 160 columns; wider screens get wider tiles (five columns at 200).
    static func columns(width: Int) -> Int {
        max(1, min(DashboardTile.allCases.count, width / (width >= 160 ? 40 : 26)))
    }

    /// Rows the chart keeps however many tiles there are: its heading, the legend, totals, three rows
    /// of bars and the labels.
    static let minimumChartHeight = 7

    let header: Rect
    let list: Rect
    let detail: Rect

    /// The list layout: the heading, the rows, and the open treatment below them.
    init(area: Rect, hasOpenTreatment: Bool) {
        header = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        let rest = area.inset(top: 1)
        guard hasOpenTreatment else {
            list = rest
            detail = Rect(x: rest.x, y: rest.maxY, width: rest.width, height: 0)
            return
        }
        let listHeight = min(rest.height, max(4, rest.height / 3))
        list = Rect(x: rest.x, y: rest.y, width: rest.width, height: listHeight)
        detail = rest.inset(top: listHeight)
    }

    /// Table rows that show at once (the header takes one).
    var visibleListRows: Int { max(1, list.height - 1) }

    /// The tiles' x positions and widths in a row of `columns` across `area`.
    static func tileFrames(in area: Rect, columns: Int) -> [(x: Int, width: Int)] {
        (0..<columns).map { index in
            let left = index * area.width / columns
            let right = (index + 1) * area.width / columns
            return (area.x + left, right - left)
        }
    }

    /// The rows of tiles shown when `available` rows are free: the first row such that the selected
    /// tile's row is in view, and how many rows follow it.
    static func visibleTileRows(heights: [Int], selectedRow: Int, available: Int) -> Range<Int> {
        guard !heights.isEmpty else { return 0..<0 }
        var first = 0
        func fitting(from start: Int) -> Int {
            var used = 0, count = 0
            for height in heights[start...] {
                guard used + height <= available else { break }
                used += height
                count += 1
            }
            return count
        }
        while first < selectedRow, first + fitting(from: first) <= selectedRow { first += 1 }
        return first..<(first + max(fitting(from: first), min(1, heights.count - first)))
    }
}
