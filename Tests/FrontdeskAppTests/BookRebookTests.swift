import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Issue 12 item 1 in the Book flow: booking a missed session of an immediate treatment again
/// offers to move the later sessions along to keep their gaps, with the preview, and books it all
/// in one transaction.
@Suite struct BookRebookTests {
    /// The implant (gaps 14 and 30 days) from Tue 10 Mar 14:00; session 1 completed, session 2
    /// (Tue 24 Mar) a no-show; the desk continues the treatment from the pane (`m`).
    static func missedImplant() throws -> (TemporaryDatabase, ClinicFixture.Clinic, BookingResult, BookFlowDriver) {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                                firstStart: t.at("2026-03-10 14:00"))
        t.now = t.at("2026-03-24 16:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        try t.database.markNoShow(bookingID: plan.bookings[1].id)
        let desk = BookFlowDriver(t, start: .continuing(groupID: plan.group!.id, customerID: clinic.customer.id,
                                                        serviceID: clinic.implant.id))
        return (t, clinic, plan, desk)
    }

    /// The starts of the sessions that hold their numbers (completed and confirmed), in time order.
    static func heldStarts(_ t: TemporaryDatabase, group id: String) throws -> [String] {
        try t.database.group(id: id).sessions.filter { $0.status.holdsNumber }.map(\.start).sorted().map { t.calendar.iso8601($0) }
    }

    @Test func aDateThatBreaksTheLaterGapPreviewsTheLaterSessionsMovedAlongAndBooksItAll() throws {
        let (t, _, plan, desk) = try Self.missedImplant()
        let groupID = plan.group!.id
        #expect(desk.text.contains("Session 2 of 3"))
        // Ten days later than the missed Tue 24 Mar: Fri 3 Apr; session 3 (Thu 23 Apr) would be 20 days after it.
        desk.type("2026-04-03 14:00")
        desk.press(.enter)
        let preview = desk.text
        #expect(preview.contains("Session 2 of 3 on Fri 3 Apr 2026 14:00 breaks the gap to the later sessions:"), "\(preview)")
        #expect(preview.contains("they must be at least 30 days apart"), "\(preview)")
        #expect(preview.contains("Tue 24 Mar 14:00"), "\(preview)")
        // Thu 23 Apr + 10 days is Sun 3 May, a day Dr. Keller does not work: the next open day, same time.
        #expect(preview.contains("Thu 23 Apr 14:00"), "\(preview)")
        #expect(preview.contains("Mon 4 May 14:00"), "\(preview)")
        #expect(preview.contains("Book and move later"), "\(preview)")
        #expect(preview.contains("Another date"), "\(preview)")
        #expect(try Self.heldStarts(t, group: groupID) == ["2026-03-10T14:00:00+01:00", "2026-04-23T14:00:00+02:00"])

        desk.press(.enter)
        let confirmation = desk.text
        #expect(confirmation.contains("Session 3 of 3 moves from Thu 23 Apr 2026 14:00 to Mon 4 May 2026 14:00"), "\(confirmation)")
        #expect(confirmation.contains("Dr. Keller does not work on Sundays"), "\(confirmation)")
        #expect(preview.contains("+11 days (Sun 3 May: day off)"), "\(preview)")
        #expect(confirmation.contains("Enter books session 2 of 3 and moves the later session in one go"), "\(confirmation)")
        #expect(try t.database.group(id: groupID).sessions.count == 3, "nothing is written before the confirmation")

        desk.press(.enter)
        #expect(desk.bookedGroupID == groupID, "\(desk.lastFailure ?? desk.text)")
        #expect(desk.bookedMessage?.contains("Booked Session 2 of 3 (Marie Schmidt) on Fri 3 Apr 2026 14:00; session 3 moved to Mon 4 May 14:00.") == true, "\(desk.bookedMessage ?? "")")
        #expect(try Self.heldStarts(t, group: groupID)
                == ["2026-03-10T14:00:00+01:00", "2026-04-03T14:00:00+02:00", "2026-05-04T14:00:00+02:00"])
        let booking = desk.effects.compactMap { effect -> Bool? in
            if case let .rebookMissed(_, _, _, moveLater, _, _) = effect { return moveLater }
            return nil
        }
        #expect(booking == [true], "one booking request, moving the later sessions")
    }

    @Test func escOnThePreviewChoosesAnotherDateAndMovesNothingUntilTheDeskConfirms() throws {
        let (t, _, plan, desk) = try Self.missedImplant()
        desk.type("2026-03-31 14:00")
        desk.press(.enter)
        #expect(desk.text.contains("breaks the gap to the later sessions"))
        desk.press(.escape)
        #expect(desk.text.contains("Choose another date for Session 2 of 3; nothing was moved."), "\(desk.text)")
        #expect(try Self.heldStarts(t, group: plan.group!.id) == ["2026-03-10T14:00:00+01:00", "2026-04-23T14:00:00+02:00"])
        // Another date: the preview follows it (Wed 25 Mar is one day later, so session 3 moves one day).
        desk.press(.control("u"))
        desk.type("2026-03-25 14:00")
        desk.press(.enter)
        #expect(desk.text.contains("Fri 24 Apr 14:00"), "\(desk.text)")
        #expect(desk.text.contains("+1 day, gap kept"), "\(desk.text)")
        desk.press(.enter)
        desk.press(.enter)
        #expect(desk.bookedGroupID == plan.group!.id, "\(desk.lastFailure ?? desk.text)")
        #expect(try Self.heldStarts(t, group: plan.group!.id)
                == ["2026-03-10T14:00:00+01:00", "2026-03-25T14:00:00+01:00", "2026-04-24T14:00:00+02:00"])
    }

    @Test func aMissedLastSessionIsBookedAgainWithoutMovingAnything() throws {
        let (t, _, plan, _) = try Self.missedImplant()
        t.now = t.at("2026-04-23 16:00")
        _ = try t.database.reopen(bookingID: plan.bookings[1].id)
        _ = try t.database.complete(bookingID: plan.bookings[1].id)
        try t.database.markNoShow(bookingID: plan.bookings[2].id)
        let desk = BookFlowDriver(t, start: .continuing(groupID: plan.group!.id, customerID: plan.group!.customerID,
                                                        serviceID: plan.group!.serviceID))
        desk.type("2026-04-28 14:00")
        desk.press(.enter)
        let confirmation = desk.text
        #expect(confirmation.contains("Session 3 of 3"), "\(confirmation)")
        #expect(!confirmation.contains("moves from"), "\(confirmation)")
        #expect(confirmation.contains("Enter books it in one go"), "\(confirmation)")
        desk.press(.enter)
        #expect(desk.bookedGroupID == plan.group!.id, "\(desk.lastFailure ?? desk.text)")
        #expect(desk.bookedMessage?.contains("moved") == false)
        #expect(try Self.heldStarts(t, group: plan.group!.id)
                == ["2026-03-10T14:00:00+01:00", "2026-03-24T14:00:00+01:00", "2026-04-28T14:00:00+02:00"])
    }

    @Test func aDateNothingCanFixIsRefusedOnTheDatesStep() throws {
        let (t, _, plan, desk) = try Self.missedImplant()
        // Sundays Dr. Keller does not work: moving the later sessions would not help.
        desk.type("2026-03-29 14:00")
        desk.press(.enter)
        #expect(desk.text.contains("does not work on Sundays"), "\(desk.text)")
        #expect(!desk.text.contains("breaks the gap"))
        #expect(desk.flow.outcome == nil)
        #expect(try t.database.group(id: plan.group!.id).sessions.count == 3)
    }

    @Test func aTimeTakenAfterThePreviewIsShownAgainAndNothingIsBooked() throws {
        let (t, clinic, plan, desk) = try Self.missedImplant()
        desk.type("2026-03-31 14:00")
        desk.press(.enter)
        #expect(desk.text.contains("Thu 30 Apr 14:00"), "\(desk.text)")
        desk.press(.enter)
        // Another terminal books Dr. Keller on Thu 30 Apr at 14:00 before Enter.
        let other = try t.database.addCustomer(name: "Thomas Weber")
        _ = try t.database.bookSessions(customerID: other.id, serviceID: clinic.driving.id, starts: [t.at("2026-04-30 14:00")])
        desk.press(.enter)
        #expect(desk.flow.outcome == nil)
        let changed = desk.text
        #expect(changed.contains("Session 3 of 3 changed: was Thu 30 Apr 2026 14:00, now Fri 1 May 2026 14:00."), "\(changed)")
        #expect(changed.contains("Nothing was booked"), "\(changed)")
        #expect(try t.database.group(id: plan.group!.id).sessions.count == 3)
        desk.press(.enter)
        #expect(desk.bookedGroupID == plan.group!.id, "\(desk.lastFailure ?? desk.text)")
        #expect(try Self.heldStarts(t, group: plan.group!.id)
                == ["2026-03-10T14:00:00+01:00", "2026-03-31T14:00:00+02:00", "2026-05-01T14:00:00+02:00"])
    }

    @Test func anAnswerThatArrivesAfterTheDeskWentBackIsIgnored() throws {
        let (_, _, _, desk) = try Self.missedImplant()
        desk.type("2026-04-03 14:00")
        var flow = desk.flow
        let effects = flow.handle(.enter)
        guard case .proposeRebook? = effects.first else {
            Issue.record("no proposal asked for: \(effects)")
            return
        }
        _ = flow.handle(.escape)
        let answer = try #require(desk.runner.perform(effects[0]))
        #expect(flow.receive(answer).isEmpty)
        let screen = BookFlowDriver.draw(flow, width: 100, height: 30).lines().joined(separator: "\n")
        #expect(!screen.contains("breaks the gap"), "\(screen)")
        #expect(flow.outcome == nil)
    }
}
