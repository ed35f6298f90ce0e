import Foundation
import Testing
@testable import FrontdeskCore

/// Which later sessions move, and where, when a missed session of an immediate treatment is booked again.
@Suite struct MissedSessionRebookingTests {
    let calendar = Fixture.zurich

    func ref(_ id: Int64, _ number: Int, _ status: BookingStatus, _ date: Date) -> MissedSessionRebooking.SessionRef {
        MissedSessionRebooking.SessionRef(bookingID: id, number: number, status: status, start: date)
    }

    @Test func laterConfirmedSessionsMoveByTheSameDaysAndTimeAcrossDaylightSaving() {
        let sessions = [ref(1, 1, .completed, Fixture.at(2026, 3, 10, 14)), ref(2, 2, .noShow, Fixture.at(2026, 3, 24, 14)),
                        ref(3, 3, .confirmed, Fixture.at(2026, 4, 23, 14)), ref(4, 4, .confirmed, Fixture.at(2026, 5, 7, 14))]
        // One week and one hour later, across the change to summer time on 29 March.
        let moves = MissedSessionRebooking.laterMoves(number: 2, missedStart: Fixture.at(2026, 3, 24, 14),
                                                      newStart: Fixture.at(2026, 3, 31, 15), sessions: sessions, calendar: calendar)
        #expect(moves.map(\.bookingID) == [3, 4])
        #expect(moves.map(\.to) == [Fixture.at(2026, 4, 30, 15), Fixture.at(2026, 5, 14, 15)])
        // Gaps between the moved sessions stay as they were.
        #expect(calendar.daysBetween(moves[0].to, moves[1].to) == calendar.daysBetween(sessions[2].start, sessions[3].start))
    }

    @Test func onlyLaterConfirmedSessionsMove() {
        let sessions = [ref(1, 1, .cancelled, Fixture.at(2026, 3, 10, 14)), ref(2, 2, .confirmed, Fixture.at(2026, 3, 24, 14)),
                        ref(3, 3, .completed, Fixture.at(2026, 3, 26, 14))]
        let moves = MissedSessionRebooking.laterMoves(number: 1, missedStart: Fixture.at(2026, 3, 10, 14),
                                                      newStart: Fixture.at(2026, 3, 12, 14), sessions: sessions, calendar: calendar)
        #expect(moves.map(\.bookingID) == [2])
    }

    @Test func theNumberToBookAgainIsTheLowestMissedOne() {
        let progress = GroupProgress(totalSessions: 3, sessions: [
            SessionSnapshot(number: 3, status: .noShow, start: Fixture.at(2026, 3, 3, 9), end: Fixture.at(2026, 3, 3, 10), label: ""),
            SessionSnapshot(number: 2, status: .cancelled, start: Fixture.at(2026, 3, 2, 9), end: Fixture.at(2026, 3, 2, 10), label: ""),
        ], now: Fixture.at(2026, 3, 20, 9))
        #expect(MissedSessionRebooking.number(in: progress) == 2)
    }
}
