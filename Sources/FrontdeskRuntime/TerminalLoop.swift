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
    /// How long a key read waits while an effect is still working.
    public static let answerPollMilliseconds = 15
    /// How long a key waits for the answers of effects already under way.
    public static let keyWaitSeconds = 0.05

    /// Runs until quit, a signal or a hangup. With `firstFrameOnly` it draws the first full screen and returns.
    public static func run(_ session: AppSession, on terminal: AppTerminal, firstFrameOnly: Bool = false) {
        let size = terminal.size
        session.resize(width: size.width, height: size.height)
        session.start(checksInBackground: !firstFrameOnly)
        if firstFrameOnly {
            session.settle()
            terminal.draw(session.render())
            return
        }
        terminal.draw(session.render())
        var lastTick = Date()
        while !session.shouldQuit && !terminal.shouldQuit {
            // While effects run in the background, look for their answers often; keys still come first.
            let key = terminal.readKey(timeoutMilliseconds: session.isWaiting ? answerPollMilliseconds : tickMilliseconds)
            if terminal.shouldQuit || key == .hangup { break }
            // Answers that are about to arrive come before the key, so a fast typist's next key acts
            // on what the last one loaded; a slow effect does not hold keys up for longer than this.
            if key != nil { session.settle(timeout: keyWaitSeconds) }
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
            session.applyAnswers()
            if session.shouldQuit { break }
            terminal.draw(session.render())
        }
    }
}
