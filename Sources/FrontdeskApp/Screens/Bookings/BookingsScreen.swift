import Foundation
import FrontdeskCore
import TerminalUI

/// The Bookings screen (SPEC §5.1): every treatment grouped with its progress, the day and week
/// agendas, the open treatment's sessions and the session dialogs.
public struct BookingsScreen: TopLevelScreen {
    public static let tab = ScreenTab(title: "Bookings", functionKey: 5, letter: "B")

    public var bookings: BookingsState

    public init(context: ScreenContext) {
        bookings = BookingsState(today: context.calendar.localDay(of: context.now))
    }

    public var title: String { "Bookings" }

    public var keyFocus: KeyFocus {
        if let focus = bookings.desk.keyFocus { return focus }
        return bookings.filterForm != nil || bookings.search != nil ? .text : .screen
    }

    public var legend: Keymap<String> { BookingsKeymap.legend(for: bookings) }
    public var help: Keymap<String> { BookingsKeymap.help(for: bookings) }

    public mutating func start(_ context: inout ScreenContext) -> [BookingsEffect] {
        [.loadProviders] + run(&context) { Bookings.restartList(state: &$0) }
    }

    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [BookingsEffect] {
        run(&context) { Bookings.handle(key, state: &$0) }
    }

    public mutating func receive(_ answer: BookingsAnswer, _ context: inout ScreenContext) -> [BookingsEffect] {
        run(&context) { model in
            switch answer {
            case let .treatmentsLoaded(request, result): return Bookings.treatmentsLoaded(request, result, state: &model)
            case let .groupLoaded(request, result): return Bookings.groupLoaded(request, result, state: &model)
            case let .agendaLoaded(request, result): return Bookings.agendaLoaded(request, result, state: &model)
            case let .providersLoaded(providers):
                model.bookings.providers = providers
                return []
            case let .sessionChanged(command, result): return Bookings.sessionChanged(command, result, state: &model)
            }
        }
    }

    public mutating func reload(_ context: inout ScreenContext) -> [BookingsEffect] {
        run(&context) { Bookings.refresh(state: &$0) }
    }

    public mutating func tick(_ context: inout ScreenContext) -> [BookingsEffect] {
        bookings.desk.tick(&context)
        return []
    }

    public mutating func resume(after outcome: ScreenOutcome, _ context: inout ScreenContext) -> [BookingsEffect] {
        run(&context) { Bookings.bookingFinished(outcome, state: &$0) }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        var model = BookingsModel(bookings: bookings, context: ScreenContext(calendar: context.calendar, now: context.now,
                                                                            width: buffer.width, height: buffer.height))
        model.theme = context.theme
        BookingsScreenView.render(model, into: &buffer, area: area)
    }

    /// Runs one of the update functions on the screen's state with the shell's context.
    private mutating func run(_ context: inout ScreenContext, _ body: (inout BookingsModel) -> [BookingsEffect]) -> [BookingsEffect] {
        var model = BookingsModel(bookings: bookings, context: context)
        let effects = body(&model)
        Bookings.settleScroll(&model)
        bookings = model.bookings
        context = model.context
        return effects
    }
}
