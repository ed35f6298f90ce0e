import ArgumentParser
import Foundation
import FrontdeskApp
import FrontdeskConfiguration
import FrontdeskCore
import FrontdeskStore

/// `--db PATH` for every subcommand; then `FRONTDESK_DB`, the `database` key of the configuration
/// files, and the XDG data folder.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file.",
        discussion: "Default: $FRONTDESK_DB, else `database` in config.toml (/etc/frontdesk/config.toml or ~/.config/frontdesk/config.toml), else $XDG_DATA_HOME/frontdesk/frontdesk.sqlite (~/.local/share/frontdesk/frontdesk.sqlite).",
        valueName: "path"), completion: .file())
    var db: String?

    var path: String {
        get throws(CommandFailure) {
            if let db { return db }
            return try DatabaseOptions.defaultPath()
        }
    }

    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> String {
        if let explicit = environment["FRONTDESK_DB"], !explicit.isEmpty { return explicit }
        if let configured = try Settings.load(environment: environment).database { return configured }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/frontdesk/frontdesk.sqlite"
    }

    /// Opens the database; `create` for the commands that may start a new file.
    /// `readOnly` for commands that only read (agenda, groups, kpi, exports): they never write the file.
    func open(create: Bool = false, timeZone: String? = nil, sharedGroup: String? = nil, readOnly: Bool = false) throws(CommandFailure) -> AppDatabase {
        let clock = try Clock.fromEnvironment()
        let path = try self.path
        // A broken settings file is reported by the commands that need it (the application, notify);
        // here it only means the defaults (no country code, the default horizon).
        let settings = try? Settings.load()
        let database = try store { () throws(StoreError) in
            try AppDatabase.open(path: path, create: create, timeZone: timeZone, sharedGroup: sharedGroup, readOnly: readOnly,
                                 clock: clock, setupWait: SetupLockWait(notice: { Output.error($0) }),
                                 phoneCountryCode: settings?.defaultCountryCode)
        }
        guard let days = settings?.maxBookingHorizonDays else { return database }
        return database.withBookingHorizon(days: days)
    }

    /// True when there is no database yet at the path (missing or an empty file): `init` and `demo`
    /// then create one and need the clinic's zone.
    var needsCreating: Bool {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber else { return true }
        return size.intValue == 0
    }
}

/// The zone a new database gets when no --timezone is given: the system's, unless the system's
/// setting is not a zone Foundation knows (it would silently become UTC).
enum SystemTimeZone {
    static func identifier(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> String {
        if var tz = environment["TZ"], !tz.isEmpty {
            if tz.hasPrefix(":") { tz.removeFirst() }
            if tz.hasPrefix("/") { tz = tz.components(separatedBy: "/zoneinfo/").last ?? tz }
            guard TimeZone(identifier: tz) != nil else {
                throw .invalid("The system time zone TZ=\(TextLimits.quote(tz)) is not a time zone this machine knows, so the clinic's zone cannot be taken from it. Pass --timezone with an IANA name such as Europe/Zurich.")
            }
            return tz
        }
        return TimeZone.current.identifier
    }
}

/// The clock: `FRONTDESK_NOW` (ISO 8601) pins it for tests and demos.
enum Clock {
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> @Sendable () -> Date {
        guard let text = environment["FRONTDESK_NOW"], !text.isEmpty else { return { Date() } }
        // The common full form is read by hand: ISO8601DateFormatter costs milliseconds per process.
        if let fixed = InternetDateTime.parse(text) { return { fixed } }
        let formatter = ISO8601DateFormatter()
        guard let fixed = formatter.date(from: text) ?? ClinicCalendar(timeZone: .current).parseISO8601(text) else {
            throw .invalid("FRONTDESK_NOW=\(text) is not an ISO 8601 time. Use e.g. 2026-03-04T09:00:00+01:00, or unset it.")
        }
        return { fixed }
    }
}
