import Foundation
import FrontdeskTestSupport
import Testing

/// Reads `frontdesk <command> --help` for every command the binary declares, at 80 columns, and
/// holds the help to what issue 14 asks of it: it wraps cleanly and every command has examples.
///
/// The rules, so they can be checked:
/// - no line is longer than 80 columns (ArgumentParser does not wrap the USAGE line, so it is left out);
/// - in the discussion (between OVERVIEW and USAGE) a line starts with a space only if it is an
///   example, "  frontdesk COMMAND …" (or "  sudo frontdesk COMMAND …"), so a paragraph written with
///   manual breaks and indented continuation lines fails;
/// - an example is at most 78 columns and is followed by a blank line or another example, so it
///   never wraps onto a second line;
/// - every leaf command shows at least one example of itself.
@Suite struct HelpTextTests {
    /// Every command path in the tree ("" is the root), with whether it is a leaf.
    static func commands() throws -> [(path: String, leaf: Bool)] {
        let dump = try ProcessRunner.run(["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let root = try #require((try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])?["command"] as? [String: Any])
        var found: [(String, Bool)] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            found.append((path.joined(separator: " "), subcommands.isEmpty))
            for sub in subcommands { walk(sub, path + [sub["commandName"] as? String ?? "?"]) }
        }
        walk(root, [])
        return found.filter { $0.0 != "help" }
    }

    static func help(_ path: String) throws -> [String] {
        let words = path.split(separator: " ").map(String.init)
        let result = try ProcessRunner.run(words + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "frontdesk \(path) --help exited \(result.status): \(result.stderr)")
        return result.stdout.components(separatedBy: "\n")
    }

    static func isExample(_ line: String, of path: String) -> Bool {
        let command = path.isEmpty ? "frontdesk" : "frontdesk \(path)"
        return [command, "sudo \(command)"].contains { line == "  \($0)" || line.hasPrefix("  \($0) ") }
    }

    @Test func helpWrapsCleanlyAtEightyColumnsAndEveryCommandHasExamples() throws {
        let commands = try Self.commands()
        #expect(commands.filter(\.leaf).count > 30, "the command tree was not read: \(commands.map(\.path))")
        for (path, leaf) in commands {
            let lines = try Self.help(path)
            let name = "frontdesk \(path)".trimmingCharacters(in: .whitespaces)
            for line in lines where !line.hasPrefix("USAGE:") {
                #expect(line.count <= 80, "`\(name) --help` has a line of \(line.count) columns: \(line)")
            }
            let usage = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.count
            let discussion = Array(lines[min(1, usage)..<usage])
            for (index, line) in discussion.enumerated() where line.hasPrefix(" ") {
                #expect(Self.isExample(line, of: path), "`\(name) --help`: an indented line that is not an example of it: \(line)")
                #expect(line.count <= 78, "`\(name) --help`: an example longer than 78 columns: \(line)")
                let next = index + 1 < discussion.count ? discussion[index + 1] : ""
                #expect(next.isEmpty || Self.isExample(next, of: path), "`\(name) --help`: an example wraps onto: \(next)")
            }
            if leaf {
                #expect(discussion.contains { Self.isExample($0, of: path) }, "`\(name) --help` shows no example")
            }
        }
    }

    /// The rules above catch what the help looked like before: a paragraph broken by hand with an
    /// indented continuation, and an example too long for one line.
    @Test func theRulesRejectRaggedDiscussions() {
        #expect(!Self.isExample("  shifted proposal and nothing is written", of: "book"))
        #expect(!Self.isExample("  frontdesk agenda --days 3", of: "book"))
        #expect(Self.isExample("  frontdesk book --customer 31 --service 6", of: "book"))
        #expect(Self.isExample("  sudo frontdesk init --shared reception", of: "init"))
        #expect(!Self.isExample("  frontdesk bookings", of: "book"))
    }
}
