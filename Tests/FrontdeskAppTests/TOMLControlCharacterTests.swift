import FrontdeskApp
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

    @Test func tabsAndWindowsLineEndingsAreStillFine() throws {
        let configuration = try AppConfiguration.parse("theme\t= \"monochrome\"\r\nstaff_name = \"Anna\"\r\n", file: "config.toml")
        #expect(configuration.theme == "monochrome")
    }
}
