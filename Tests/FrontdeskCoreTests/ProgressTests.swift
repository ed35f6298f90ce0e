import Foundation
import Testing
@testable import FrontdeskCore

@Suite struct ProgressTests {
    let now = Fixture.at(2026, 3, 20, 12)

    func session(_ number: Int, _ status: BookingStatus, _ day: Int, month: Int = 3) -> SessionSnapshot {
        SessionSnapshot(number: number, status: status, start: Fixture.at(2026, month, day, 17),
                        end: Fixture.at(2026, month, day, 18), label: "Lesson \(number) of 10")
    }

    @Test func countsEveryState() {
        let progress = GroupProgress(totalSessions: 10, sessions: [
            session(1, .completed, 2), session(2, .completed, 4), session(3, .noShow, 6),
            session(4, .cancelled, 9), session(4, .completed, 11), session(5, .confirmed, 18),
            session(6, .confirmed, 23), session(7, .confirmed, 25),
        ], now: now)
        #expect(progress.completed == 3)
        #expect(progress.booked == 3)
        #expect(progress.cancelled == 1)
        #expect(progress.noShow == 1)
        // The no-show frees number 3; the cancelled number 4 was booked again and completed.
        #expect(progress.scheduled == 6)
        #expect(progress.remaining == 4)
        #expect(progress.missedNumbers == [3])
        #expect(progress.next?.number == 6) // session 5 on the 18th is past and not yet marked
        #expect(progress.lastCompleted?.number == 4)
        #expect(progress.nextFreeNumber == 3)
        #expect(!progress.isFinished)
        #expect(progress.fractionCompleted == 0.3)
        #expect(progress.summary == "3/10")
        #expect(progress.upcoming(now: now).map(\.number) == [6, 7])
    }

    @Test func nextFallsBackToTheEarliestUnmarkedSession() {
        let progress = GroupProgress(totalSessions: 3, sessions: [session(1, .completed, 2), session(2, .confirmed, 18)], now: now)
        #expect(progress.next?.number == 2)
        #expect(GroupProgress(totalSessions: 3, sessions: [], now: now).next == nil)
    }

    @Test func cancellationFreesItsNumber() {
        let progress = GroupProgress(totalSessions: 3, sessions: [
            session(1, .completed, 10), session(2, .cancelled, 24), session(3, .confirmed, 23, month: 4),
        ], now: now)
        #expect(progress.nextFreeNumber == 2)
        #expect(progress.remaining == 1)
        #expect(progress.missedNumbers == [2])
        let full = GroupProgress(totalSessions: 2, sessions: [session(1, .completed, 10), session(2, .completed, 12)], now: now)
        #expect(full.nextFreeNumber == nil)
        #expect(full.remaining == 0)
    }

    @Test func noShowLeavesItsNumberToBeBookedAgain() {
        let missedLast = GroupProgress(totalSessions: 2, sessions: [session(1, .completed, 10), session(2, .noShow, 12)], now: now)
        #expect(missedLast.nextFreeNumber == 2)
        #expect(missedLast.remaining == 1)
        #expect(missedLast.missedNumbers == [2])
        #expect(!missedLast.isFinished)
        let rebooked = GroupProgress(totalSessions: 2, sessions: [session(1, .completed, 10), session(2, .noShow, 12),
                                                                  session(2, .confirmed, 26)], now: now)
        #expect(rebooked.missedNumbers.isEmpty)
        #expect(rebooked.nextFreeNumber == nil)
    }
}
