import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// SPEC §7's acceptance scenarios, booked through the Book screen with keys, checked in the rows written.
@Suite struct BookAcceptanceTests {
    @Test func immediateDentalImplantFromMarch10At2pm() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.type("Marie")
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter) // any available
        desk.type("March 10 at 2pm")
        #expect(desk.text.contains("→ Tue 10 Mar 2026 14:00"))
        desk.press(.enter) // preview
        #expect(desk.text.contains("Implant placement"))
        #expect(desk.text.contains("Crown installation"))
        #expect(desk.text.contains("✓ free"))
        desk.press(.enter) // accept the plan
        let confirmation = desk.text
        #expect(confirmation.contains("Session 1 of 3"))
        #expect(confirmation.contains("Session 3 of 3"))
        #expect(confirmation.contains("Price 3,500.00 for all 3 sessions"))
        desk.press(.enter) // book

        let groupID = try #require(desk.bookedGroupID)
        #expect(try t.sessionStarts(group: groupID)
                == ["2026-03-10T14:00:00+01:00", "2026-03-24T14:00:00+01:00", "2026-04-23T14:00:00+02:00"])
        let group = try t.database.group(id: groupID)
        #expect(group.customerID == clinic.customer.id)
        #expect(group.sessions.map(\.sessionNumber) == [1, 2, 3])
        #expect(group.sessions.allSatisfy { $0.totalSessions == 3 && $0.sessionGroupID == groupID })
        #expect(group.sessions.map(\.label) == ["Implant placement", "Healing check", "Crown installation"])
        let agenda = try t.database.agenda(day: t.calendar.localDay(of: t.at("2026-03-01 00:00")), days: 60)
        #expect(agenda.count == 3)
        #expect(try t.database.followUps().contains { $0.kind == .confirmation && $0.groupID == groupID })
        #expect(desk.bookedMessage?.contains("Session 1–3 of 3") == true)
    }

    @Test func sequentialPhysiotherapyTomorrowAt10BooksOnlySessionOne() throws {
        // Monday 9 March: "tomorrow 10am" is Tuesday 10 March.
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.type("schmidt")
        desk.press(.enter)
        desk.type("physio")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("tomorrow 10am")
        let preview = desk.text
        #expect(preview.contains("→ Tue 10 Mar 2026 10:00"))
        // The window for session 2 comes from the buffer rules: 2–7 days later, ideally 3.
        #expect(preview.contains("Session 2 is booked after it is completed"))
        #expect(preview.contains("between Thu 12 Mar and Tue 17 Mar, ideally Fri 13 Mar"))
        desk.press(.enter)
        #expect(desk.text.contains("Session 1 of 8"))
        desk.press(.enter)

        let groupID = try #require(desk.bookedGroupID)
        let group = try t.database.group(id: groupID)
        #expect(group.totalSessions == 8)
        #expect(group.sessions.count == 1)
        #expect(group.sessions[0].sessionNumber == 1)
        #expect(group.sessions[0].totalSessions == 8)
        #expect(t.calendar.iso8601(group.sessions[0].start) == "2026-03-10T10:00:00+01:00")
    }

    @Test func flexibleDrivingLessonsThreeNowThenTwoMoreInTheSameGroup() throws {
        // Sunday 1 March 2026: Monday, Wednesday, Friday are 2, 4 and 6 March.
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.type("Marie")
        desk.press(.enter)
        desk.type("learn to drive")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("3")
        desk.press(.enter)
        desk.press(.enter) // a date for each
        desk.type("mon 5pm")
        desk.press(.enter)
        desk.type("wed 5pm")
        desk.press(.enter)
        desk.type("fri 5pm")
        desk.press(.enter)
        let confirmation = desk.text
        #expect(confirmation.contains("Lesson 1 of 10"))
        #expect(confirmation.contains("Lesson 3 of 10"))
        #expect(confirmation.contains("After this booking 7 lessons of 10 remain"))
        desk.press(.enter)

        let groupID = try #require(desk.bookedGroupID)
        #expect(try t.sessionStarts(group: groupID)
                == ["2026-03-02T17:00:00+01:00", "2026-03-04T17:00:00+01:00", "2026-03-06T17:00:00+01:00"])
        #expect(try t.database.group(id: groupID).sessions.map(\.sessionNumber) == [1, 2, 3])
        #expect(desk.bookedMessage?.contains("7 remaining") == true)

        // Later: "I want to book 2 more lessons", from the treatment.
        let more = BookFlowDriver(t, start: .continuing(groupID: groupID, customerID: clinic.customer.id, serviceID: clinic.driving.id))
        #expect(more.text.contains("7 of 10 lessons are not booked yet; the numbering continues at 4"))
        more.type("2")
        more.press(.enter)
        more.press(.enter)
        more.type("March 9 at 5pm")
        more.press(.enter)
        more.type("March 11 at 5pm")
        more.press(.enter)
        #expect(more.text.contains("Lesson 4 of 10"))
        #expect(more.text.contains("Lesson 5 of 10"))
        more.press(.enter)

        #expect(more.bookedGroupID == groupID)
        let group = try t.database.group(id: groupID)
        #expect(group.sessions.map(\.sessionNumber) == [1, 2, 3, 4, 5])
        #expect(group.sessions.allSatisfy { $0.totalSessions == 10 && $0.sessionGroupID == groupID })
        #expect(try t.sessionStarts(group: groupID).suffix(2) == ["2026-03-09T17:00:00+01:00", "2026-03-11T17:00:00+01:00"])
    }

    @Test func bookingAnImplantForAnExistingCustomerTakesAtMostFifteenKeys() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.type("Marie")
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("March 10 at 2pm")
        desk.press(.enter)
        desk.press(.enter)
        desk.press(.enter)
        #expect(desk.bookedGroupID != nil)
        #expect(desk.controlKeys <= 15)
        #expect(desk.controlKeys == 6)
    }
}
