import Foundation
import FrontdeskApp
import TerminalUI

/// What the loop needs from a terminal; the ncurses terminal conforms in the executable, and
/// tests can use a scripted one.
public protocol AppTerminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    var shouldQuit: Bool { get }
    func draw(_ buffer: Buffer)
    func readKey(timeoutMilliseconds: Int) -> Key?
}

/// The application's main loop: read a key, update, draw; tick about twice a second.
public enum TerminalLoop {
    /// How long a key read waits, so the clock ticks and other terminals' changes show within a second.
    public static let tickMilliseconds = 400

    /// Runs until quit, a signal or a hangup. With `firstFrameOnly` it draws the first full screen and returns.
    public static func run(_ session: AppSession, on terminal: AppTerminal, firstFrameOnly: Bool = false) {
        let size = terminal.size
        session.resize(width: size.width, height: size.height)
        session.start(checksInBackground: !firstFrameOnly)
        terminal.draw(session.render())
        if firstFrameOnly { return }
        var lastTick = Date()
        while !session.shouldQuit && !terminal.shouldQuit {
            let key = terminal.readKey(timeoutMilliseconds: tickMilliseconds)
            if terminal.shouldQuit || key == .hangup { break }
            if key == .resize {
                let size = terminal.size
                session.resize(width: size.width, height: size.height)
            } else if let key {
                session.press(key)
            }
            if Date().timeIntervalSince(lastTick) * 1000 >= Double(tickMilliseconds) {
                lastTick = Date()
                session.tick()
            }
            if session.shouldQuit { break }
            terminal.draw(session.render())
        }
    }
}
