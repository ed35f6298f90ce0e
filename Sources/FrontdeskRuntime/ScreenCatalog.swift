import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// The one place where screens are registered: the tab bar's screens in order, the screens that
/// open on top of them, and the runner that performs each one's effects. Adding a screen is its own
/// files plus one line here.
public struct ScreenCatalog: Sendable {
    /// The tab bar's screens, in order.
    public private(set) var registrations: [ScreenRegistration] = []
    private var runners: [ObjectIdentifier: @Sendable (any Sendable) -> (any Sendable)?] = [:]

    /// Every screen of the application, working on `database`; `managers` decides who may change
    /// services and providers; `sendFollowUp` is the Follow-ups screen's "send now" (nil when no
    /// notify command is configured).
    public static func standard(database: AppDatabase, managers: ManagerPolicy = ManagerPolicy(),
                                sendFollowUp: FollowUpSendNow? = nil) -> ScreenCatalog {
        var catalog = ScreenCatalog()
        catalog.register(BookingsScreen.self, runner: BookingsRunner(database: database))
        catalog.register(CustomersScreen.self, runner: CustomersRunner(database: database))
        catalog.register(ServicesScreen.self, runner: ServicesRunner(database: database, managers: managers))
        catalog.register(DashboardScreen.self, runner: DashboardRunner(database: database))
        catalog.register(FollowUpsScreen.self, runner: FollowUpsRunner(database: database, sendNow: sendFollowUp))
        catalog.register(opensOnTop: BookFlow.self, runner: BookEffectRunner(database: database))
        return catalog
    }

    /// A top-level screen, with its tab, and its runner.
    public mutating func register<S: TopLevelScreen, R: ScreenRunner>(_ screen: S.Type, runner: R)
    where R.Effect == S.Effect, R.Answer == S.Answer {
        registrations.append(ScreenRegistration(screen))
        register(opensOnTop: screen, runner: runner)
    }

    /// A screen that other screens open on top of themselves (no tab), and its runner.
    public mutating func register<S: Screen, R: ScreenRunner>(opensOnTop screen: S.Type, runner: R)
    where R.Effect == S.Effect, R.Answer == S.Answer {
        runners[ObjectIdentifier(S.Effect.self)] = { effect in
            guard let typed = effect as? S.Effect else { return nil }
            return runner.perform(typed)
        }
    }

    /// Performs a screen's effect with its runner; the answer is addressed to the same screen.
    public func perform(_ effect: ScreenEffect) -> AppMsg? {
        guard let runner = runners[ObjectIdentifier(type(of: effect.payload))],
              let answer = runner(effect.payload) else { return nil }
        return .answer(screen: effect.screen, payload: answer)
    }
}
