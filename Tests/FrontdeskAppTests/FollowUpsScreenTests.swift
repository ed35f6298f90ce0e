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

/// "Book the next session" (m) on the Follow-ups screen opens the Book flow on the treatment the
/// follow-up is about, at its next session, and books into that same treatment.
@Suite struct FollowUpsBookNextTests {
    private func followUpsSession(_ scenario: BookingsScenario) -> AppSession {
        let session = AppSession(database: scenario.database, theme: .standard, width: 120, height: 40)
        session.start()
        session.press(.function(9))
        return session
    }

    /// Selects the first entry matching `matches`.
    private func select(_ session: AppSession, _ matches: (FollowUp) -> Bool) throws -> FollowUp {
        let index = try #require(session.state.followUps.entries.firstIndex { matches($0.followUp) })
        while session.state.followUps.selected < index { session.press(.down) }
        return session.state.followUps.entries[index].followUp
    }

    private var bookFlow: (AppSession) -> BookFlow? { { $0.state.screen(BookFlow.self) } }

    @Test func bookNextOnASequentialNextSessionFollowUpBooksTheNextSessionOfThatTreatment() throws {
        let scenario = try BookingsScenario()
        // Lukas's physiotherapy session 2 (today 15:00) is completed: "book the next session" is queued.
        scenario.temporary.now = scenario.temporary.at("2026-03-10 16:00")
        let second = try #require(try scenario.group(scenario.physioGroup).sessions.first { $0.sessionNumber == 2 })
        _ = try scenario.database.complete(bookingID: second.id)
        let session = followUpsSession(scenario)
        let followUp = try select(session) { $0.kind == .nextSession && $0.groupID == scenario.physioGroup }

        session.press(.character("m"))
        let flow = try #require(bookFlow(session))
        #expect(session.state.front?.title == "Book")
        #expect(flow.outcome == nil)
        #expect(session.shows("Book more — continue a treatment"))
        #expect(session.shows("Lukas Huber"))
        #expect(session.shows("Session 3"))

        // The suggested date is taken as it is, then booked.
        var presses = 0
        while session.state.front?.title == "Book", presses < 6 {
            session.press(.enter)
            presses += 1
        }
        #expect(session.state.front?.title == "Follow-ups")
        #expect(session.state.status?.message.contains("Booked Session 3 of 8") == true)
        let group = try scenario.group(scenario.physioGroup)
        #expect(group.sessions.contains { $0.sessionNumber == 3 && $0.status == .confirmed })
        // The follow-up asked for exactly that booking: it is not due any more.
        #expect(!session.state.followUps.entries.contains { $0.followUp.id == followUp.id })
    }

    @Test func bookNextOnAFlexiblePackagesFollowUpContinuesItsNumbering() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        _ = try select(session) { $0.groupID == scenario.drivingGroup }
        session.press(.character("m"))
        #expect(session.state.front?.title == "Book")
        #expect(session.shows("7 of 10 lessons are not booked yet; the numbering continues at 4"))
        session.type("1")
        session.press(.enter)
        session.press(.enter) // a date for each
        session.type("March 18 at 5pm")
        session.press(.enter)
        #expect(session.shows("Lesson 4 of 10"))
        session.press(.enter)
        #expect(session.state.front?.title == "Follow-ups")
        let group = try scenario.group(scenario.drivingGroup)
        #expect(group.sessions.filter { $0.status.holdsNumber }.map(\.sessionNumber).sorted() == [1, 2, 3, 4])
    }

    @Test func bookNextOnAFollowUpWithoutATreatmentSaysWhatToDoInstead() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        _ = try select(session) { $0.groupID == nil }
        session.press(.character("m"))
        #expect(session.state.front?.title == "Follow-ups")
        #expect(session.state.status?.message.contains("not about a treatment") == true)
    }

    @Test func bookNextOnATreatmentWithEverySessionBookedSaysSoAndOpensNothing() throws {
        let scenario = try BookingsScenario()
        let session = followUpsSession(scenario)
        _ = try select(session) { $0.groupID == scenario.implantGroup }
        session.press(.character("m"))
        #expect(session.state.front?.title == "Follow-ups")
        #expect(session.state.status?.message.contains("already booked or done") == true)
    }
}
