import Testing
@testable import FrontdeskCore

@Suite("Session frequency")
struct SessionFrequencyTests {
    @Test(arguments: [
        ("2 per week", 2, 2), ("2-3 per week", 2, 3), ("2x per week", 2, 2), ("2 x per week", 2, 2),
        ("twice a week", 2, 2), ("once a week", 1, 1), ("3 times per week", 3, 3), ("weekly", 1, 1),
        ("Twice Weekly", 2, 2), ("2 to 3 times a week", 2, 3), ("3/week", 3, 3), ("2 – 3 per week", 2, 3),
        ("1 session per week", 1, 1), ("daily", 7, 7),
    ])
    func reads(text: String, min: Int, max: Int) throws {
        let frequency = try #require(SessionFrequency.parse(text))
        #expect(frequency.minPerWeek == min)
        #expect(frequency.maxPerWeek == max)
        #expect(frequency.text == text)
    }

    @Test(arguments: ["", "often", "3-2 per week", "0 per week", "2 per month", "per week", "20 per week", "2 per"])
    func refuses(text: String) {
        #expect(SessionFrequency.parse(text) == nil)
    }

    @Test func keepsTheTextTrimmed() {
        #expect(SessionFrequency.parse("  2 per week ")?.text == "2 per week")
    }
}
