import Foundation
import TerminalUI
import TOMLKit

/// Reads themes from TOML files: one table per role plus `[symbols] set = "unicode" | "ascii"`.
public enum ThemeLoader {
    /// Role names as theme files spell them.
    public static let roleNames = ThemeRole.allCases.map(\.fileKey)

    static let styleKeys: Set<String> = ["fg", "bg", "bold", "dim", "reverse", "underline"]

    /// Finds and parses the theme `name`. A name containing "/" or ending in ".toml" is a path;
    /// otherwise the folders are searched in order, then the stock themes built into the binary.
    public static func load(named name: String, searchPaths: [URL]) throws(ThemeError) -> Theme {
        if name.contains("/") || name.hasSuffix(".toml") {
            return try loadFile(URL(fileURLWithPath: name), name: themeName(fromPath: name))
        }
        for folder in searchPaths {
            let file = folder.appendingPathComponent("\(name).toml")
            if FileManager.default.fileExists(atPath: file.path) {
                return try loadFile(file, name: name)
            }
        }
        if let stock = StockThemes.text(named: name) {
            return try parse(stock, name: name, file: "built-in theme \"\(name)\"")
        }
        throw .notFound(name: name, searched: searchPaths.map(\.path))
    }

    /// Every theme name a user can choose here: the stock ones and the `.toml` files in the folders.
    public static func availableNames(searchPaths: [URL]) -> [String] {
        var names = StockThemes.names
        for folder in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                if !name.isEmpty, !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// Parses theme text; `name` labels the theme and the error messages.
    public static func parse(_ text: String, name: String) throws(ThemeError) -> Theme {
        try parse(text, name: name, file: "theme \"\(name)\"")
    }

    static func loadFile(_ url: URL, name: String) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(text, name: name, file: url.path)
    }

    static func themeName(fromPath path: String) -> String {
        let last = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return last.isEmpty ? path : last
    }

    static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
        let table: TOMLTable, locator: TOMLLineLocator
        do {
            (table, locator) = try TOMLText.table(text)
        } catch {
            throw .syntax(file: file, line: error.line, column: error.column, reason: error.reason)
        }
        // Roles a file leaves out keep monochrome's emphasis, so nothing (a selection!) goes invisible.
        var theme = Theme(name: name, styles: Theme.monochrome.styles, symbols: .unicode)
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            if key == "name" || key == "description" { continue }
            guard let section = value.table else {
                throw .unknownRole(file: file, line: locator.line(ofKey: key, inTable: nil), role: key)
            }
            if key == "symbols" {
                theme.symbols = try symbols(from: section, file: file, locator: locator)
                continue
            }
            guard let role = ThemeRole(fileKey: key) else {
                throw .unknownRole(file: file, line: locator.line(ofTable: key) ?? locator.line(ofKey: key, inTable: nil), role: key)
            }
            theme[role] = try style(from: section, role: key, file: file, locator: locator)
        }
        return theme
    }

    private static func symbols(from table: TOMLTable, file: String, locator: TOMLLineLocator) throws(ThemeError) -> Symbols {
        var result = Symbols.unicode
        for key in table.keys.sorted() {
            let line = locator.line(ofKey: key, inTable: "symbols")
            guard key == "set" else { throw .unknownKey(file: file, line: line, key: "symbols.\(key)") }
            switch table[key]?.string {
            case "unicode": result = .unicode
            case "ascii": result = .ascii
            default: throw .badValue(file: file, line: line, key: "symbols.set", expected: "\"unicode\" or \"ascii\"")
            }
        }
        return result
    }

    private static func style(from table: TOMLTable, role: String, file: String, locator: TOMLLineLocator) throws(ThemeError) -> Style {
        var style = Style()
        for key in table.keys.sorted() {
            let line = locator.line(ofKey: key, inTable: role)
            let path = "\(role).\(key)"
            guard styleKeys.contains(key), let value = table[key] else {
                throw .unknownKey(file: file, line: line, key: path)
            }
            if key == "fg" || key == "bg" {
                let color: Color?
                if let name = value.string {
                    color = Color(name: name)
                    if color == nil { throw .unknownColor(file: file, line: line, key: path, value: name) }
                } else if let number = value.int {
                    color = (0...255).contains(number) ? .indexed(UInt8(number)) : nil
                    if color == nil { throw .unknownColor(file: file, line: line, key: path, value: String(number)) }
                } else {
                    throw .badValue(file: file, line: line, key: path, expected: "a colour name in quotes or a number 0–255")
                }
                // "default" means the terminal's colour; stored as nil so patching keeps inheriting.
                let resolved = color == .default ? nil : color
                if key == "fg" { style.foreground = resolved } else { style.background = resolved }
                continue
            }
            guard let flag = value.bool else {
                throw .badValue(file: file, line: line, key: path, expected: "true or false")
            }
            switch key {
            case "bold": style.bold = flag
            case "dim": style.dim = flag
            case "reverse": style.reverse = flag
            default: style.underline = flag
            }
        }
        return style
    }
}
