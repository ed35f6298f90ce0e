import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import TerminalUI

/// The application bound to a database: feeds messages through `AppShell.update`, has the effects
/// performed by the screens' runners, feeds the answers back, and renders. The real terminal loop
/// and the tests drive the same session, so a test sees exactly what a receptionist would.
public final class AppSession {
    /// How effects run: at once, before the next message (tests, benchmarks), or on a background
    /// queue while the terminal keeps drawing and reading keys (the application).
    public enum Execution: Sendable { case immediate, background }

    public private(set) var state: AppState
    public let catalog: ScreenCatalog
    public let database: AppDatabase
    private let execution: Execution
    private let work = DispatchQueue(label: "frontdesk.effects")
    private let answers = AnswerInbox()

    /// A session on `database` for a terminal of the given size; `status` is shown first (e.g. a theme warning).
    public init(database: AppDatabase, theme: Theme, width: Int, height: Int, status: StatusLine? = nil,
                execution: Execution = .immediate, managers: ManagerPolicy = ManagerPolicy(),
                sendFollowUp: FollowUpSendNow? = nil) {
        self.database = database
        self.catalog = ScreenCatalog.standard(database: database, managers: managers, sendFollowUp: sendFollowUp)
        self.execution = execution
        self.state = AppState(width: width, height: height, theme: theme, calendar: database.calendar, now: database.now,
                              screens: catalog.registrations, status: status)
        if database.isReadOnly { state.databaseNotice = "read-only" }
    }

    /// Opens the first screen, and starts SQLite's quick check in the background (with
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

    /// Pastes text as a terminal's bracketed paste delivers it: one key holding all of it.
    public func paste(_ text: String) {
        press(.paste(text))
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

    /// True while effects run in the background and their answers have not all been applied.
    public var isWaiting: Bool { answers.outstanding > 0 }

    /// Runs a message through `update` and has its effects performed. Immediately: every answer, and
    /// whatever it leads to, is applied before this returns. In the background: answers arrive later
    /// through `applyAnswers`.
    public func send(_ msg: AppMsg) {
        var queue = [msg]
        // A guard against an update that keeps asking for more: no screen needs this many rounds.
        var rounds = 0
        while !queue.isEmpty, rounds < 1000 {
            rounds += 1
            for effect in AppShell.update(&state, queue.removeFirst()) {
                switch execution {
                case .immediate:
                    if let answer = perform(effect) { queue.append(answer) }
                case .background:
                    answers.expect()
                    work.async { [catalog, database, answers] in
                        answers.deliver(Self.perform(effect, catalog: catalog, database: database))
                    }
                }
            }
        }
    }

    /// Applies the answers that arrived from the background since the last call; true if there were any.
    @discardableResult
    public func applyAnswers() -> Bool {
        let arrived = answers.take()
        for answer in arrived { send(answer) }
        return !arrived.isEmpty
    }

    /// Waits until every background effect has answered and applies the answers (tests of the background mode).
    public func settle(timeout: TimeInterval = 10) {
        let deadline = Date().addingTimeInterval(timeout)
        while isWaiting || answers.hasArrived, Date() < deadline {
            if !applyAnswers() { answers.wait(until: deadline) }
        }
    }

    private func perform(_ effect: AppEffect) -> AppMsg? {
        Self.perform(effect, catalog: catalog, database: database)
    }

    private static func perform(_ effect: AppEffect, catalog: ScreenCatalog, database: AppDatabase) -> AppMsg? {
        switch effect {
        case .screen(let screenEffect):
            return catalog.perform(screenEffect)
        case .checkForChanges:
            guard let version = try? database.dataVersion() else { return nil }
            return .dataVersion(version)
        case .quit:
            return nil
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

/// Answers coming back from the effects queue to the terminal loop's thread.
final class AnswerInbox: @unchecked Sendable {
    // Guarded by `condition`.
    private var arrived: [AppMsg] = []
    private var expected = 0
    private let condition = NSCondition()

    /// Effects sent and not yet answered (an effect without an answer counts as answered).
    var outstanding: Int { condition.withLock { expected } }
    var hasArrived: Bool { condition.withLock { !arrived.isEmpty } }

    func expect() { condition.withLock { expected += 1 } }

    func deliver(_ answer: AppMsg?) {
        condition.withLock {
            expected -= 1
            if let answer { arrived.append(answer) }
            condition.signal()
        }
    }

    func take() -> [AppMsg] {
        condition.withLock {
            defer { arrived.removeAll() }
            return arrived
        }
    }

    func wait(until deadline: Date) {
        condition.lock()
        if arrived.isEmpty && expected > 0 { _ = condition.wait(until: deadline) }
        condition.unlock()
    }
}
