import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// The Follow-ups queue and the Customers list never cut silently: each kind says how many it has
/// beyond what is read, and both go on page by page (keyset paging) with nothing missed or repeated.
@Suite struct ListPagingTests {
    /// Monday 2 March 2026, 07:00: 130 check-ups from 08:00 on, each with a confirmation and a reminder.
    private func busyWeek() throws -> TemporaryDatabase {
        let t = try TemporaryDatabase(now: "2026-03-02T07:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        try BusyWeekFixture.seed(t, clinic: clinic, count: 130)
        return t
    }

    @Test func aKindWithMoreThanAPageSaysHowManyItHasAndPagesThroughEveryOne() throws {
        let t = try busyWeek()
        let everything = try t.database.followUpQueue(limitPerKind: 10_000)
        let queue = try t.database.followUpQueue(limitPerKind: 50)
        for kind in [FollowUpKind.confirmation, .reminder] {
            let all = try #require(everything.groups.first { $0.kind == kind })
            let first = try #require(queue.groups.first { $0.kind == kind })
            #expect(all.entries.count == 130, "\(kind)")
            #expect(first.entries.count == 50)
            #expect(first.total == 130)
            #expect(first.notLoaded == 80)
            #expect(first.dueTotal == all.entries.filter { $0.timing != .upcoming }.count)
            #expect(first.upcomingCount == 130 - first.dueTotal)

            var seen = first.entries
            while let last = seen.last, seen.count < 1_000 {
                let page = try t.database.followUpQueuePage(kind: kind, after: FollowUpQueueCursor(after: last), limit: 50)
                if page.isEmpty { break }
                seen += page
            }
            #expect(seen.map(\.followUp.id) == all.entries.map(\.followUp.id), "\(kind): every entry once, in order")
        }
        #expect(queue.pendingDue == everything.pendingDue)
    }

    @Test func aFullKindWithNoMoreCountsExactly() throws {
        let t = try busyWeek()
        let queue = try t.database.followUpQueue(limitPerKind: 130)
        let confirmations = try #require(queue.groups.first { $0.kind == .confirmation })
        #expect(confirmations.entries.count == 130)
        #expect(confirmations.total == 130)
        #expect(confirmations.notLoaded == 0)
    }

    @Test func aReloadReadsAsManyAsTheScreenShows() throws {
        let t = try busyWeek()
        let queue = try t.database.followUpQueue(limitPerKind: 50, loaded: [.confirmation: 120])
        #expect(queue.groups.first { $0.kind == .confirmation }?.entries.count == 120)
        #expect(queue.groups.first { $0.kind == .reminder }?.entries.count == 50)
    }

    @Test func theCustomersListPagesByKeysetWithNothingMissedOrRepeated() throws {
        let t = try busyWeek()
        for search in ["", "customer", "Customer 1"] {
            let all = try t.database.customerList(search: search, limit: 10_000)
            #expect(all.count > 40, "“\(search)” has more than a page")
            var seen = try t.database.customerList(search: search, limit: 40)
            while let last = seen.last, seen.count < 1_000 {
                let page = try t.database.customerList(search: search, limit: 40, after: last.customer.id)
                if page.isEmpty { break }
                seen += page
            }
            #expect(seen.map(\.customer.id) == all.map(\.customer.id), "“\(search)”")
        }
    }
}
