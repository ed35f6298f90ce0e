import FrontdeskCore
@testable import FrontdeskApp
import TerminalUI
import Testing

/// What a tile says when its window is small: the words change, the numbers are never cut.
@Suite struct DashboardTileWordingTests {
    @Test func activeTreatmentsPerStrategyAreNeverCutOnANarrowTile() {
        var state = DashboardState()
        state.report = KPIReport(DashboardCounts(active: [.immediate: 160, .sequential: 100, .flexible: 1600]))
        for width in [40, 25, 23, 21, 14] {
            let tile = DashboardTilesView.tile(.active, state: state, innerWidth: width, selected: false)
            let lines = [tile.caption] + tile.details
            #expect(lines.allSatisfy { TextWidth.width(of: $0) <= width }, "\(width): \(lines)")
            let words = lines.joined(separator: " ").split(separator: " ").filter { $0 != "·" }
            #expect(words == ["imm", "160", "seq", "100", "flex", "1600"], "\(width): \(lines)")
            #expect(tile.value == "1860")
        }
        // Wide enough: one line with separators; too narrow for any one line: one strategy a line.
        #expect(DashboardTilesView.tile(.active, state: state, innerWidth: 40, selected: false).details.isEmpty)
        #expect(DashboardTilesView.tile(.active, state: state, innerWidth: 14, selected: false).details.count == 2)
    }
}
