import Foundation

/// What `update` asks the runtime to do. Plain data: the runtime performs it and answers with an
/// `AppMsg`, so the shell and every screen stay pure functions of their state.
public enum AppEffect: Sendable {
    /// An effect of one open screen, for that screen's runner.
    case screen(ScreenEffect)
    /// Ask SQLite whether another terminal changed the data (PRAGMA data_version).
    case checkForChanges
    /// Leave the application.
    case quit
}
