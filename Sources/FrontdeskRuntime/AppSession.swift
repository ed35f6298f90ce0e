import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import TerminalUI

/// The application bound to a database: feeds messages through `AppShell.update`, performs the
/// effects synchronously until nothing is left to do, and renders. The real terminal loop and the
/// tests drive the same session, so a test sees exactly what a receptionist would.
public final class AppSession {
    public private(set) var state: AppState
    public let runner: AppEffectRunner
    public let database: AppDatabase

    /// A session on `database` for a terminal of the given size; `status` is shown first (e.g. a theme warning).
    public init(database: AppDatabase, theme: Theme, width: Int, height: Int, status: StatusLine? = nil) {
        self.database = database
        self.runner = AppEffectRunner(database: database)
        self.state = AppState(width: width, height: height, theme: theme, calendar: database.calendar, now: database.now,
                              status: status)
        if database.isReadOnly { state.databaseNotice = "read-only" }
    }

    /// Loads the first screen, and starts SQLite's quick check in the background (with
    /// `checksInBackground`): its answer shows on a later tick.
    public func start(checksInBackground: Bool = false) {
        send(.started)
        if checksInBackground { health.startQuickCheck(database) }
    }

    /// The database's health as the ticks see it: the quick check's answer and the file's place.
    let health = DatabaseHealth()

    /// One key press, with everything it causes.
    public func press(_ key: Key) {
        if key == .resize { return }
        send(.key(key))
    }

    /// Several keys in order.
    public func press(_ keys: [Key]) {
        for key in keys { press(key) }
    }

    /// Types text as individual character keys.
    public func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// The terminal changed size.
    public func resize(width: Int, height: Int) {
        send(.resized(width: width, height: height))
    }

    /// The timer: the clock moves on and other terminals' changes are noticed.
    public func tick() {
        noticeDatabaseFaults()
        send(.tick(now: database.now))
    }

    /// A database file deleted or replaced under us, or a failed quick check: a lasting notice in
    /// the title and the reason on the status line (writes are refused by the store from then on).
    func noticeDatabaseFaults() {
        if let fault = health.fault(of: database), state.databaseNotice != fault.notice {
            state.databaseNotice = fault.notice
            state.status = StatusLine(fault.message, kind: .error)
        }
    }

    /// True once staff asked to quit.
    public var shouldQuit: Bool { state.shouldQuit }

    /// Runs a message and every effect it leads to, breadth first, until the queue is empty.
    public func send(_ msg: AppMsg) {
        var queue = [msg]
        // A guard against an update that keeps asking for more: no screen needs this many rounds.
        var rounds = 0
        while !queue.isEmpty, rounds < 1000 {
            rounds += 1
            let next = queue.removeFirst()
            for effect in AppShell.update(&state, next) {
                if let answer = runner.perform(effect) { queue.append(answer) }
            }
        }
    }

    /// The screen as it is now.
    public func render() -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        AppShell.render(state, into: &buffer)
        return buffer
    }

    /// The screen's text, one line per row, for tests and diagnostics.
    public var screenText: String {
        render().lines().joined(separator: "\n")
    }
}
