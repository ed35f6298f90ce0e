import Foundation
import TerminalUI

/// One open screen, whatever its type, as the shell keeps it on its stack. Effects leave tagged with
/// the screen's instance number, so an answer finds its screen, and is dropped if the screen was left.
public struct AnyScreen: Sendable, Equatable {
    /// Unique for the life of the application; given by the shell when the screen opens.
    public internal(set) var instance: Int = 0
    public private(set) var base: any Screen

    public init(_ screen: some Screen) {
        base = screen
    }

    public static func == (lhs: AnyScreen, rhs: AnyScreen) -> Bool {
        func equal<S: Screen>(_ left: S) -> Bool { (rhs.base as? S) == left }
        return lhs.instance == rhs.instance && equal(lhs.base)
    }

    /// The screen as its own type, when it is one.
    public func `as`<S: Screen>(_ type: S.Type) -> S? { base as? S }

    public var title: String { base.title }
    public var legend: Keymap<String> { base.legend }
    public var help: Keymap<String> { base.help }
    public var keyFocus: KeyFocus { base.keyFocus }

    public mutating func start(_ context: inout ScreenContext) -> [ScreenEffect] {
        run(&context) { screen, context in screen.start(&context) }
    }

    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [ScreenEffect] {
        run(&context) { screen, context in screen.handle(key, &context) }
    }

    public mutating func reload(_ context: inout ScreenContext) -> [ScreenEffect] {
        run(&context) { screen, context in screen.reload(&context) }
    }

    public mutating func tick(_ context: inout ScreenContext) -> [ScreenEffect] {
        run(&context) { screen, context in screen.tick(&context) }
    }

    public mutating func resume(after outcome: ScreenOutcome, _ context: inout ScreenContext) -> [ScreenEffect] {
        run(&context) { screen, context in screen.resume(after: outcome, &context) }
    }

    /// Hands an answer to the screen; an answer of another type (a programming error) is ignored.
    public mutating func receive(_ answer: any Sendable, _ context: inout ScreenContext) -> [ScreenEffect] {
        func deliver<S: Screen>(_ screen: S) -> (any Screen, [any Sendable]) {
            guard let typed = answer as? S.Answer else { return (screen, []) }
            var screen = screen
            let effects = screen.receive(typed, &context)
            return (screen, effects)
        }
        let (updated, effects) = deliver(base)
        base = updated
        return effects.map { ScreenEffect(screen: instance, payload: $0) }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        base.render(into: &buffer, area: area, context: context)
    }

    /// Opens the existential, runs one of the screen's mutating calls and tags what it asks for.
    private mutating func run(_ context: inout ScreenContext,
                              _ body: (inout any Screen, inout ScreenContext) -> [any Sendable]) -> [ScreenEffect] {
        let effects = body(&base, &context)
        return effects.map { ScreenEffect(screen: instance, payload: $0) }
    }
}

/// An effect of one open screen, for the runtime to give to that screen's runner.
public struct ScreenEffect: Sendable {
    /// The instance that asked; the answer goes back to it.
    public var screen: Int
    /// The screen's own effect value (`S.Effect`).
    public var payload: any Sendable

    public init(screen: Int, payload: any Sendable) {
        self.screen = screen
        self.payload = payload
    }
}
