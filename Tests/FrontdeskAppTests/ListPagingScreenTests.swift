import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The Follow-ups and Customers screens with more rows than a page: each says what is not shown
/// yet, and moving down reads the next page until every row is there — never a silent cut.
@Suite struct ListPagingScreenTests {
    /// 130 check-ups this week: 130 confirmations, 130 reminders, 131 customers.
    private func busyWeek() throws -> TemporaryDatabase {
        let t = try TemporaryDatabase(now: "2026-03-02T07:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        try BusyWeekFixture.seed(t, clinic: clinic, count: 130)
        return t
    }

    private func session(_ t: TemporaryDatabase, key: Key) -> AppSession {
        let session = AppSession(database: t.database, theme: .monochrome, width: 120, height: 40)
        session.start()
        session.press(key)
        return session
    }

    @Test func theFollowUpsQueueSaysHowManyOfAKindAreNotShownAndLoadsThemAsTheSelectionGoesDown() throws {
        let t = try busyWeek()
        let session = session(t, key: .function(9))
        let page = FollowUpsState.pageSize
        var confirmations = try #require(session.state.followUps.queue?.groups.first { $0.kind == .confirmation })
        #expect(confirmations.entries.count == page)
        #expect(session.shows("Confirmation · 130 due, 0 upcoming · showing \(page) of 130"))

        // Down to the last loaded confirmation: the line under it says what is left, and the next page comes.
        for _ in 0..<(page - FollowUpsState.prefetchMargin - 1) { session.press(.down) }
        #expect(session.state.followUps.queue?.groups.first?.entries.count == page)
        session.press(.down)
        confirmations = try #require(session.state.followUps.queue?.groups.first { $0.kind == .confirmation })
        #expect(confirmations.entries.count == 130)
        #expect(confirmations.notLoaded == 0)
        for _ in 0..<page { session.press(.up) }
        #expect(session.shows("Confirmation · 130 due, 0 upcoming"))
        #expect(!session.shows("showing 130 of 130"))

        let all = try t.database.followUpQueue(kind: .confirmation, limitPerKind: 10_000).groups[0].entries
        #expect(confirmations.entries.map(\.followUp.id) == all.map(\.followUp.id))
        // The reminders below still say they are shown in part.
        #expect(session.state.followUps.queue?.groups.first { $0.kind == .reminder }?.notLoaded == 130 - page)
    }

    @Test func theLineUnderAKindsLastLoadedEntryNamesWhatIsLeft() throws {
        let t = try busyWeek()
        let context = ScreenContext(calendar: t.calendar, now: t.now, width: 120, height: 40)
        var screen = FollowUpsScreen(context: context)
        let entries = try t.database.followUpQueue(kind: .confirmation, limitPerKind: 3).groups[0].entries
        screen.followUps.kind = .confirmation
        screen.followUps.queue = FollowUpQueue(groups: [FollowUpKindGroup(kind: .confirmation, entries: entries, total: 130,
                                                                          dueTotal: 130)], pendingDue: 130)
        var buffer = Buffer(width: 120, height: 20)
        screen.render(into: &buffer, area: Rect(x: 0, y: 0, width: 120, height: 20),
                      context: RenderContext(theme: .monochrome, calendar: t.calendar, now: t.now))
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("Confirmation · 130 due, 0 upcoming · showing 3 of 130"))
        #expect(text.contains("… 127 more confirmation follow-ups: ↓ to see them"))
        screen.followUps.loadingMore = [.confirmation]
        buffer = Buffer(width: 120, height: 20)
        screen.render(into: &buffer, area: Rect(x: 0, y: 0, width: 120, height: 20),
                      context: RenderContext(theme: .monochrome, calendar: t.calendar, now: t.now))
        #expect(buffer.lines().joined(separator: "\n").contains("… 127 more confirmation follow-ups: loading them…"))
    }

    @Test func aReloadAfterMarkingOneKeepsWhatWasLoaded() throws {
        let t = try busyWeek()
        let session = session(t, key: .function(9))
        for _ in 0..<(FollowUpsState.pageSize - 1) { session.press(.down) }
        let before = try #require(session.state.followUps.selectedEntry)
        session.press(.character("x")) // dismiss: the queue is read again
        let confirmations = try #require(session.state.followUps.queue?.groups.first { $0.kind == .confirmation })
        #expect(confirmations.entries.count == 129)
        #expect(!confirmations.entries.contains { $0.followUp.id == before.followUp.id })
        #expect(session.state.followUps.selected >= FollowUpsState.pageSize - 2)
    }

    @Test func theCustomersListLoadsTheNextPageAsTheSelectionGoesDown() throws {
        let t = try busyWeek()
        let session = session(t, key: .function(6))
        let page = CustomersState.pageSize
        #expect(session.state.customers.rows.count == page)
        #expect(!session.state.customers.reachedEnd)
        for _ in 0..<(page - 1) { session.press(.down) }
        #expect(session.state.customers.rows.count == 131)
        #expect(session.state.customers.reachedEnd)
        #expect(!session.shows("more customers"))
        let all = try t.database.customerList(limit: 10_000)
        #expect(session.state.customers.rows.map(\.customer.id) == all.map(\.customer.id))
    }

    @Test func theCustomersListSaysMoreFollowUnderTheLastLoadedRow() throws {
        let t = try busyWeek()
        // A terminal tall enough to show the whole first page and the line under it.
        let session = AppSession(database: t.database, theme: .monochrome, width: 120, height: 130)
        session.start()
        session.press(.function(6))
        #expect(session.state.customers.rows.count == CustomersState.pageSize)
        #expect(session.shows("… more customers: ↓ to see them"))
        for _ in 0..<(CustomersState.pageSize - CustomersState.prefetchMargin) { session.press(.down) }
        #expect(session.state.customers.rows.count == 131)
        #expect(!session.shows("more customers"))
    }
}
