import Foundation
import Testing
@testable import FrontdeskConfiguration

private let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A folder standing in for /etc and the home folder, removed afterwards.
private struct ConfigurationFolders {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-config-\(UUID().uuidString)")
    var systemFile: String { root.appendingPathComponent("etc/frontdesk/config.toml").path }
    var environment: [String: String] {
        ["HOME": root.appendingPathComponent("home").path, "XDG_CONFIG_DIRS": root.appendingPathComponent("xdg-a").path + ":" + root.appendingPathComponent("xdg-b").path]
    }
    var userFile: String { root.appendingPathComponent("home/.config/frontdesk/config.toml").path }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Configuration and theme choice")
struct ConfigurationTests {
    @Test func noColorAlwaysMeansMonochrome() {
        let config = AppConfiguration(theme: "high-contrast")
        #expect(ThemeChoice.resolve(flag: "default", config: config, environment: ["NO_COLOR": "1"], terminalHasColors: true) == "monochrome")
        #expect(ThemeChoice.resolve(flag: nil, config: config, environment: ["NO_COLOR": ""], terminalHasColors: true) == "high-contrast")
        #expect(ThemeChoice.resolve(flag: "default", config: config, environment: [:], terminalHasColors: false) == "monochrome")
    }

    @Test func flagBeatsConfigBeatsDefault() {
        #expect(ThemeChoice.resolve(flag: "high-contrast", config: AppConfiguration(theme: "mine"), environment: [:], terminalHasColors: true) == "high-contrast")
        #expect(ThemeChoice.resolve(flag: nil, config: AppConfiguration(theme: "mine"), environment: [:], terminalHasColors: true) == "mine")
        #expect(ThemeChoice.resolve(flag: nil, config: AppConfiguration(), environment: [:], terminalHasColors: true) == "default")
    }

    @Test func configurationParses() throws {
        let config = try AppConfiguration.parse("""
        theme = "high-contrast"
        timezone = "Europe/Berlin"
        notify_command = ["notify-send", "Frontdesk"]
        database = "/srv/frontdesk/clinic.sqlite"
        """)
        #expect(config == AppConfiguration(theme: "high-contrast", timezone: "Europe/Berlin", notifyCommand: ["notify-send", "Frontdesk"],
                                           database: "/srv/frontdesk/clinic.sqlite", files: ["config.toml"]))
    }

    /// staff_name was read and never used; an old file still loads, and doctor names the line.
    @Test func retiredStaffNameStillLoadsAndIsReported() throws {
        let config = try AppConfiguration.parse("theme = \"default\"\nstaff_name = \"Anna\"\n")
        #expect(config.theme == "default")
        #expect(config.retiredKeysSet == [RetiredKeyUse(key: "staff_name", file: "config.toml", line: 2)])
    }

    @Test func missingFilesMeanDefaults() throws {
        let folders = ConfigurationFolders()
        let config = try AppConfiguration.load(environment: folders.environment, systemFile: folders.systemFile)
        #expect(config == AppConfiguration())
    }

    /// Receptionists run plain `frontdesk`: the administrator's file names the database, and a
    /// user's own file overrides any key it sets.
    @Test func systemFileGivesTheDatabaseAndTheUsersFileOverrides() throws {
        let folders = ConfigurationFolders()
        defer { folders.remove() }
        try folders.write("database = \"/srv/frontdesk/clinic.sqlite\"\ntheme = \"high-contrast\"\n", to: folders.systemFile)
        try folders.write("timezone = \"Europe/Vienna\"\ntheme = \"monochrome\"\n", to: folders.root.appendingPathComponent("xdg-b/frontdesk/config.toml").path)
        try folders.write("timezone = \"Europe/Zurich\"\n", to: folders.root.appendingPathComponent("xdg-a/frontdesk/config.toml").path)
        try folders.write("theme = \"default\"\n", to: folders.userFile)
        let config = try AppConfiguration.load(environment: folders.environment, systemFile: folders.systemFile)
        #expect(config.database == "/srv/frontdesk/clinic.sqlite")
        #expect(config.theme == "default")
        // The first folder of XDG_CONFIG_DIRS is the more important one.
        #expect(config.timezone == "Europe/Zurich")
        #expect(config.files.count == 4)
        #expect(config.files.last == folders.userFile)
    }

    @Test func aRelativeDatabaseIsBesideItsFileAndTildeIsHome() throws {
        let folders = ConfigurationFolders()
        defer { folders.remove() }
        try folders.write("database = \"clinic.sqlite\"\n", to: folders.systemFile)
        let config = try AppConfiguration.load(environment: folders.environment, systemFile: folders.systemFile)
        #expect(config.database == folders.root.appendingPathComponent("etc/frontdesk/clinic.sqlite").path)
        try folders.write("database = \"~/desk.sqlite\"\n", to: folders.userFile)
        let user = try AppConfiguration.load(environment: folders.environment, systemFile: folders.systemFile)
        #expect(user.database == folders.root.appendingPathComponent("home").path + "/desk.sqlite")
    }

    @Test func anErrorNamesTheFileItIsIn() throws {
        let folders = ConfigurationFolders()
        defer { folders.remove() }
        try folders.write("database = 42\n", to: folders.systemFile)
        #expect(throws: ConfigurationError.badValue(file: folders.systemFile, line: 1, key: "database", expected: "text in quotes")) {
            try AppConfiguration.load(environment: folders.environment, systemFile: folders.systemFile)
        }
    }

    @Test func badConfigurationNamesTheLine() {
        #expect(throws: ConfigurationError.badValue(file: "config.toml", line: 2, key: "notify_command", expected: "a list of texts, e.g. [\"notify-send\", \"Frontdesk\"]")) {
            try AppConfiguration.parse("theme = \"default\"\nnotify_command = \"notify-send\"\n")
        }
        #expect(throws: ConfigurationError.unknownKey(file: "config.toml", line: 1, key: "colour")) {
            try AppConfiguration.parse("colour = \"red\"\n")
        }
        do {
            _ = try AppConfiguration.parse("theme = \"default\"\ntimezone = \"Anna\n")
            Issue.record("a broken file must not load")
        } catch {
            #expect(error.line == 2)
        }
    }

    /// Every key is documented in the README and in the man page's CONFIGURATION section, and every
    /// key in use has a line in the example file `scripts/install` puts in share/doc.
    @Test(arguments: ConfigurationKey.all.map(\.name))
    func everyKeyIsDocumented(key: String) throws {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let man = try String(contentsOf: repository.appendingPathComponent("man/sections.mdoc"), encoding: .utf8)
        let example = try String(contentsOf: repository.appendingPathComponent("man/config.toml.example"), encoding: .utf8)
        #expect(readme.contains("`\(key)`"))
        #expect(man.contains("Cm \(key)"))
        if ConfigurationKey.named(key)?.retiredBecause == nil {
            #expect(example.contains("# \(key) =") || example.contains("# [\(key)]"), "config.toml.example lacks \(key)")
        }
    }
}
