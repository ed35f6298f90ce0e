import Foundation
import FrontdeskCore
import TerminalUI

/// The application's two pure functions: `update` (message → new state and effects) and `render`
/// (state → buffer). The runtime performs the effects and feeds their answers back as messages.
public enum AppShell {
    /// Applies a message: the new state, and the effects for the runtime to perform.
    public static func update(_ state: inout AppState, _ msg: AppMsg) -> [AppEffect] {
        let effects = dispatch(&state, msg)
        BookingsScreen.settleScroll(&state)
        return effects
    }

    private static func dispatch(_ state: inout AppState, _ msg: AppMsg) -> [AppEffect] {
        switch msg {
        case .started:
            return [.loadProviders, .checkForChanges] + BookingsScreen.restartList(state: &state)
        case .key(let key):
            return handle(key, state: &state)
        case .resized(let width, let height):
            state.width = width
            state.height = height
            return []
        case .tick(let now):
            state.now = now
            return [.checkForChanges]
        case .dataVersion(let version):
            defer { state.dataVersion = version }
            guard let previous = state.dataVersion, previous != version, state.screen == .bookings else { return [] }
            // Another terminal wrote: read the visible part again so its change shows here.
            return BookingsScreen.refresh(state: &state)
        case .treatmentsLoaded(let request, let result):
            return BookingsScreen.treatmentsLoaded(request, result, state: &state)
        case .groupLoaded(let request, let result):
            return BookingsScreen.groupLoaded(request, result, state: &state)
        case .agendaLoaded(let request, let result):
            return BookingsScreen.agendaLoaded(request, result, state: &state)
        case .providersLoaded(let providers):
            state.bookings.providers = providers
            return []
        case .sessionChanged(let command, let result):
            return BookingsScreen.sessionChanged(command, result, state: &state)
        case .book(let event):
            guard case .book(var flow) = state.screen else { return [] }
            let effects = flow.receive(event)
            state.screen = .book(flow)
            return effects.map(AppEffect.book) + finishBooking(state: &state)
        }
    }

    private static func handle(_ key: Key, state: inout AppState) -> [AppEffect] {
        if key == .resize || key == .hangup { return [] }
        if let offset = state.help {
            switch key {
            case .escape, .enter, .character("q"), .character("?"), .function(1): state.help = nil
            case .down, .character("j"): state.help = offset + 1
            case .up, .character("k"): state.help = max(0, offset - 1)
            case .pageDown: state.help = offset + 10
            case .pageUp: state.help = max(0, offset - 10)
            default: break
            }
            return []
        }
        switch state.screen {
        case .bookings:
            return BookingsScreen.handle(key, state: &state)
        case .book(var flow):
            let effects = flow.handle(key)
            state.screen = .book(flow)
            return effects.map(AppEffect.book) + finishBooking(state: &state)
        }
    }

    /// When the booking flow has ended, back to Bookings, on the new treatment when there is one.
    private static func finishBooking(state: inout AppState) -> [AppEffect] {
        guard case .book(let flow) = state.screen, let outcome = flow.outcome else { return [] }
        state.screen = .bookings
        switch outcome {
        case .abandoned:
            state.inform("Nothing was booked.")
            return BookingsScreen.refresh(state: &state)
        case let .booked(groupID, _, message):
            state.succeed(message)
            if let groupID { return [.loadGroup(GroupRequest(groupID: groupID, purpose: .focus))] }
            state.bookings.view = .treatments
            return BookingsScreen.restartList(state: &state)
        }
    }

    /// Draws the whole screen for the state.
    public static func render(_ state: AppState, into buffer: inout Buffer) {
        let theme = state.theme
        buffer.fill(buffer.area, style: theme[.normal])
        guard !state.isTooSmall else {
            buffer.render(TooSmallNotice(), in: buffer.area, theme: theme)
            return
        }
        switch state.screen {
        case .bookings:
            BookingsScreenView.render(state, into: &buffer)
        case .book(let flow):
            let full = buffer.area
            TitleBar.render(state, screenTitle: "Book", into: &buffer, area: full.row(0))
            let content = Rect(x: 0, y: 1, width: full.width, height: max(0, full.height - 3))
            flow.render(into: &buffer, area: content, theme: theme)
            if let status = state.status { buffer.render(status, in: full.row(-2), theme: theme) }
            PlainLegend.render(flow.legend, into: &buffer, area: full.row(-1), theme: theme)
        }
        if let offset = state.help {
            HelpOverlay.render(offset: offset, into: &buffer, theme: theme)
        }
    }
}
