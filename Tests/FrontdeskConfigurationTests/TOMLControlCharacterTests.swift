@testable import FrontdeskConfiguration
import Testing

/// Control characters in configuration and theme files: refused with their line, never handed to
/// the TOML parser, which aborted the program on "[[\u{1A}x]]" (found by fuzzing).
@Suite struct TOMLControlCharacterTests {
    @Test func aControlCharacterInATableHeaderIsASyntaxErrorNotACrash() {
        #expect(throws: ConfigurationError.self) { try AppConfiguration.parse("[[\u{1A}x]]\n[x]", file: "config.toml") }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[[\u{1A}x]]\n[x]", name: "broken") }
    }

    @Test func theRefusalNamesTheLineAndTheCharacter() {
        do {
            _ = try AppConfiguration.parse("theme = \"default\"\nstaff_name = \"A\u{7}\"\n", file: "config.toml")
            Issue.record("a bell character was accepted")
        } catch {
            #expect(error.description.contains("2"))
            #expect(error.description.contains("U+0007"))
        }
    }

    @Test func aTableHeaderThatDoesNotStartWithANameIsASyntaxErrorNotACrash() {
        for text in ["[{ fg = \"white\" }", "[[ =x]]", "[.a]", "a = 1\n[ {b}]", "x = 1979-05-27T:00Z07", "x = 07:32:00", "x = [1979-05-27]", "staf= [}}]", "a = }", "a = [1,,2]", "a = [\n# c\n}"] {
            #expect(throws: ConfigurationError.self, "\(text)") { try AppConfiguration.parse(text, file: "config.toml") }
            #expect(throws: ThemeError.self, "\(text)") { try ThemeLoader.parse(text, name: "broken") }
        }
    }

    @Test func arraysAndStringsThatLookLikeHeadersAreStillRead() throws {
        // Nested arrays at the start of a line and brackets inside strings are values, not headers.
        #expect(TOMLPreflightProbe.acceptsHeaders("a = [\n[ {x = 1} ]\n]\nb = \"\"\"\n[{\n\"\"\"\n[colors]\n"))
        let theme = try ThemeLoader.parse("# [{ not a header\n[title]\nbold = true\n", name: "commented")
        #expect(theme.name == "commented")
    }

    @Test func tabsAndWindowsLineEndingsAreStillFine() throws {
        let configuration = try AppConfiguration.parse("theme\t= \"monochrome\"\r\nstaff_name = \"Anna\"\r\n", file: "config.toml")
        #expect(configuration.theme == "monochrome")
    }
}

enum TOMLPreflightProbe {
    static func acceptsHeaders(_ text: String) -> Bool { TOMLPreflight.problem(in: text) == nil }
}
