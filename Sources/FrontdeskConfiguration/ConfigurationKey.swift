/// Every key `config.toml` may hold, defined once: the parser accepts exactly these, `doctor`
/// reports the retired ones, and a test checks that the README and the man page document each.
/// To add a key: add it here, handle it in `AppConfiguration.apply`, document it in both places.
public struct ConfigurationKey: Sendable, Equatable {
    /// The key as written in the file.
    public var name: String
    /// One line for people: what it does.
    public var summary: String
    /// An example line.
    public var example: String
    /// Why a retired key is no longer read; nil while it is in use.
    public var retiredBecause: String?

    /// All keys, in the order they are documented.
    public static let all: [ConfigurationKey] = [
        ConfigurationKey(name: "database", summary: "the database file, when neither --db nor FRONTDESK_DB is given",
                         example: "database = \"/srv/frontdesk/clinic.sqlite\""),
        ConfigurationKey(name: "theme", summary: "the colour theme: default, high-contrast, monochrome, or a file in a theme folder",
                         example: "theme = \"high-contrast\""),
        ConfigurationKey(name: "timezone", summary: "the clinic's time zone for a new database (frontdesk init), when --timezone is not given",
                         example: "timezone = \"Europe/Berlin\""),
        ConfigurationKey(name: "notify_command", summary: "the program that sends a follow-up (frontdesk followups --send); it gets the follow-up as JSON on standard input",
                         example: "notify_command = [\"/usr/local/bin/send-sms\", \"--from\", \"Clinic\"]"),
        ConfigurationKey(name: "max_booking_horizon_days", summary: "how many days ahead a session may be booked (default 730)",
                         example: "max_booking_horizon_days = 365"),
        ConfigurationKey(name: "managers", summary: "OS user names that may change services, providers and clinic closed days (and extend packages); with managers_group unset too, everyone may",
                         example: "managers = [\"anna\", \"ben\"]"),
        ConfigurationKey(name: "managers_group", summary: "an OS group whose members are managers, besides the names in managers",
                         example: "managers_group = \"frontdesk-managers\""),
        ConfigurationKey(name: "staff_name", summary: "no longer used", example: "",
                         retiredBecause: "the audit log records the system account, which cannot be chosen in a file"),
    ]

    /// The key called `name`, used or retired.
    public static func named(_ name: String) -> ConfigurationKey? {
        all.first { $0.name == name }
    }

    /// Names of the keys still in use.
    public static var usedNames: [String] {
        all.filter { $0.retiredBecause == nil }.map(\.name)
    }
}
