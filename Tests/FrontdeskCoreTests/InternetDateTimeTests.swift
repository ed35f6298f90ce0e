import Foundation
import Testing
@testable import FrontdeskCore

@Suite("Internet date-time: the pinned clock read without a date formatter")
struct InternetDateTimeTests {
    @Test func agreesWithFoundationOnRandomInstantsAndOffsets() {
        let formatter = ISO8601DateFormatter()
        var random = SeededRandom(seed: 42)
        for _ in 0..<2_000 {
            let seconds = Int(random.next() % 8_000_000_000) - 2_000_000_000
            let offsetMinutes = (Int(random.next() % 57) - 28) * 30
            formatter.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60)!
            let text = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(InternetDateTime.parse(text) == formatter.date(from: text), "\(text)")
            #expect(InternetDateTime.parse(text) == Date(timeIntervalSince1970: TimeInterval(seconds)), "\(text)")
        }
    }

    @Test func readsBothOffsetForms() {
        #expect(InternetDateTime.parse("2026-03-04T09:00:00+01:00") == Date(timeIntervalSince1970: 1_772_611_200))
        #expect(InternetDateTime.parse("2026-03-04T08:00:00Z") == Date(timeIntervalSince1970: 1_772_611_200))
        #expect(InternetDateTime.parse("2026-03-04T03:00:00-05:00") == Date(timeIntervalSince1970: 1_772_611_200))
    }

    @Test func refusesAnythingElseSoTheSlowerParsersCanTry() {
        for text in ["", "2026-03-04", "2026-03-04T09:00", "2026-02-30T09:00:00Z", "2026-13-01T09:00:00Z",
                     "2026-03-04T24:00:00Z", "2026-03-04T09:60:00Z", "2026-03-04 09:00:00+01:00", "2026-03-04T09:00:00+0100",
                     "2026-03-04T09:00:00.5Z", "２026-03-04T09:00:00Z", "2026-03-04T09:00:00+01:60"] {
            #expect(InternetDateTime.parse(text) == nil, "\(text)")
        }
    }
}
