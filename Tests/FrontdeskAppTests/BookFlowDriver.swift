import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI

/// Drives a `BookFlow` as the shell does — keys in, effects run against a real temporary
/// database by `BookEffectRunner`, answers fed back — synchronously, with no sleeps.
final class BookFlowDriver {
    var flow: BookFlow
    let runner: BookEffectRunner
    let database: TemporaryDatabase
    /// Every key that is not typed text: Enter, Tab, arrows, Esc, function keys, y/n answers.
    private(set) var controlKeys = 0
    private(set) var effects: [BookEffect] = []
    private(set) var events: [BookEvent] = []

    init(_ database: TemporaryDatabase, start: BookFlowStart = .new) {
        self.database = database
        runner = BookEffectRunner(database: database.database)
        flow = BookFlow(start: start, calendar: database.calendar, now: database.now)
        run(flow.start())
    }

    /// Types text into whatever field has focus, one character at a time (not counted as keys).
    func type(_ text: String) {
        for character in text { run(flow.handle(.character(character))) }
    }

    /// Presses a non-text key (counted).
    func press(_ key: Key, times: Int = 1) {
        for _ in 0..<times {
            controlKeys += 1
            run(flow.handle(key))
        }
    }

    /// Answers a y/n question (counted like any other key).
    func answer(_ letter: Character) {
        controlKeys += 1
        run(flow.handle(.character(letter)))
    }

    private func run(_ first: [BookEffect]) {
        var queue = first
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            effects.append(effect)
            guard let event = runner.perform(effect) else { continue }
            events.append(event)
            queue += flow.receive(event)
        }
    }

    /// The flow drawn as the shell would: the flow above, its legend on the bottom row.
    func screen(width: Int = 100, height: Int = 30, theme: Theme = .monochrome) -> Buffer {
        BookFlowDriver.draw(flow, width: width, height: height, theme: theme)
    }

    static func draw(_ flow: BookFlow, width: Int, height: Int, theme: Theme = .monochrome) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        flow.render(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: height - 1), theme: theme)
        buffer.render(KeyLegend(keymap: flow.legend), in: Rect(x: 0, y: height - 1, width: width, height: 1), theme: theme)
        return buffer
    }

    /// The screen as one string, for `contains` checks.
    var text: String { screen().lines().joined(separator: "\n") }

    /// The booked outcome's group, or nil.
    var bookedGroupID: String? {
        if case let .booked(groupID, _, _)? = flow.outcome { return groupID }
        return nil
    }

    var bookedMessage: String? {
        if case let .booked(_, _, message)? = flow.outcome { return message }
        return nil
    }

    /// The last failure message the store sent, if any.
    var lastFailure: String? {
        for event in events.reversed() {
            if case let .failed(_, message) = event { return message }
        }
        return nil
    }
}

extension TemporaryDatabase {
    /// The clinic-local wall-clock texts of a treatment's live sessions, by number.
    func sessionStarts(group id: String) throws -> [String] {
        try database.group(id: id).sessions.filter { $0.status.holdsSlot }.sorted { $0.sessionNumber < $1.sessionNumber }
            .map { calendar.iso8601($0.start) }
    }
}
