import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The Follow-ups screen driven by keys on the scenario clinic.
@Suite struct FollowUpsScreenTests {
    private func followUpsSession(_ scenario: BookingsScenario, sendNow: FollowUpSendNow? = nil) -> AppSession {
        let session = AppSession(database: scenario.database, theme: .standard, width: 120, height: 40, sendFollowUp: sendNow)
        session.start()
        session.press(.function(9))
        return session
    }

    /// The first entry that is due now or overdue, selected.
    private func selectFirstDue(_ session: AppSession) throws -> FollowUp {
        let index = try #require(session.state.followUps.entries.firstIndex { $0.timing != .upcoming })
        while session.state.followUps.selected < index { session.press(.down) }
        return session.state.followUps.entries[index].followUp
    }

    @Test func theQueueListsWhatIsDueByKindAndTheTabShowsTheCount() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        let queue = try #require(session.state.followUps.queue)
        let due = try scenario.database.pendingFollowUpCount()
        #expect(due > 0)
        #expect(queue.pendingDue == due)
        #expect(session.render().lines()[0].contains("Follow-ups \(due)"))
        let first = try #require(queue.groups.first?.entries.first?.followUp)
        #expect(session.shows(first.customerName))
        #expect(session.shows(first.kind.title))
    }

    @Test func everyEntryShowsItsWholeDueTimeEvenWhenOverdue() throws {
        let scenario = try BookingsScenario()
        // Two weeks on, what was due is overdue with a two-digit day: the longest form.
        scenario.temporary.now = scenario.temporary.at("2026-03-24 09:00")
        let session = followUpsSession(scenario)
        let calendar = scenario.database.calendar
        #expect(session.state.followUps.entries.contains { $0.timing == .overdue })
        let screen = session.render().lines().joined(separator: "\n")
        let shown = session.state.followUps.entries.prefix(10)
        #expect(!shown.isEmpty)
        for entry in shown {
            let word = entry.timing == .overdue ? "overdue" : entry.timing == .dueNow ? "due" : "from"
            let due = entry.followUp.dueAt
            // The longest form is "overdue Wed 25 Nov 09:45"; every minute digit must be drawn.
            #expect(screen.contains("\(word) \(calendar.shortDay(due)) \(calendar.time(due)) "))
        }
    }

    @Test func markCalledWithANoteRemovesItFromTheDueList() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        let before = try scenario.database.pendingFollowUpCount()
        let followUp = try selectFirstDue(session)
        session.press(.character("c"))
        #expect(session.state.front?.keyFocus == .text)
        session.type("agreed: comes on time")
        session.press(.enter)
        #expect(!session.state.followUps.entries.contains { $0.followUp.id == followUp.id })
        #expect(try scenario.database.pendingFollowUpCount() == before - 1)
        #expect(session.state.followUps.queue?.pendingDue == before - 1)
        #expect(session.render().lines()[0].contains("Follow-ups \(before - 1)"))
    }

    @Test func escapeFromTheNoteLeavesItPending() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        let followUp = try selectFirstDue(session)
        session.press([.character("c"), .character("x"), .escape])
        #expect(session.state.followUps.entries.contains { $0.followUp.id == followUp.id })
    }

    @Test func dismissRemovesIt() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        let followUp = try selectFirstDue(session)
        session.press(.character("x"))
        #expect(!session.state.followUps.entries.contains { $0.followUp.id == followUp.id })
        #expect(try !scenario.database.followUpQueue().groups.flatMap(\.entries).contains { $0.followUp.id == followUp.id })
    }

    @Test func enterOpensTheCustomersCardOnTheCustomersScreen() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        let followUp = try selectFirstDue(session)
        session.press(.enter)
        #expect(session.state.front?.title == "Customers")
        #expect(session.state.customers.card?.customer.id == followUp.customerID)
    }

    @Test func theKindFilterShowsOneKindAtATime() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        session.press(.character("f"))
        let kind = try #require(session.state.followUps.kind)
        #expect(session.state.followUps.entries.allSatisfy { $0.followUp.kind == kind })
        session.press(.character("F"))
        #expect(session.state.followUps.kind == nil)
    }

    @Test func sendNowGoesThroughTheSenderAndSaysWhenNothingIsConfigured() throws {
        let scenario = try BookingsScenario()
        let unconfigured = followUpsSession(scenario)
        _ = try selectFirstDue(unconfigured)
        unconfigured.press(.character("s"))
        #expect(unconfigured.state.status?.kind == .error)
        #expect(unconfigured.state.status?.message.contains("notify_command") == true)

        let asked = Asked()
        let session = followUpsSession(scenario) { id throws(StoreError) in
            asked.ids.append(id)
            return SendReport(sent: [id])
        }
        let followUp = try selectFirstDue(session)
        session.press(.character("s"))
        #expect(asked.ids == [followUp.id])
        #expect(session.state.status?.kind == .success)
    }
}

/// What the stand-in sender was asked to send.
private final class Asked: @unchecked Sendable {
    var ids: [Int64] = []
}

@Suite struct FollowUpsTabTests {
    @Test func theFollowUpsTabShowsTheDueCountFromTheStart() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session(width: 120, height: 40)
        let due = try scenario.database.pendingFollowUpCount()
        #expect(session.state.front?.title == "Bookings")
        #expect(session.render().lines()[0].contains("Follow-ups \(due)"))
    }
}
