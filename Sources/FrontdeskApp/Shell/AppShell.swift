import Foundation
import FrontdeskCore
import TerminalUI

/// The application's two pure functions: `update` (message → new state and effects) and `render`
/// (state → buffer). The shell keeps the tabs and the screens opened on top, keeps the keys it owns
/// (help, quit, tabs), and hands everything else to the screen in front.
public enum AppShell {
    /// Applies a message: the new state, and the effects for the runtime to perform.
    public static func update(_ state: inout AppState, _ msg: AppMsg) -> [AppEffect] {
        switch msg {
        case .started:
            // Tabs that show a figure are opened behind the first, so the figure is there from the start.
            let badged = state.screens.indices.filter { $0 != 0 && state.screens[$0].hasBadge }
            return [.checkForChanges] + showTab(0, state: &state) + badged.flatMap { openTab($0, state: &state) }
        case .key(let key):
            return handle(key, state: &state)
        case .resized(let width, let height):
            state.width = width
            state.height = height
            return []
        case .tick(let now):
            state.now = now
            let effects = state.openScreens.map(\.instance).flatMap { id in
                withScreen(id, state: &state) { screen, context in screen.tick(&context) }
            }
            return [.checkForChanges] + effects
        case .dataVersion(let version):
            defer { state.dataVersion = version }
            guard let previous = state.dataVersion, previous != version else { return [] }
            // Another terminal wrote: every open screen reads what it shows again.
            return reloadAll(except: nil, state: &state)
        case .answer(let instance, let payload):
            // An answer for a screen that was closed meanwhile is dropped.
            return withScreen(instance, state: &state) { screen, context in screen.receive(payload, &context) }
        }
    }

    // MARK: - Keys

    private static func handle(_ key: Key, state: inout AppState) -> [AppEffect] {
        if key == .resize || key == .hangup { return [] }
        guard let front = state.front else { return [] }
        let action = (ShellKeymap.general.appending(ShellKeymap.tabs(state.screens))).action(for: key)
        let focus = front.keyFocus
        let typing = focus == .text && !key.isFunctionKey
        if state.isTooSmall {
            // Nobody can see what a key would act on: only quitting works.
            if action == .quit && !typing { return quit(&state) }
            return []
        }
        if let offset = state.help { return handleHelp(key, offset: offset, state: &state) }
        // Pasted text is text: outside a field it is dropped, never run as keys.
        if case .paste = key, focus != .text { return [] }
        if !typing, let action {
            // Tabs and quit belong to the tab's own screen with nothing open over it.
            let free = state.overlays.isEmpty && focus != .dialog
            switch action {
            case .help:
                state.help = 0
                return []
            case .quit where free:
                return quit(&state)
            case .openTab(let index) where free:
                // The message belonged to the screen being left.
                if index != state.activeTab { state.status = nil }
                return showTab(index, state: &state)
            default:
                break
            }
        }
        return withScreen(front.instance, state: &state) { screen, context in screen.handle(key, &context) }
    }

    private static func handleHelp(_ key: Key, offset: Int, state: inout AppState) -> [AppEffect] {
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

    private static func quit(_ state: inout AppState) -> [AppEffect] {
        state.shouldQuit = true
        return [.quit]
    }

    // MARK: - Screens

    /// Shows a tab, opening its screen the first time.
    static func showTab(_ index: Int, state: inout AppState) -> [AppEffect] {
        guard state.screens.indices.contains(index) else { return [] }
        state.activeTab = index
        return openTab(index, state: &state)
    }

    /// Opens a tab's screen the first time, without showing it.
    static func openTab(_ index: Int, state: inout AppState) -> [AppEffect] {
        guard state.screens.indices.contains(index), state.roots[index] == nil else { return [] }
        var screen = state.screens[index].make(state.context())
        screen.instance = state.nextInstance
        state.nextInstance += 1
        state.roots[index] = screen
        return withScreen(screen.instance, state: &state) { screen, context in screen.start(&context) }
    }

    /// Runs one call of an open screen with a context, stores the screen back, then carries out
    /// what it asked of the shell. Nothing happens when no open screen has that instance number.
    static func withScreen(_ instance: Int, state: inout AppState,
                           _ body: (inout AnyScreen, inout ScreenContext) -> [ScreenEffect]) -> [AppEffect] {
        var context = state.context()
        var effects: [ScreenEffect]
        if let index = state.overlays.firstIndex(where: { $0.instance == instance }) {
            effects = body(&state.overlays[index], &context)
        } else if let tab = state.roots.first(where: { $0.value.instance == instance })?.key, var screen = state.roots[tab] {
            effects = body(&screen, &context)
            state.roots[tab] = screen
        } else {
            return []
        }
        state.status = context.status
        return effects.map(AppEffect.screen) + carryOut(context.requests, from: instance, state: &state)
    }

    private static func carryOut(_ requests: [ShellRequest], from instance: Int, state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        for request in requests {
            switch request {
            case .open(var screen):
                screen.instance = state.nextInstance
                state.nextInstance += 1
                state.overlays.append(screen)
                effects += withScreen(screen.instance, state: &state) { screen, context in screen.start(&context) }
            case .close(let outcome):
                guard let index = state.overlays.firstIndex(where: { $0.instance == instance }) else { continue }
                state.overlays.remove(at: index)
                if let below = state.front {
                    effects += withScreen(below.instance, state: &state) { screen, context in
                        screen.resume(after: outcome, &context)
                    }
                }
            case .reloadOthers:
                effects += reloadAll(except: instance, state: &state)
            case .quit:
                effects += quit(&state)
            case let .show(tab, handoff):
                // Only a tab's own screen sends staff elsewhere; screens on top stay until closed.
                guard state.overlays.isEmpty, let index = state.screens.firstIndex(where: { $0.tab == tab }) else { continue }
                effects += showTab(index, state: &state)
                if let target = state.roots[index] {
                    effects += withScreen(target.instance, state: &state) { screen, context in
                        screen.receive(handoff: handoff, &context)
                    }
                }
            }
        }
        return effects
    }

    private static func reloadAll(except instance: Int?, state: inout AppState) -> [AppEffect] {
        state.openScreens.map(\.instance).filter { $0 != instance }.flatMap { id in
            withScreen(id, state: &state) { screen, context in screen.reload(&context) }
        }
    }

    // MARK: - Drawing

    /// Draws the whole screen for the state.
    public static func render(_ state: AppState, into buffer: inout Buffer) {
        let theme = state.theme
        buffer.fill(buffer.area, style: theme[.normal])
        guard !state.isTooSmall else {
            buffer.render(TooSmallNotice(), in: buffer.area, theme: theme)
            return
        }
        let layout = ShellLayout(width: state.width, height: state.height)
        TitleBar.render(state, into: &buffer, area: layout.title)
        guard let front = state.front else { return }
        let context = RenderContext(theme: theme, calendar: state.calendar, now: state.now)
        front.render(into: &buffer, area: layout.content, context: context)
        if let status = state.status { buffer.render(status, in: layout.status, theme: theme) }
        // Quit is offered only where it works: on a tab's own screen with no question open.
        let free = state.overlays.isEmpty && front.keyFocus != .dialog
        let shellKeys = ShellKeymap.general.bindings.filter { free || $0.action == .help }
        let legend = front.legend.appending(Keymap(shellKeys).erased)
        buffer.render(KeyLegend(keymap: legend), in: layout.legend, theme: theme)
        if let offset = state.help {
            HelpOverlay.render(front.help.appending(ShellKeymap.all(state.screens).erased), title: front.title,
                               offset: offset, into: &buffer, theme: theme)
        }
    }
}
