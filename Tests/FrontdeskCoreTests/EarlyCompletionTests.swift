import Foundation
import Testing
@testable import FrontdeskCore

/// Completing the future needs intent (issue 12 item 2): the wording and the one-hour rule.
@Suite struct EarlyCompletionTests {
    let calendar = Fixture.zurich
    let now = Fixture.at(2026, 12, 1, 9)

    @Test func theQuestionNamesTheDateAndHowFarAwayItIs() {
        #expect(EarlyCompletion.question(start: Fixture.at(2027, 1, 19, 14), now: now, calendar: calendar)
                == "This session is on Tue 19 Jan 2027, in 7 weeks. Mark it completed anyway?")
        #expect(EarlyCompletion.question(start: Fixture.at(2026, 12, 2, 10), now: now, calendar: calendar, noun: "Lesson")
                == "This lesson is on Wed 2 Dec 2026, tomorrow. Mark it completed anyway?")
    }

    @Test func noQuestionOnceTheSessionHasStarted() {
        #expect(EarlyCompletion.question(start: now, now: now, calendar: calendar) == nil)
        #expect(EarlyCompletion.question(start: Fixture.at(2026, 11, 30, 9), now: now, calendar: calendar) == nil)
    }

    @Test func distancesReadAsTheDeskSaysThem() {
        func distance(_ date: Date) -> String { EarlyCompletion.distance(from: now, to: date, calendar: calendar) }
        #expect(distance(Fixture.at(2026, 12, 1, 9, 40)) == "in 40 minutes")
        #expect(distance(Fixture.at(2026, 12, 1, 9, 1)) == "in 1 minute")
        #expect(distance(Fixture.at(2026, 12, 1, 12)) == "in 3 hours")
        #expect(distance(Fixture.at(2026, 12, 2, 8)) == "tomorrow")
        #expect(distance(Fixture.at(2026, 12, 6, 8)) == "in 5 days")
        #expect(distance(Fixture.at(2026, 12, 15, 8)) == "in 2 weeks")
        #expect(distance(Fixture.at(2027, 4, 1, 8)) == "in 4 months")
    }

    @Test func intentIsNeededOnlyMoreThanAnHourAhead() {
        #expect(!EarlyCompletion.needsIntent(start: now.addingTimeInterval(3600), now: now))
        #expect(EarlyCompletion.needsIntent(start: now.addingTimeInterval(3601), now: now))
        #expect(!EarlyCompletion.needsIntent(start: now.addingTimeInterval(-86_400), now: now))
    }
}
