import Foundation
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import TerminalUI

/// Keystroke to frame on the Bookings screen, through the application's own session: the key goes
/// through `AppShell.update`, every effect it causes runs against the store, then the full 120×40
/// frame is rendered into a cell buffer (what the curses backend then diffs onto the terminal).
struct ShellDriver {
    enum Action: String, CaseIterable {
        case scrollRow, scrollPage, jumpEnd

        var key: Key {
            switch self {
            case .scrollRow: return .down
            case .scrollPage: return .pageDown
            case .jumpEnd: return .end
            }
        }

        /// Scrolling carries on from where the last press left it (crossing page loads as a
        /// receptionist would); a jump starts from a freshly opened screen every time.
        var continues: Bool { self != .jumpEnd }
    }

    let database: AppDatabase
    let width = 120, height = 40
    private(set) var session: AppSession
    var note: String { "AppSession: key → update → effects against the store → full \(width)×\(height) render" }

    init(database: AppDatabase) {
        self.database = database
        session = ShellDriver.open(database, width: 120, height: 40)
    }

    static func open(_ database: AppDatabase, width: Int, height: Int) -> AppSession {
        let session = AppSession(database: database, theme: .standard, width: width, height: height)
        session.start()
        return session
    }

    mutating func prepare(for action: Action) {
        if !action.continues { session = ShellDriver.open(database, width: width, height: height) }
    }

    func perform(_ action: Action) {
        session.press(action.key)
        blackHole(session.render())
    }
}
