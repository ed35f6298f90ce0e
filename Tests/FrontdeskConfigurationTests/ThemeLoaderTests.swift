import Foundation
import Testing
import TerminalUI
@testable import FrontdeskConfiguration

/// The repository's themes/ folder, found from this file's location.
private let shippedThemes = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")

@Suite("Theme loading")
struct ThemeLoaderTests {
    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func shippedThemesLoad(name: String) throws {
        let theme = try ThemeLoader.load(named: name, searchPaths: [shippedThemes])
        #expect(theme.name == name)
        #expect(theme[.selection] != .plain)
    }

    @Test func defaultFileMatchesTheBuiltInColourTheme() throws {
        let theme = try ThemeLoader.load(named: "default", searchPaths: [shippedThemes])
        #expect(theme.styles == Theme.standard.styles)
        #expect(theme.symbols == .unicode)
    }

    @Test func monochromeFileMatchesTheBuiltInAndHasNoColours() throws {
        let theme = try ThemeLoader.load(named: "monochrome", searchPaths: [shippedThemes])
        #expect(theme.styles == Theme.monochrome.styles)
        #expect(theme.symbols == .ascii)
        for style in theme.styles.values {
            #expect(style.foreground == nil && style.background == nil)
        }
    }

    @Test func monochromeIsBuiltInWhenNoFileExists() throws {
        let theme = try ThemeLoader.load(named: "monochrome", searchPaths: [])
        #expect(theme == .monochrome)
    }

    /// An installed binary copied alone once said "There is no theme called "default"".
    @Test(arguments: StockThemes.names)
    func stockThemesAreBuiltInAndIdenticalToTheShippedFiles(name: String) throws {
        let file = try String(contentsOf: shippedThemes.appendingPathComponent("\(name).toml"), encoding: .utf8)
        #expect(StockThemes.text(named: name) == file)
        let builtIn = try ThemeLoader.load(named: name, searchPaths: [])
        #expect(builtIn == (try ThemeLoader.load(named: name, searchPaths: [shippedThemes])))
    }

    @Test func aFolderThemeReplacesTheStockOneOfTheSameName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-own-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "[title]\nfg = \"red\"\n".write(to: folder.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
        try "[title]\nfg = \"blue\"\n".write(to: folder.appendingPathComponent("clinic.toml"), atomically: true, encoding: .utf8)
        #expect(try ThemeLoader.load(named: "default", searchPaths: [folder])[.title].foreground == .red)
        #expect(ThemeLoader.availableNames(searchPaths: [folder]) == ["default", "high-contrast", "monochrome", "clinic"])
    }

    @Test func explicitPathLoads() throws {
        let theme = try ThemeLoader.load(named: shippedThemes.appendingPathComponent("high-contrast.toml").path, searchPaths: [])
        #expect(theme.name == "high-contrast")
        #expect(theme[.selection].background == .brightYellow)
    }

    @Test func unknownThemeSaysWhereItLooked() {
        #expect(throws: ThemeError.notFound(name: "ocean", searched: [shippedThemes.path])) {
            try ThemeLoader.load(named: "ocean", searchPaths: [shippedThemes])
        }
    }

    @Test func syntaxErrorNamesTheLine() {
        let text = """
        [normal]
        fg = "white"

        [selection
        bg = "cyan"
        """
        do {
            _ = try ThemeLoader.parse(text, name: "broken")
            Issue.record("a broken file must not load")
        } catch {
            #expect(error.line == 4)
            #expect(error.description.contains("line 4"))
        }
    }

    @Test func unknownColourNamesTheKeyAndLine() {
        let text = """
        # my theme
        [title]
        bold = true
        fg = "teal"
        """
        #expect(throws: ThemeError.unknownColor(file: "theme \"mine\"", line: 4, key: "title.fg", value: "teal")) {
            try ThemeLoader.parse(text, name: "mine")
        }
        do {
            _ = try ThemeLoader.parse(text, name: "mine")
        } catch {
            #expect(error.description.hasPrefix("theme \"mine\", line 4: title.fg = \"teal\" is not a colour."))
        }
    }

    @Test func unknownRoleAndKeyAndBadValueAreNamed() {
        #expect(throws: ThemeError.unknownRole(file: "theme \"t\"", line: 2, role: "sparkle")) {
            try ThemeLoader.parse("\n[sparkle]\nfg = \"red\"\n", name: "t")
        }
        #expect(throws: ThemeError.unknownKey(file: "theme \"t\"", line: 3, key: "header.italic")) {
            try ThemeLoader.parse("[header]\nbold = true\nitalic = true\n", name: "t")
        }
        #expect(throws: ThemeError.badValue(file: "theme \"t\"", line: 2, key: "header.bold", expected: "true or false")) {
            try ThemeLoader.parse("[header]\nbold = \"yes\"\n", name: "t")
        }
        #expect(throws: ThemeError.badValue(file: "theme \"t\"", line: 2, key: "symbols.set", expected: "\"unicode\" or \"ascii\"")) {
            try ThemeLoader.parse("[symbols]\nset = \"emoji\"\n", name: "t")
        }
    }

    @Test func numbersAndDefaultAreColours() throws {
        let theme = try ThemeLoader.parse("[accent]\nfg = 208\nbg = \"default\"\n[warning]\nfg = \"color17\"\n", name: "t")
        #expect(theme[.accent] == Style(foreground: .indexed(208)))
        #expect(theme[.warning] == Style(foreground: .indexed(17)))
        // Roles left out keep monochrome emphasis rather than vanishing.
        #expect(theme[.selection] == Theme.monochrome[.selection])
    }

    @Test func searchFoldersAreTheUsersThenTheSystemDataFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-themes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let userThemes = root.appendingPathComponent("xdg/frontdesk/themes")
        let localShare = root.appendingPathComponent("local/share/frontdesk/themes")
        let share = root.appendingPathComponent("share/frontdesk/themes")
        for folder in [userThemes, localShare, share] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let folders = ThemeSearchPaths.folders(environment: [
            "XDG_CONFIG_HOME": root.appendingPathComponent("xdg").path,
            "XDG_DATA_DIRS": "\(root.path)/local/share:relative/ignored:\(root.path)/missing:\(root.path)/share",
        ])
        #expect(folders.map { $0.standardizedFileURL.path } == [userThemes, localShare, share].map { $0.standardizedFileURL.path })
    }

    @Test func xdgDefaultsApplyWhenUnsetOrEmpty() {
        #expect(XDGFolders.dataDirs(environment: [:]) == ["/usr/local/share", "/usr/share"])
        #expect(XDGFolders.dataDirs(environment: ["XDG_DATA_DIRS": ""]) == ["/usr/local/share", "/usr/share"])
        #expect(XDGFolders.configDirs(environment: [:]) == ["/etc/xdg"])
        #expect(XDGFolders.configHome(environment: ["HOME": "/home/anna"]) == "/home/anna/.config")
        #expect(XDGFolders.configHome(environment: ["HOME": "/home/anna", "XDG_CONFIG_HOME": "/cfg"]) == "/cfg")
    }
}
