import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// The Book preview and confirmation ask the core's placement rule (issue 12 items 4 and 10).
@Suite struct BookPlacementTests {
    /// Item 4: a date edited by hand that breaks the 30-day implant gap is not booked; the preview says which rule.
    @Test func aHandTypedDateBreakingTheImplantGapIsRefusedInThePreview() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("March 10 at 2pm")
        desk.press(.enter)
        desk.press(.down, times: 2)
        desk.press(.character("e"))
        desk.press(.backspace, times: 30)
        desk.type("2026-04-10 14:00")
        desk.press(.enter)
        #expect(!desk.text.contains("proposed instead: Fri 10 Apr"), "the hand-typed date must not be offered as its own proposal")
        desk.press(.enter)
        #expect(desk.text.contains("is too soon after session 2"), "\(desk.text)")
        #expect(desk.text.contains("at least 30 days apart"))
        #expect(!desk.effects.contains { if case .bookImmediate = $0 { return true } else { return false } })
        #expect(try t.database.agenda(from: t.at("2026-03-01 00:00"), to: t.at("2026-06-01 00:00"), limit: 100).isEmpty)
    }

    /// Item 11 in the Book preview: a start typed with a year typo is refused there with the booking
    /// horizon named, not shown as "every session fits".
    @Test func aPlanBeyondTheBookingHorizonNamesItInThePreview() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("+9999w")
        desk.press(.enter)
        let preview = desk.text
        #expect(preview.contains("beyond the booking horizon of 730 days"), "\(preview)")
        #expect(preview.contains("✗ refused"), "\(preview)")
        #expect(!preview.contains("Every session fits as requested"), "\(preview)")
        // Nothing to accept: the preview says what to do instead of offering Enter.
        #expect(!preview.contains("accepts the proposed times"), "\(preview)")
        #expect(preview.contains("e gives it another date"), "\(preview)")
        desk.press(.enter)
        #expect(desk.text.contains("beyond the booking horizon"), "\(desk.text)")
        #expect(!desk.effects.contains { if case .bookImmediate = $0 { return true } else { return false } })
    }

    /// Item 10: a plan landing on a time the spring change skips says so in the preview.
    @Test func thePreviewSaysWhenAPlannedTimeDoesNotExist() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        try ClinicFixture.seed(t.database, hours: "Mon-Sun 00:00-23:59")
        let desk = BookFlowDriver(t)
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("2026-03-15 02:30")
        desk.press(.enter)
        let screen = desk.screen(width: 120, height: 40).lines().joined(separator: "\n")
        #expect(screen.contains("02:30 does not exist on Sun 29 Mar 2026"), "\(screen)")
        #expect(screen.contains("planned at 03:30"))
    }
}
