import Testing
import TerminalUI

/// A keymap shaped like the bookings screen's, to exercise the legend and validation.
enum SampleAction: String, Sendable, Hashable {
    case book, complete, cancel, noShow, reschedule, search, help, quit, next, previous
}

let sampleKeymap = Keymap<SampleAction>([
    KeyBinding(.book, keys: [.function(2), .character("b")], label: "Book", help: "Book a treatment", section: "Bookings", priority: 9),
    KeyBinding(.complete, keys: [.character("c")], label: "Complete", help: "Mark the session completed", section: "Bookings", priority: 8),
    KeyBinding(.cancel, keys: [.character("x")], label: "Cancel", help: "Cancel the session (asks first)", section: "Bookings", priority: 5),
    KeyBinding(.noShow, keys: [.character("n")], label: "No-show", help: "Record a no-show", section: "Bookings", priority: 4),
    KeyBinding(.reschedule, keys: [.character("r")], label: "Reschedule", help: "Move the session", section: "Bookings", priority: 3),
    KeyBinding(.search, keys: [.character("/")], label: "Search", help: "Search customers", section: "General", priority: 6),
    KeyBinding(.help, keys: [.function(1), .character("?")], label: "Help", help: "Show all keys", section: "General", priority: 10),
    KeyBinding(.quit, keys: [.function(10), .character("q")], label: "Quit", help: "Leave Frontdesk", section: "General", priority: 10),
    KeyBinding(.next, keys: [.down, .character("j")], label: "Down", help: "Next row", section: "Moving", showsInLegend: false),
    KeyBinding(.previous, keys: [.up, .character("k")], label: "Up", help: "Previous row", section: "Moving", showsInLegend: false),
])

@Suite("Keymap")
struct KeymapTests {
    @Test func looksUpActionsByAnyOfTheirKeys() {
        #expect(sampleKeymap.action(for: .function(2)) == .book)
        #expect(sampleKeymap.action(for: .character("b")) == .book)
        #expect(sampleKeymap.action(for: .down) == .next)
        #expect(sampleKeymap.action(for: .character("z")) == nil)
    }

    @Test func sampleKeymapIsValid() {
        #expect(sampleKeymap.validate() == [])
    }

    @Test func functionKeyWithoutLetterIsReported() {
        let keymap = Keymap<SampleAction>([KeyBinding(.book, keys: [.function(2)], label: "Book")])
        #expect(keymap.validate() == ["\"Book\" is bound only to F2; add a letter key as well."])
    }

    @Test func keyBoundTwiceIsReported() {
        let keymap = Keymap<SampleAction>([
            KeyBinding(.complete, keys: [.character("c")], label: "Complete"),
            KeyBinding(.cancel, keys: [.character("c")], label: "Cancel"),
        ])
        #expect(keymap.validate() == ["c is bound to both \"Complete\" and \"Cancel\"."])
    }

    @Test func legendFitsEightyColumnsAndDropsLowPriorityFirst() {
        let legend = KeyLegend(keymap: sampleKeymap)
        var buffer = Buffer(width: 80, height: 1)
        buffer.render(legend, in: buffer.area, theme: .standard)
        let line = buffer.lines()[0]
        #expect(TextWidth.width(of: line) == 80)
        #expect(line.hasPrefix("F2 Book  c Complete  x Cancel"))
        #expect(!line.contains("Down"))

        let narrow = legend.entries(fitting: 40).map(\.action)
        #expect(narrow == [.book, .complete, .help, .quit])
        let total = narrow.compactMap { sampleKeymap.binding(for: $0)?.legendText }.joined(separator: "  ")
        #expect(TextWidth.width(of: total) <= 40)
    }

    @Test func legendNeverSpillsPastTheLine() {
        for width in [80, 40, 12, 0] {
            var buffer = Buffer(width: width, height: 1)
            buffer.render(KeyLegend(keymap: sampleKeymap), in: buffer.area, theme: .monochrome)
            let used = KeyLegend(keymap: sampleKeymap).entries(fitting: width).map(\.legendText).joined(separator: "  ")
            #expect(TextWidth.width(of: used) <= width)
        }
    }

    @Test func helpListsEveryBindingBySection() {
        let help = HelpScreen(keymap: sampleKeymap)
        let lines = help.lines(keyColumnWidth: 8).map(\.text)
        #expect(lines.first == "Bookings")
        #expect(lines.contains("  F2, b     Book a treatment"))
        #expect(lines.contains("Moving"))
        #expect(lines.contains("  ↓, j      Next row"))
        #expect(lines.filter { $0.hasPrefix("  ") }.count == sampleKeymap.bindings.count)
    }

    @Test func aLongDescriptionWrapsUnderItselfInsteadOfBeingCut() throws {
        let keymap = Keymap<String>([
            KeyBinding("complete", keys: [.character("c")], label: "Complete",
                       help: "Mark the session completed; sequential treatments then offer to book the next session in its window",
                       section: "Sessions"),
        ])
        var buffer = Buffer(width: 50, height: 8)
        buffer.render(HelpScreen(keymap: keymap), in: buffer.area, theme: .monochrome)
        let lines = buffer.lines()
        let words = lines.joined(separator: " ").split(separator: " ").filter { $0 != "│" && $0 != "|" }.joined(separator: " ")
        #expect(words.contains("book the next session in its window"))
        #expect(!lines.joined().contains("…"))
        // Continuation lines start under the description, not under the key.
        let first = try #require(lines.first { $0.contains("Mark the") })
        let second = try #require(lines.first { $0.contains("treatments then") })
        #expect(first.range(of: "Mark")?.lowerBound.utf16Offset(in: first) == second.range(of: "treatments")?.lowerBound.utf16Offset(in: second))
    }
}
