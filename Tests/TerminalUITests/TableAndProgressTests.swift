import Testing
import TerminalUI

@Suite("Table scrolling and progress segments")
struct TableAndProgressTests {
    private func table(rows: Int, selected: Int?, offset: Int = 0) -> Table {
        Table(
            columns: [.init("#", width: .fixed(3), alignment: .right), .init("Customer")],
            rows: (0..<rows).map { Table.Row(texts: [String($0), "Customer \($0)"]) },
            selectedIndex: selected, scrollOffset: offset
        )
    }

    @Test func offsetFollowsTheSelection() {
        #expect(Table.scrollOffset(keeping: 20, visible: 10, from: 0, rowCount: 50) == 11)
        #expect(Table.scrollOffset(keeping: 3, visible: 10, from: 11, rowCount: 50) == 3)
        #expect(Table.scrollOffset(keeping: 15, visible: 10, from: 11, rowCount: 50) == 11)
        #expect(Table.scrollOffset(keeping: nil, visible: 10, from: 45, rowCount: 50) == 40)
        #expect(Table.scrollOffset(keeping: 0, visible: 10, from: 5, rowCount: 3) == 0)
    }

    @Test func selectedRowIsDrawnAndHighlightedAfterScrolling() {
        let t = table(rows: 30, selected: 25)
        var buffer = Buffer(width: 20, height: 6)
        buffer.render(t, in: buffer.area, theme: .standard)
        let lines = buffer.lines()
        #expect(lines[0].hasPrefix("  # Customer"))
        #expect(lines[5].hasPrefix(" 25 Customer 25"))
        #expect(lines[1].hasPrefix(" 21 Customer 21"))
        #expect(buffer[0, 5].style == Theme.standard[.normal].patched(with: Theme.standard[.selection]))
        #expect(buffer[0, 4].style != buffer[0, 5].style)
        #expect(t.effectiveOffset(height: 6) == 21)
    }

    @Test func everySelectionStaysVisibleWhileMovingDown() {
        var offset = 0
        for selected in 0..<40 {
            let t = table(rows: 40, selected: selected, offset: offset)
            offset = t.effectiveOffset(height: 8)
            var buffer = Buffer(width: 20, height: 8)
            buffer.render(t, in: buffer.area, theme: .monochrome)
            #expect(buffer.lines().contains { $0.hasPrefix(String(repeating: " ", count: 3 - String(selected).count) + "\(selected) ") })
        }
    }

    @Test func emptyTableShowsItsMessage() {
        var t = table(rows: 0, selected: nil)
        t.emptyMessage = "No bookings in this range."
        var buffer = Buffer(width: 30, height: 3)
        buffer.render(t, in: buffer.area, theme: .standard)
        #expect(buffer.lines()[1] == " No bookings in this range.   ")
    }

    @Test func progressSegmentsForNoneDone() {
        let bar = ProgressBar(completed: 0, booked: 0, total: 3)
        #expect(bar.segments(width: 9) == (0, 0, 9))
        var buffer = Buffer(width: 13, height: 1)
        buffer.render(bar, in: buffer.area, theme: .standard)
        #expect(buffer.lines() == ["░░░░░░░░░ 0/3"])
    }

    @Test func progressSegmentsForOneDoneOneBooked() {
        let bar = ProgressBar(completed: 1, booked: 1, total: 3)
        #expect(bar.segments(width: 9) == (3, 3, 3))
        var buffer = Buffer(width: 13, height: 1)
        buffer.render(bar, in: buffer.area, theme: .monochrome)
        #expect(buffer.lines() == ["###===... 1/3"])
        buffer = Buffer(width: 13, height: 1)
        buffer.render(bar, in: buffer.area, theme: .standard)
        #expect(buffer.lines() == ["███▓▓▓░░░ 1/3"])
        #expect(buffer[0, 0].style == Theme.standard[.progressCompleted])
        #expect(buffer[3, 0].style == Theme.standard[.progressBooked])
        #expect(buffer[6, 0].style == Theme.standard[.progressEmpty])
    }

    @Test func progressSegmentsForAllDone() {
        let bar = ProgressBar(completed: 3, booked: 0, total: 3)
        #expect(bar.segments(width: 9) == (9, 0, 0))
        var buffer = Buffer(width: 13, height: 1)
        buffer.render(bar, in: buffer.area, theme: .standard)
        #expect(buffer.lines() == ["█████████ 3/3"])
    }

    @Test func smallProgressStillShowsAndNarrowBarFallsBackToLabel() {
        let bar = ProgressBar(completed: 1, booked: 1, total: 50)
        let parts = bar.segments(width: 10)
        #expect(parts.completed == 1 && parts.booked == 1 && parts.empty == 8)
        var buffer = Buffer(width: 6, height: 1)
        buffer.render(bar, in: buffer.area, theme: .standard)
        #expect(buffer.lines() == ["1/50  "])
    }
}
