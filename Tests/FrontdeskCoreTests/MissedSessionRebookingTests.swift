import Foundation
import Testing
@testable import FrontdeskCore

/// Which session a missed-session rebooking is for, and how a move along is worded.
@Suite struct MissedSessionRebookingTests {
    @Test func theNumberToBookAgainIsTheLowestMissedOne() {
        let progress = GroupProgress(totalSessions: 3, sessions: [
            SessionSnapshot(number: 3, status: .noShow, start: Fixture.at(2026, 3, 3, 9), end: Fixture.at(2026, 3, 3, 10), label: ""),
            SessionSnapshot(number: 2, status: .cancelled, start: Fixture.at(2026, 3, 2, 9), end: Fixture.at(2026, 3, 2, 10), label: ""),
            SessionSnapshot(number: 1, status: .completed, start: Fixture.at(2026, 3, 1, 9), end: Fixture.at(2026, 3, 1, 10), label: ""),
        ], now: Fixture.at(2026, 3, 20, 9))
        #expect(MissedSessionRebooking.number(in: progress) == 2)
        let none = GroupProgress(totalSessions: 2, sessions: [
            SessionSnapshot(number: 1, status: .completed, start: Fixture.at(2026, 3, 1, 9), end: Fixture.at(2026, 3, 1, 10), label: ""),
        ], now: Fixture.at(2026, 3, 20, 9))
        #expect(MissedSessionRebooking.number(in: none) == nil)
    }

    @Test func aMoveAlongReadsFromAndTo() {
        #expect(MissedSessionRebooking.moveText(noun: "Session", number: 3, from: Fixture.at(2026, 4, 23, 14),
                                                to: Fixture.at(2026, 4, 30, 14), calendar: Fixture.zurich)
                == "session 3 Thu 23 Apr 2026 14:00 → Thu 30 Apr 2026 14:00")
    }
}
