import Foundation
import Testing
@testable import FrontdeskCore

/// The one definition of a treatment's state (issue 8 item 3, issue 12 item 1).
@Suite struct GroupStateTests {
    let now = Fixture.at(2026, 3, 20, 12)

    func session(_ number: Int, _ status: BookingStatus, _ day: Int) -> SessionSnapshot {
        SessionSnapshot(number: number, status: status, start: Fixture.at(2026, 3, day, 17),
                        end: Fixture.at(2026, 3, day, 18), label: "")
    }

    func state(_ total: Int, _ sessions: [SessionSnapshot], cancelled: Bool = false, ended: Bool = false,
               expiresAt: Date? = nil) -> GroupState {
        GroupState.of(GroupProgress(totalSessions: total, sessions: sessions, now: now), cancelled: cancelled, ended: ended,
                      expiresAt: expiresAt, now: now)
    }

    @Test func completedOnlyWhenEveryNumberHasACompletedBooking() {
        #expect(state(2, [session(1, .completed, 10), session(2, .completed, 12)]) == .completed)
        #expect(state(2, [session(1, .completed, 10), session(2, .cancelled, 11), session(2, .completed, 12)]) == .completed)
        // Two completed bookings of one number do not make a second session.
        #expect(state(2, [session(1, .completed, 10), session(1, .completed, 12)]) != .completed)
    }

    @Test func aNoShowOnTheLastSessionIsNotACompletion() {
        #expect(state(2, [session(1, .completed, 10), session(2, .noShow, 12)]) == .toBook)
        #expect(state(2, [session(1, .completed, 10), session(2, .noShow, 12), session(2, .confirmed, 27)]) == .active)
    }

    @Test func aMissedSessionMakesTheTreatmentToBookEvenWithLaterSessionsBooked() {
        let sessions = [session(1, .completed, 10), session(2, .noShow, 12), session(3, .confirmed, 26)]
        #expect(state(3, sessions) == .toBook)
        #expect(state(3, [session(1, .completed, 10), session(2, .cancelled, 12), session(3, .confirmed, 26)]) == .toBook)
        #expect(state(3, [session(1, .completed, 10), session(2, .confirmed, 22), session(3, .confirmed, 26)]) == .active)
    }

    @Test func nothingBookedAndSessionsLeftIsToBook() {
        #expect(state(3, []) == .toBook)
        #expect(state(8, [session(1, .completed, 10)]) == .toBook)
        #expect(state(10, [session(1, .completed, 10), session(2, .confirmed, 25)]) == .active)
    }

    @Test func cancelledAndEndedWinOverTheSessions() {
        let done = [session(1, .completed, 10), session(2, .completed, 12)]
        #expect(state(2, done, cancelled: true) == .cancelled)
        #expect(state(2, [session(1, .completed, 10)], ended: true) == .ended)
        #expect(state(2, [session(1, .completed, 10)], cancelled: true, ended: true) == .cancelled)
    }

    @Test func expiredIsAToBookPackagePastItsDateWithNothingBooked() {
        let package = [session(1, .completed, 2)]
        #expect(state(10, package, expiresAt: Fixture.at(2026, 4, 1, 0)) == .toBook)
        #expect(state(10, package, expiresAt: Fixture.at(2026, 3, 19, 0)) == .expired)
        // A session booked before the expiry still takes place: the package stays open until then.
        #expect(state(10, [session(1, .confirmed, 25)], expiresAt: Fixture.at(2026, 3, 19, 0)) == .active)
        #expect(state(10, [session(1, .noShow, 2), session(2, .confirmed, 25)], expiresAt: Fixture.at(2026, 3, 19, 0)) == .toBook)
        // A completed package never expires.
        #expect(state(1, [session(1, .completed, 2)], expiresAt: Fixture.at(2026, 3, 19, 0)) == .completed)
    }

    @Test func storedStateNeverSaysExpiredAndReadingAddsOnlyExpiry() {
        // Every combination of up to three sessions' statuses, with and without flags.
        let statuses = BookingStatus.allCases
        var combinations: [[BookingStatus]] = [[]]
        for _ in 0..<3 { combinations = combinations + combinations.flatMap { c in statuses.map { c + [$0] } } }
        for combination in combinations {
            let sessions = combination.enumerated().map { (number: $0.offset % 3 + 1, status: $0.element) }
            for cancelled in [false, true] {
                for ended in [false, true] {
                    let stored = GroupState.stored(totalSessions: 3, sessions: sessions, cancelled: cancelled, ended: ended)
                    #expect(GroupState.storedCases.contains(stored))
                    let hasConfirmed = sessions.contains { $0.status == .confirmed }
                    let read = stored.at(now, expiresAt: Fixture.at(2026, 3, 1, 0), hasConfirmed: hasConfirmed)
                    #expect(read == stored || (stored == .toBook && read == .expired && !hasConfirmed))
                    // Completed means every number 1…3 has a completed booking.
                    let completedNumbers = Set(sessions.filter { $0.status == .completed }.map(\.number))
                    #expect((stored == .completed) == (!cancelled && !ended && completedNumbers == [1, 2, 3]))
                    // Active means something is booked and nothing missed is waiting.
                    if stored == .active { #expect(hasConfirmed) }
                }
            }
        }
    }

    @Test func closedStatesAndLabels() {
        #expect(GroupState.allCases.filter(\.isClosed) == [.completed, .cancelled, .ended, .expired])
        #expect(GroupState.toBook.label == "to book")
        #expect(GroupState.toBook.rawValue == "to_book")
    }

    @Test func endReasonsReadTheirWords() {
        #expect(EndReason("customer withdrew") == .customerWithdrew)
        #expect(EndReason("Clinical-decision") == .clinicalDecision)
        #expect(EndReason("moved_away") == .movedAway)
        #expect(EndReason("  found another clinic ") == .other("found another clinic"))
        #expect(EndReason.movedAway.text == "moved away")
    }
}
