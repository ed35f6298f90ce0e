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
        #expect(progress.scheduled == 7)
        #expect(progress.remaining == 3)
        #expect(progress.next?.number == 6) // session 5 on the 18th is past and not yet marked
        #expect(progress.lastCompleted?.number == 4)
        #expect(progress.nextFreeNumber == 8)
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
        let full = GroupProgress(totalSessions: 2, sessions: [session(1, .completed, 10), session(2, .noShow, 12)], now: now)
        #expect(full.nextFreeNumber == nil)
        #expect(full.remaining == 0)
    }

    @Test func groupStates() {
        let done = GroupProgress(totalSessions: 2, sessions: [session(1, .completed, 10), session(2, .completed, 12)], now: now)
        #expect(done.isFinished)
        #expect(GroupState.of(done, cancelled: false, expiresAt: nil, now: now) == .completed)
        #expect(GroupState.of(done, cancelled: true, expiresAt: nil, now: now) == .cancelled)

        let missedLast = GroupProgress(totalSessions: 2, sessions: [session(1, .completed, 10), session(2, .noShow, 12)], now: now)
        #expect(!missedLast.isFinished)
        #expect(GroupState.of(missedLast, cancelled: false, expiresAt: nil, now: now) == .completed)

        let package = GroupProgress(totalSessions: 10, sessions: [session(1, .completed, 2)], now: now)
        #expect(GroupState.of(package, cancelled: false, expiresAt: Fixture.at(2026, 4, 1, 0), now: now) == .active)
        #expect(GroupState.of(package, cancelled: false, expiresAt: Fixture.at(2026, 3, 19, 0), now: now) == .expired)
        // A session booked before the expiry still takes place: the package stays active until then.
        let bookedAhead = GroupProgress(totalSessions: 10, sessions: [session(1, .confirmed, 25)], now: now)
        #expect(GroupState.of(bookedAhead, cancelled: false, expiresAt: Fixture.at(2026, 3, 19, 0), now: now) == .active)
        #expect(GroupState.of(GroupProgress(totalSessions: 3, sessions: [], now: now), cancelled: false,
                              expiresAt: nil, now: now) == .active)
    }
}
