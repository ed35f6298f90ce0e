import Foundation
import FrontdeskCore
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// Issue 12 items 1–3 and 9 on a real database: no-shows, ending early, completing early, undo, extend.
@Suite struct TreatmentLifecycleTests {
    static func audit(_ database: AppDatabase, action: String) throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT entity_id || ' ' || IFNULL(before, '') || ' > ' || IFNULL(after, '') FROM audit_events WHERE action = ? ORDER BY id",
                                arguments: [action])
        }
    }

    static func laser(_ t: TemporaryDatabase) throws -> Service {
        try t.database.importServices(json: TreatmentStateStoreTests.laserJSON)[0].service
    }

    @Test func aNoShowOnTheLastSessionLeavesItToBookAndAsksToRebook() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let laser = try Self.laser(t)
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: laser.id, firstStart: t.at("2026-03-02 10:00"))
        t.now = t.at("2026-03-30 11:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        try t.database.markNoShow(bookingID: plan.bookings[1].id)
        let group = try t.database.group(id: plan.group!.id)
        #expect(group.state(now: t.now) == .toBook)
        #expect(group.progress(now: t.now).missedNumbers == [2])
        let rebook = try t.database.followUps().filter { $0.bookingID == plan.bookings[1].id }
        #expect(rebook.map(\.kind) == [.nextSession])
        #expect(rebook.first?.text.contains("We missed you at Session 2 of 2") == true)
        // The list shows it as "to book"; booking the number again makes it active.
        let row = try t.database.treatments(filter: TreatmentFilter(includeSingles: false)).first { $0.groupID == group.id }
        #expect(row?.state == .toBook)
        #expect(row?.remaining == 1)
        #expect(try t.database.treatments(filter: TreatmentFilter(state: .toBook)).compactMap(\.groupID) == [group.id])
        let again = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: laser.id, starts: [t.at("2026-04-02 10:00")],
                                                groupID: group.id)
        #expect(again.bookings.map(\.sessionNumber) == [2])
        #expect(try t.database.group(id: group.id).state(now: t.now) == .active)
    }

    @Test func endingATreatmentEarlyClosesItWithItsReason() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        t.now = t.at("2026-03-10 16:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        let outcome = try t.database.endTreatment(groupID: plan.group!.id, reason: EndReason("moved away"))
        #expect(outcome.group.state(now: t.now) == .ended)
        #expect(outcome.group.ended?.reason == .movedAway)
        #expect(outcome.group.ended?.by == "test")
        #expect(outcome.cancelledSessions.map(\.sessionNumber) == [2, 3])
        #expect(outcome.group.sessions.map(\.status) == [.completed, .cancelled, .cancelled])
        #expect(try t.database.followUps().filter { $0.groupID == plan.group!.id }.isEmpty)
        let report = try t.database.dashboard()
        #expect(report.value(of: .completionRate) == .ratio(numerator: 0, denominator: 1))
        #expect(report.counts.closed[.immediate]?.endedEarly == 1)
        #expect(try t.database.treatments(filter: TreatmentFilter(state: .ended)).compactMap(\.groupID) == [plan.group!.id])
        #expect(try Self.audit(t.database, action: "end") == ["\(plan.group!.id) active > ended: moved away"])
        #expect(try t.database.verifyKPICounters().isEmpty)
        // Closed: no new bookings, no second ending, no empty reason.
        #expect(throws: StoreError.refused(.treatmentClosed(.ended))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.implant.id, starts: [t.at("2026-04-20 14:00")],
                                        groupID: plan.group!.id)
        }
        #expect(throws: StoreError.self) { try t.database.endTreatment(groupID: plan.group!.id, reason: .customerWithdrew) }
        #expect(throws: StoreError.notFound(.treatment, key: "nope")) { try t.database.endTreatment(groupID: "nope", reason: .movedAway) }
    }

    @Test func endingNeedsAReason() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let plan = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-03 10:00")])
        #expect(throws: StoreError.self) { try t.database.endTreatment(groupID: plan.group!.id, reason: EndReason("   ")) }
        #expect(try t.database.group(id: plan.group!.id).state(now: t.now) == .active)
    }

    @Test func completingASessionMoreThanAnHourAheadNeedsIntent() throws {
        let t = try TemporaryDatabase(now: "2026-12-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let far = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                              starts: [t.at("2026-12-01 09:50"), t.at("2027-01-19 14:00")])
        let lesson2 = RefusedSession(bookingID: far.bookings[1].id, noun: "Lesson", number: 2, total: 10, start: t.at("2027-01-19 14:00"))
        #expect(throws: StoreError.refused(.completedTooEarly(lesson2, now: t.now, calendar: t.calendar))) {
            try t.database.complete(bookingID: far.bookings[1].id)
        }
        // Worded in the clinic's calendar, with the distance from now.
        #expect(RefusalFacts.sentences(.completedTooEarly(lesson2, now: t.now, calendar: t.calendar))
                == ["Lesson 2 of 10 starts Tue 19 Jan 2027 14:00, in 7 weeks, so it has not taken place yet and was not marked completed."])
        #expect(try t.database.booking(id: far.bookings[1].id).status == .confirmed)
        // Within the hour it is fine; with intent, any time.
        #expect(try t.database.complete(bookingID: far.bookings[0].id).booking.status == .completed)
        #expect(try t.database.complete(bookingID: far.bookings[1].id, early: true).booking.status == .completed)
    }

    @Test func reopeningUndoesAnOutcomeAndTheTreatmentFollows() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let laser = try Self.laser(t)
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: laser.id, firstStart: t.at("2026-03-02 10:00"))
        let id = plan.group!.id
        t.now = t.at("2026-03-30 11:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        let last = try t.database.complete(bookingID: plan.bookings[1].id)
        #expect(last.treatmentCompleted)
        #expect(try t.database.followUps().contains { $0.kind == .completion && $0.groupID == id })
        #expect(try t.database.dashboard().value(of: .completionRate) == .ratio(numerator: 1, denominator: 1))

        let undone = try t.database.reopen(bookingID: plan.bookings[1].id)
        #expect(undone.booking.status == .confirmed)
        #expect(undone.previousStatus == .completed)
        #expect(undone.treatmentReopened)
        #expect(undone.group?.state(now: t.now) == .active)
        #expect(try !t.database.followUps().contains { $0.kind == .completion && $0.groupID == id })
        #expect(try t.database.dashboard().value(of: .completionRate) == .ratio(numerator: 0, denominator: 0))
        #expect(try Self.audit(t.database, action: "reopen") == ["\(plan.bookings[1].id) completed > confirmed"])
        #expect(try t.database.verifyKPICounters().isEmpty)
        // Marking it again queues the completion afresh.
        _ = try t.database.markNoShow(bookingID: plan.bookings[1].id)
        _ = try t.database.reopen(bookingID: plan.bookings[1].id)
        _ = try t.database.complete(bookingID: plan.bookings[1].id)
        #expect(try t.database.followUps().contains { $0.kind == .completion && $0.groupID == id })
        #expect(throws: StoreError.self) { try t.database.reopen(bookingID: try t.database.bookSessions(
            customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-04-01 10:00")]).bookings[0].id) }
    }

    @Test func reopeningACancelledSessionNamesWhoHasItsSlotNow() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let other = try t.database.addCustomer(name: "Thomas Weber")
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-09 17:00")])
        try t.database.cancel(bookingID: first.bookings[0].id)
        let taken = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-09 17:30")])
        let lesson1 = RefusedSession(bookingID: first.bookings[0].id, noun: "Lesson", number: 1, total: 10, start: t.at("2026-03-09 17:00"))
        let holder = ReopenHolder.timeTaken(bookingID: taken.bookings[0].id, provider: "Dr. Keller", customer: "Thomas Weber",
                                            start: t.at("2026-03-09 17:30"), end: t.at("2026-03-09 18:30"))
        #expect(throws: StoreError.refused(.reopenBlocked(lesson1, by: holder, calendar: t.calendar))) {
            try t.database.reopen(bookingID: first.bookings[0].id)
        }
        #expect(RefusalFacts.sentences(.reopenBlocked(lesson1, by: holder, calendar: t.calendar))
                == ["Lesson 1 of 10 on Mon 9 Mar 2026 17:00 cannot be reopened: Dr. Keller is booked Mon 9 Mar 2026 17:30–18:30 "
                    + "for Thomas Weber (#\(taken.bookings[0].id)) now."])
        #expect(try t.database.booking(id: first.bookings[0].id).status == .cancelled)
        try t.database.cancel(bookingID: taken.bookings[0].id)
        #expect(try t.database.reopen(bookingID: first.bookings[0].id).booking.status == .confirmed)
    }

    @Test func reopeningAMissedSessionThatWasBookedAgainIsRefused() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-02 17:00")])
        t.now = t.at("2026-03-02 18:00")
        try t.database.markNoShow(bookingID: first.bookings[0].id)
        let again = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-04 17:00")],
                                                groupID: first.group!.id)
        #expect(again.bookings.map(\.sessionNumber) == [1])
        #expect(throws: StoreError.self) { try t.database.reopen(bookingID: first.bookings[0].id) }
        #expect(try t.database.booking(id: first.bookings[0].id).status == .noShow)
    }

    @Test func reopeningASessionOfAnEndedTreatmentReopensTheTreatment() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let plan = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                               starts: [t.at("2026-03-02 17:00"), t.at("2026-03-20 17:00")])
        t.now = t.at("2026-03-05 09:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        _ = try t.database.endTreatment(groupID: plan.group!.id, reason: .customerWithdrew)
        let undone = try t.database.reopen(bookingID: plan.bookings[1].id)
        #expect(undone.treatmentReopened)
        #expect(undone.group?.ended == nil)
        #expect(undone.group?.state(now: t.now) == .active)
        #expect(try t.database.dashboard().counts.closed[.flexible]?.endedEarly ?? 0 == 0)
        #expect(try t.database.dashboard().counts.active[.flexible] == 1)
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    @Test func extendingAnExpiredPackageOpensItAgainAndIsAudited() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let plan = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-02 17:00")])
        t.now = t.at("2026-03-02 18:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        t.now = t.at("2026-09-01 09:00")
        #expect(try t.database.group(id: plan.group!.id).state(now: t.now) == .expired)
        #expect(throws: StoreError.refused(.packageExpired(treatment: plan.group!.id, on: t.at("2026-08-28 09:00"), calendar: t.calendar))) {
            try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-09-02 17:00")],
                                        groupID: plan.group!.id)
        }
        let extended = try t.database.extendPackage(groupID: plan.group!.id, until: t.at("2026-12-31 23:59"))
        #expect(extended.state(now: t.now) == .toBook)
        #expect(try Self.audit(t.database, action: "extend").count == 1)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-09-02 17:00")],
                                                 groupID: plan.group!.id)
        #expect(booked.bookings.map(\.sessionNumber) == [2])
    }
}

/// Booking a missed session of an immediate treatment again (issue 12 item 1): later sessions move
/// along to keep their gaps, on request, all or nothing.
@Suite struct MissedSessionRebookTests {
    /// The implant (gaps 14 and 30 days) from Tue 10 Mar 14:00, session 2 (Tue 24 Mar) missed.
    static func missedImplant() throws -> (TemporaryDatabase, ClinicFixture.Clinic, BookingResult) {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2026-03-10 14:00"))
        t.now = t.at("2026-03-10 16:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        t.now = t.at("2026-03-24 16:00")
        try t.database.markNoShow(bookingID: plan.bookings[1].id)
        return (t, clinic, plan)
    }

    @Test func rebookingAMissedSessionThatBreaksALaterGapProposesToMoveThemAlong() throws {
        let (t, _, plan) = try Self.missedImplant()
        // A week later: session 3 (Thu 23 Apr) would be 23 days after it, but needs 30.
        do {
            _ = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: false)
            Issue.record("booked although session 3 would be too close")
        } catch let error {
            guard case .refused(.laterSessionsInTheWay(let placement, let noun, let moves)) = error else { Issue.record("unexpected \(error)"); return }
            #expect(moves.map(\.number) == [3] && moves.map(\.from) == [t.at("2026-04-23 14:00")] && moves.map(\.to) == [t.at("2026-04-30 14:00")])
            #expect(placement.findings.map(\.number) == [2])
            let facts = RefusalFacts.sentences(.laterSessionsInTheWay(placement, noun: noun, moves: moves))
            #expect(facts.last == "session 3 Thu 23 Apr 2026 14:00 → Thu 30 Apr 2026 14:00", "\(facts)")
        }
        #expect(try t.database.group(id: plan.group!.id).sessions.count == 3)

        let result = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true)
        #expect(result.bookings.map(\.sessionNumber) == [2, 3])
        #expect(result.bookings.map(\.start) == [t.at("2026-03-31 14:00"), t.at("2026-04-30 14:00")])
        #expect(result.shifted)
        #expect(result.group?.state(now: t.now) == .active)
        let moved = try t.database.read { db in
            try String.fetchAll(db, sql: "SELECT entity_id FROM audit_events WHERE action = 'reschedule'")
        }
        #expect(moved == ["\(plan.bookings[2].id)"])
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    @Test func aRebookThatKeepsTheGapsMovesNothing() throws {
        let (t, _, plan) = try Self.missedImplant()
        // The last session missed: nothing comes after it.
        t.now = t.at("2026-04-23 16:00")
        _ = try t.database.reopen(bookingID: plan.bookings[1].id)
        _ = try t.database.complete(bookingID: plan.bookings[1].id)
        try t.database.markNoShow(bookingID: plan.bookings[2].id)
        let proposal = try t.database.proposeRebookMissed(groupID: plan.group!.id, start: t.at("2026-04-28 14:00"))
        #expect(proposal.fitsAlone)
        #expect(proposal.movedAlong == nil)
        #expect(proposal.chosen?.sessions.map(\.to) == [t.at("2026-04-28 14:00")])
        let result = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-04-28 14:00"), moveLater: false)
        #expect(result.bookings.map(\.sessionNumber) == [3])
        #expect(!result.shifted)
        #expect(result.group?.state(now: t.now) == .active)
    }

    @Test func movingAlongIsAllOrNothing() throws {
        let (t, clinic, plan) = try Self.missedImplant()
        let other = try t.database.addCustomer(name: "Thomas Weber")
        // Someone holds the provider on Thu 30 Apr at 14:00, where session 3 would move.
        _ = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-04-30 14:00")])
        #expect(throws: StoreError.self) {
            try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true)
        }
        let group = try t.database.group(id: plan.group!.id)
        #expect(group.sessions.count == 3)
        #expect(group.sessions.first { $0.id == plan.bookings[2].id }?.start == t.at("2026-04-23 14:00"))
        #expect(group.state(now: t.now) == .toBook)
        // The rule proposes the next open day at the same time; confirming books that plan.
        do {
            _ = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true)
        } catch let error {
            guard case .refused(.shiftProposal) = error else { Issue.record("unexpected \(error)"); return }
        }
        let booked = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true,
                                                 acceptProposal: true)
        #expect(booked.bookings.map(\.start) == [t.at("2026-03-31 14:00"), t.at("2026-05-01 14:00")])
        #expect(try t.database.verifyKPICounters().isEmpty)
    }

    @Test func theRebookProposalShowsTheMovesAndWritesNothing() throws {
        let (t, _, plan) = try Self.missedImplant()
        let proposal = try t.database.proposeRebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"))
        #expect(proposal.number == 2)
        #expect(!proposal.fitsAlone)
        #expect(proposal.needsMovingLater)
        #expect(proposal.refusal.findings.map(\.number) == [2])
        #expect(proposal.moves.map(\.number) == [3])
        #expect(proposal.moves.map(\.from) == [t.at("2026-04-23 14:00")])
        #expect(proposal.moves.map(\.to) == [t.at("2026-04-30 14:00")])
        #expect(try t.database.group(id: plan.group!.id).sessions.count == 3)
        #expect(try TreatmentLifecycleTests.audit(t.database, action: "reschedule").isEmpty)
        // Booking exactly what was previewed.
        let chosen = try #require(proposal.chosen)
        let booked = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true,
                                                 expectedStarts: chosen.sessions.map(\.to))
        #expect(booked.bookings.map(\.start) == [t.at("2026-03-31 14:00"), t.at("2026-04-30 14:00")])
    }

    @Test func aRebookWhosePlanChangedSinceThePreviewWritesNothing() throws {
        let (t, clinic, plan) = try Self.missedImplant()
        let proposal = try t.database.proposeRebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"))
        let previewed = try #require(proposal.chosen).sessions.map(\.to)
        // Another terminal takes Thu 30 Apr 14:00, where session 3 was to move.
        let other = try t.database.addCustomer(name: "Thomas Weber")
        _ = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-04-30 14:00")])
        #expect(throws: StoreError.self) {
            try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true,
                                        acceptProposal: true, expectedStarts: previewed)
        }
        do {
            _ = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true,
                                            acceptProposal: true, expectedStarts: previewed)
        } catch let error {
            guard case .refused(.rebookChanged(let now)) = error else { Issue.record("unexpected \(error)"); return }
            // The refusal carries the plan as it is now: session 3 on the next free day.
            #expect(now.moves.map(\.to) == [t.at("2026-05-01 14:00")])
        }
        let group = try t.database.group(id: plan.group!.id)
        #expect(group.sessions.count == 3)
        #expect(group.sessions.first { $0.id == plan.bookings[2].id }?.start == t.at("2026-04-23 14:00"))
        let again = try t.database.proposeRebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"))
        #expect(again.moves.map(\.to) == [t.at("2026-05-01 14:00")])
        #expect(again.moves.first?.sameShift == t.at("2026-04-30 14:00"))
    }

    @Test func rebookingSettlesTheRequestToRebookAndNoticesTheMovedSession() throws {
        let (t, _, plan) = try Self.missedImplant()
        let asked = try t.database.followUps().filter { $0.bookingID == plan.bookings[1].id && $0.kind == .nextSession }
        #expect(asked.count == 1, "the no-show asks the desk to rebook")
        _ = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-31 14:00"), moveLater: true)
        let pending = try t.database.followUps().filter { $0.groupID == plan.group!.id }
        #expect(!pending.contains { $0.kind == .nextSession }, "\(pending.map(\.kind))")
        let notices = pending.filter { $0.kind == .change }
        #expect(notices.map(\.bookingID) == [plan.bookings[2].id])
        #expect(notices.first?.text.contains("has moved to") == true, "\(notices.first?.text ?? "")")
        #expect(try TreatmentLifecycleTests.audit(t.database, action: "book").last?.contains("Session 2 again, 1 later moved along") == true)
    }

    @Test func onlyImmediateTreatmentsWithAMissedSession() throws {
        let (t, clinic, plan) = try Self.missedImplant()
        let package = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-04-01 17:00")])
        #expect(throws: StoreError.self) {
            try t.database.rebookMissed(groupID: package.group!.id, start: t.at("2026-04-02 17:00"), moveLater: true)
        }
        _ = try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-25 14:00"), moveLater: true)
        #expect(throws: StoreError.refused(.notBookable(.nothingMissed))) {
            try t.database.rebookMissed(groupID: plan.group!.id, start: t.at("2026-03-26 14:00"), moveLater: true)
        }
    }
}
