import Foundation
import FrontdeskCore
import FrontdeskStore

/// A real SQLite file in a fresh temporary folder, with a fixed clock in Europe/Zurich.
public final class TemporaryDatabase: @unchecked Sendable {
    public let folder: URL
    public let path: String
    public let database: AppDatabase
    private let clockBox: ClockBox

    /// The fixed "now" every operation sees; tests move it with `advance`.
    public var now: Date {
        get { clockBox.now }
        set { clockBox.now = newValue }
    }

    public var calendar: ClinicCalendar { database.calendar }

    public init(now: String = "2026-03-04T09:00:00+01:00", timeZone: String = "Europe/Zurich") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("clinic.sqlite").path
        let box = ClockBox(now: ISO8601DateFormatter().date(from: now)!)
        clockBox = box
        database = try AppDatabase.open(path: path, create: true, timeZone: timeZone, actor: "test", clock: { box.now })
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Moves the clock forward.
    public func advance(days: Int = 0, hours: Int = 0) {
        now = now.addingTimeInterval(TimeInterval(days * 86_400 + hours * 3600))
    }

    /// An instant in the clinic's zone: `at("2026-03-10 14:00")`.
    public func at(_ text: String) -> Date {
        guard let date = calendar.parseISO8601(text.replacingOccurrences(of: " ", with: "T")) else {
            fatalError("bad test date \(text)")
        }
        return date
    }
}

/// A mutable clock shared with the database's closure.
final class ClockBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date

    init(now: Date) { value = now }

    var now: Date {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
