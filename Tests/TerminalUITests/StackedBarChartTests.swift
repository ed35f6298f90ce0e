import FrontdeskTestSupport
import Testing
import TerminalUI

/// The bar chart's stacked columns (the Dashboard's sessions per week), a tile with more lines and a
/// selected border, and help notes that wrap.
@Suite struct StackedBarChartTests {
    static let series = [BarChart.Series("completed", role: .completed, glyph: "#"),
                         BarChart.Series("no-show", role: .noShow, glyph: "!"),
                         BarChart.Series("booked", role: .confirmed, glyph: "=")]

    func weeks() -> BarChart {
        BarChart(series: Self.series, columns: [
            .init("2 Mar", values: [30, 2, 0]), .init("9 Mar", values: [12, 1, 18], isHighlighted: true),
            .init("16 Mar", values: [0, 0, 25]), .init("23 Mar", values: [0, 0, 0]), .init("30 Mar", values: [0, 0, 1]),
        ])
    }

    @Test func theStackedPartsAddUpToTheColumnAndNoPartThatCountsDisappears() {
        let chart = weeks()
        for height in 1...20 {
            for column in chart.columns {
                let parts = chart.stackHeights(of: column, height: height)
                let highest = chart.columns.map(\.total).max()!
                let expected = column.total == 0 ? 0 : max(1, (column.total * height + highest / 2) / highest)
                #expect(parts.reduce(0, +) == expected, "height \(height), \(column.label): \(parts)")
                if height >= 6 {
                    for (value, rows) in zip(column.values, parts) where value > 0 { #expect(rows >= 1) }
                }
            }
        }
        // The tallest column fills the height exactly.
        #expect(chart.stackHeights(of: chart.columns[0], height: 10) == [9, 1, 0])
        #expect(chart.stackHeights(of: chart.columns[1], height: 10).reduce(0, +) == 10)
    }

    @Test func columnsShrinkToTheWidthAndKeepTheLatestWhenTooNarrow() {
        let chart = weeks()
        #expect(chart.columnLayout(width: 50) == (slot: 10, bar: 9, shown: 5))
        #expect(chart.columnLayout(width: 12) == (slot: 2, bar: 2, shown: 5))
        #expect(chart.columnLayout(width: 3) == (slot: 1, bar: 1, shown: 3))
    }

    @Test func stackedColumnsWithLegendTotalsAndLabels() {
        for theme in [Theme.standard, .monochrome] {
            for (width, height) in [(50, 12), (16, 8)] {
                var buffer = Buffer(width: width, height: height)
                buffer.render(weeks(), in: buffer.area, theme: theme)
                let lines = buffer.lines()
                #expect(lines[0].contains("completed"))
                // The highlighted week's label is always drawn, whatever else has to go.
                #expect(lines[height - 1].contains("9 Mar"))
                assertSnapshot(buffer, named: "stacked-barchart-\(theme.name)-\(width)x\(height)")
            }
        }
    }

    @Test func aTileShowsItsDetailLinesAndASelectedBorder() {
        let tile = Tile(title: "Completion by strategy", value: "Immediate  80 % (4 of 5)", valueRole: .normal,
                        details: ["Sequential 75 % (6 of 8)", "Flexible   – (0 of 0)"], borderRole: .accent)
        #expect(tile.height == 5)
        var buffer = Buffer(width: 30, height: 5)
        buffer.render(tile, in: buffer.area, theme: .standard)
        #expect(buffer.lines()[3].contains("Flexible   – (0 of 0)"))
        assertSnapshot(lines: styledLines(buffer), named: "tile-selected-styled")
    }

    @Test func helpNotesWithoutKeysWrapUnderTheirTitle() {
        let keymap = Keymap<String>([
            KeyBinding("open", keys: [.enter], label: "Open", help: "Open the list", section: "Keys"),
            KeyBinding("rate", keys: [], label: "Completion rate",
                       help: "Completed ÷ closed treatments that closed in the period; a no-show is not a completion.",
                       section: "Figures"),
        ])
        let lines = HelpScreen(keymap: keymap).lines(keyColumnWidth: 5, width: 40).map(\.text)
        #expect(lines == ["Keys", "  Enter  Open the list", "", "Figures", "  Completion rate",
                          "    Completed ÷ closed treatments that", "    closed in the period; a no-show is",
                          "    not a completion."])
        // Without a width (the legacy call) a note stays on one line.
        #expect(HelpScreen(keymap: keymap).lines(keyColumnWidth: 5).count == 6)
    }
}
