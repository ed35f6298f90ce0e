import Foundation
import FrontdeskCore
import TerminalUI

/// The Dashboard (SPEC §5.5): completion figures at a glance as tiles, the sessions per week as
/// stacked bars, a period for the rates and a provider and service filter; the lists behind the
/// tiles open treatments in the shared treatment panel with the session dialogs.
public struct DashboardScreen: TopLevelScreen {
    public static let tab = ScreenTab(title: "Dashboard", functionKey: 8, letter: "D")

    public var dashboard = DashboardState()

    public init(context: ScreenContext) {}

    public var title: String { "Dashboard" }

    public var keyFocus: KeyFocus {
        if let focus = dashboard.desk.keyFocus { return focus }
        return dashboard.filterForm != nil ? .text : .screen
    }

    public var legend: Keymap<String> { DashboardKeymap.legend(for: dashboard) }
    public var help: Keymap<String> { DashboardKeymap.help(for: dashboard) }

    public mutating func start(_ context: inout ScreenContext) -> [DashboardEffect] {
        [.loadChoices, .loadFigures(dashboard.query)]
    }

    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [DashboardEffect] {
        Dashboard.handle(key, &dashboard, &context)
    }

    public mutating func receive(_ answer: DashboardAnswer, _ context: inout ScreenContext) -> [DashboardEffect] {
        Dashboard.receive(answer, &dashboard, &context)
    }

    public mutating func reload(_ context: inout ScreenContext) -> [DashboardEffect] {
        Dashboard.refresh(&dashboard)
    }

    public mutating func resume(after outcome: ScreenOutcome, _ context: inout ScreenContext) -> [DashboardEffect] {
        Dashboard.bookingFinished(outcome, &dashboard, &context)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        DashboardView.render(dashboard, into: &buffer, area: area, context: context)
    }
}
