import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Reminders that are never wrong: every booking change withdraws or replaces what it affects in the
/// same transaction, and nothing is sent once it stopped being true.
@Suite struct FollowUpReliabilityTests {
    private func pending(_ db: AppDatabase, _ kind: FollowUpKind) throws -> [FollowUp] {
        try db.followUps(status: .pending).filter { $0.kind == kind }
    }

    @Test func cancelWithdrawsThePendingReminderAndQueuesACancellationNotice() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let reminder = try #require(try pending(t.database, .reminder).first)
        #expect(reminder.bookingID == booked.bookings[0].id)
        #expect(reminder.dueAt == t.at("2026-03-09 10:00"))

        _ = try t.database.cancel(bookingID: booked.bookings[0].id)
        #expect(try pending(t.database, .reminder).isEmpty)
        #expect(try t.database.followUps(status: .withdrawn).map(\.id).contains(reminder.id))
        let notice = try #require(try pending(t.database, .cancellation).first)
        #expect(notice.text.contains("Tuesday, March 10 at 10:00 is cancelled"))
        // Even when the day comes, nothing about the cancelled session is sent as a reminder.
        t.now = t.at("2026-03-09 18:00")
        try t.database.generateDueFollowUps()
        #expect(try pending(t.database, .reminder).isEmpty)
    }

    @Test func rescheduleLeavesOneReminderForTheNewTimeAndAChangeNotice() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        _ = try t.database.reschedule(bookingID: booked.bookings[0].id, to: t.at("2026-03-12 15:00"))
        let reminders = try pending(t.database, .reminder)
        #expect(reminders.count == 1)
        #expect(reminders.first?.dueAt == t.at("2026-03-11 15:00"))
        #expect(reminders.first?.text.contains("at 15:00") == true)
        let changes = try pending(t.database, .change)
        #expect(changes.count == 1)
        #expect(changes.first?.text.contains("moved to Thursday, March 12 at 15:00 with Dr. Keller") == true)

        // Moved again before anything was sent: still one reminder and one (current) change notice.
        _ = try t.database.reschedule(bookingID: booked.bookings[0].id, to: t.at("2026-03-13 09:00"))
        #expect(try pending(t.database, .reminder).map(\.dueAt) == [t.at("2026-03-12 09:00")])
        #expect(try pending(t.database, .change).count == 1)
        #expect(try pending(t.database, .change).first?.text.contains("March 13 at 09:00") == true)

        // The day before, the reminder that is sent names the new day, rendered then.
        t.now = t.at("2026-03-12 10:00")
        let delivery = try #require(try t.database.claimNextFollowUp(claimant: "test", kinds: [.reminder]))
        #expect(delivery.fields.message == "Reminder: Session 1 of 8 tomorrow at 09:00.")
    }

    @Test func aReminderForASessionInThePastIsNeverSent() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        // Nobody sent it in time: the session has started.
        t.now = t.at("2026-03-10 10:30")
        #expect(try t.database.claimNextFollowUp(claimant: "test", kinds: [.reminder]) == nil)
        #expect(try t.database.followUps(status: .expired).map(\.kind) == [.reminder])
        // The generator expires them too, without a sender.
        let t2 = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic2 = try ClinicFixture.seed(t2.database)
        _ = try t2.database.bookSessions(customerID: clinic2.customer.id, serviceID: clinic2.physio.id, starts: [t2.at("2026-03-10 10:00")])
        t2.now = t2.at("2026-03-11 08:00")
        try t2.database.generateDueFollowUps()
        #expect(try t2.database.followUps(status: .expired).map(\.kind) == [.reminder])
        #expect(try t2.database.pendingFollowUpCount() == 1)  // the confirmation only
    }

    @Test func noShowAndCompletionWithdrawTheSessionsReminder() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let lessons = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                  starts: [t.at("2026-03-04 10:00"), t.at("2026-03-04 12:00"), t.at("2026-03-20 10:00")])
        #expect(try pending(t.database, .reminder).count == 3)
        t.now = t.at("2026-03-04 13:00")
        _ = try t.database.complete(bookingID: lessons.bookings[0].id)
        _ = try t.database.markNoShow(bookingID: lessons.bookings[1].id)
        #expect(try pending(t.database, .reminder).map(\.bookingID) == [lessons.bookings[2].id])
        // The check-in waits for the last booked lesson; cancelling it moves the check-in to the last one held.
        #expect(try pending(t.database, .checkIn).map(\.bookingID) == [lessons.bookings[2].id])
        _ = try t.database.cancel(bookingID: lessons.bookings[2].id)
        #expect(try pending(t.database, .checkIn).map(\.bookingID) == [lessons.bookings[1].id])
    }

    @Test func theInvitationToRebookAMissedSessionStaysUntilItIsBookedAgain() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-05 10:00")])
        t.now = t.at("2026-03-05 11:00")
        _ = try t.database.markNoShow(bookingID: first.bookings[0].id)
        let missed = { try t.database.followUps(status: .pending).filter { $0.text.hasPrefix("We missed you") } }
        #expect(try missed().count == 1)
        try t.database.generateDueFollowUps()
        #expect(try missed().count == 1)
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                        starts: [t.at("2026-03-09 10:00")], groupID: first.group?.id)
        #expect(try missed().isEmpty)
    }

    @Test func oneMessageIsClaimedByOneSenderOnly() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let first = try #require(try t.database.claimNextFollowUp(claimant: "a"))
        #expect(try t.database.claimNextFollowUp(claimant: "b") == nil)
        #expect(try t.database.claimFollowUp(id: first.followUp.id, claimant: "b") == nil)
        try t.database.recordDeliveryAttempt(id: first.followUp.id, claimant: "a", outcome: .failed, exitStatus: 3, stderrLine: "gateway down")
        // A failed one is free again; a sent one is never claimed again.
        let retry = try #require(try t.database.claimNextFollowUp(claimant: "b"))
        #expect(retry.followUp.id == first.followUp.id)
        try t.database.recordDeliveryAttempt(id: retry.followUp.id, claimant: "b", outcome: .sent, exitStatus: 0, stderrLine: "")
        #expect(try t.database.claimNextFollowUp(claimant: "c") == nil)
        let attempts = try t.database.deliveryAttempts(followUpID: first.followUp.id)
        #expect(attempts.map(\.outcome) == [.failed, .sent])
        #expect(attempts.first?.stderrLine == "gateway down" && attempts.first?.exitStatus == 3)
    }

    @Test func customersWithoutConsentAreLeftToCall() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let quiet = try t.database.addCustomer(name: "No Consent", phone: "+41 78 000 00 01")
        _ = try t.database.bookSessions(customerID: quiet.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        #expect(try t.database.claimNextFollowUp(claimant: "a") == nil)
        #expect(try t.database.pendingFollowUpCount() == 1)
        #expect(try t.database.dueFollowUpsToCall() == 1)
        _ = clinic
    }

    @Test func aClaimLeftByASenderThatDiedIsTakenOverOnlyWhenStale() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let claimed = try #require(try t.database.claimNextFollowUp(claimant: "died", staleAfter: 90))
        t.now = t.now.addingTimeInterval(60)
        #expect(try t.database.claimNextFollowUp(claimant: "next", staleAfter: 90) == nil)
        t.now = t.now.addingTimeInterval(60)
        #expect(try t.database.claimNextFollowUp(claimant: "next", staleAfter: 90)?.followUp.id == claimed.followUp.id)
        // A late report that it was delivered after all still counts; the new claim stays with its holder.
        try t.database.recordDeliveryAttempt(id: claimed.followUp.id, claimant: "died", outcome: .sent, exitStatus: 0, stderrLine: "")
        #expect(try t.database.followUps(status: .sent).map(\.id) == [claimed.followUp.id])
        #expect(try t.database.claimFollowUp(id: claimed.followUp.id, claimant: "third") == nil)
    }

    @Test func changesMadeOutsideTheOperationsAreCaughtUpByTheGenerator() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        // Another program moves the booking with plain SQL: the trigger notes it, the generator reconciles.
        let moved = t.at("2026-03-11 10:00").timeIntervalSince1970
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [t.path, "PRAGMA busy_timeout = 5000; UPDATE bookings SET start_at = \(Int(moved)), end_at = \(Int(moved) + 2700) WHERE id = \(booked.bookings[0].id);"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        #expect(try t.database.generateDueFollowUps() == 1)
        #expect(try pending(t.database, .reminder).map(\.dueAt) == [t.at("2026-03-10 10:00")])
        #expect(try t.database.generateDueFollowUps() == 0)
    }

    @Test func queueGroupsByKindWithDueNowOverdueAndUpcoming() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-06 10:00")])
        t.now = t.at("2026-03-05 12:00")
        let queue = try t.database.followUpQueue()
        #expect(queue.groups.map(\.kind) == [.confirmation, .reminder])
        #expect(queue.groups[0].entries.map(\.timing) == [.overdue])
        #expect(queue.groups[1].entries.map(\.timing) == [.dueNow])
        #expect(queue.pendingDue == 2)
        t.now = t.at("2026-03-04 09:00")
        #expect(try t.database.followUpQueue(kind: .reminder).groups.first?.entries.map(\.timing) == [.upcoming])
        let called = try t.database.markFollowUpCalled(id: queue.groups[1].entries[0].followUp.id, note: "Will come")
        #expect(called.status == .called && called.note == "Will come")
        _ = try t.database.dismissFollowUp(id: queue.groups[0].entries[0].followUp.id)
        #expect(try t.database.pendingFollowUpCount() == 0)
        _ = booked
    }
}
