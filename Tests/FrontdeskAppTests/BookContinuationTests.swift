import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Continuing treatments from the Bookings screen (sequential "book next", flexible "book more"),
/// and flexible packages booked from a weekly pattern.
@Suite struct BookContinuationTests {
    @Test func sequentialNextSessionIsSuggestedAtTheRecommendedGapAndBookedInTheSameGroup() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                                starts: [t.at("2026-03-10 10:00")])
        let groupID = try #require(first.group?.id)
        t.now = t.at("2026-03-10 11:00")
        try t.database.complete(bookingID: first.bookings[0].id)

        let desk = BookFlowDriver(t, start: .continuing(groupID: groupID, customerID: clinic.customer.id, serviceID: clinic.physio.id))
        let screen = desk.text
        #expect(screen.contains("When would the customer like session 2 of 8?"))
        // Session 1 on Tue 10 Mar + the recommended 3 days, at the same time.
        #expect(screen.contains("→ Fri 13 Mar 2026 10:00"))
        #expect(screen.contains("1 of 8 booked so far"))
        desk.press(.enter)
        #expect(desk.text.contains("Session 2 of 8"))
        desk.press(.enter)

        #expect(desk.bookedGroupID == groupID)
        #expect(desk.controlKeys == 2)
        let group = try t.database.group(id: groupID)
        #expect(group.sessions.map(\.sessionNumber) == [1, 2])
        #expect(group.sessions[0].status == .completed)
        #expect(group.sessions[1].status == .confirmed)
        #expect(t.calendar.iso8601(group.sessions[1].start) == "2026-03-13T10:00:00+01:00")
    }

    @Test func bookingNextSuggestsFromTheRulesTheTreatmentWasBookedUnder() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                                starts: [t.at("2026-03-10 10:00")])
        let groupID = try #require(first.group?.id)
        t.now = t.at("2026-03-10 11:00")
        try t.database.complete(bookingID: first.bookings[0].id)
        // The manager changes the service afterwards: new treatments ideally every 10 days.
        _ = try t.database.importServiceFile(json: #"{"name": "Physiotherapy Treatment Plan", "session_buffer_config": {"minimum_days": 7, "maximum_days": 14, "recommended_days": 10}}"#)

        let desk = BookFlowDriver(t, start: .continuing(groupID: groupID, customerID: clinic.customer.id, serviceID: clinic.physio.id))
        // Still session 1 + the 3 days this treatment was booked with.
        #expect(desk.text.contains("→ Fri 13 Mar 2026 10:00"))
    }

    @Test func sequentialNextBeforeCompletionIsRefusedWithTheStoresReason() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                                starts: [t.at("2026-03-10 10:00")])
        let groupID = try #require(first.group?.id)
        let desk = BookFlowDriver(t, start: .continuing(groupID: groupID, customerID: clinic.customer.id, serviceID: clinic.physio.id))
        #expect(desk.text.contains("Session 1 is not marked completed yet"))
        desk.press(.enter)
        desk.press(.enter)
        #expect(desk.flow.outcome == nil)
        #expect(desk.lastFailure?.contains("not completed yet") == true)
        #expect(try t.database.group(id: groupID).sessions.count == 1)
    }

    @Test func flexiblePackageFromAWeeklyPatternThenTwoMoreFromTheTreatment() throws {
        // Sunday 1 March 2026, as in the guide: "Mondays and Wednesdays at 6pm, and Saturday mornings".
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.type("Marie")
        desk.press(.enter)
        desk.type("driving")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("5")
        desk.press(.enter)
        desk.answer("p")
        desk.type("Mon Wed 18:00, Sat 10:00")
        #expect(desk.text.contains("→ Mon Wed 18:00, Sat 10:00"))
        desk.press(.enter)
        let proposal = desk.text
        #expect(proposal.contains("Lesson 1 of 10"))
        #expect(proposal.contains("Sat 7 Mar 2026"))
        desk.press(.enter)
        desk.press(.enter)

        let groupID = try #require(desk.bookedGroupID)
        #expect(try t.sessionStarts(group: groupID) == [
            "2026-03-02T18:00:00+01:00", "2026-03-04T18:00:00+01:00", "2026-03-07T10:00:00+01:00",
            "2026-03-09T18:00:00+01:00", "2026-03-11T18:00:00+01:00",
        ])

        let more = BookFlowDriver(t, start: .continuing(groupID: groupID, customerID: clinic.customer.id, serviceID: clinic.driving.id))
        more.type("2")
        more.press(.enter)
        more.answer("p")
        more.type("Sat 10am")
        more.press(.enter)
        #expect(more.text.contains("Lesson 6 of 10"))
        more.press(.enter)
        #expect(more.text.contains("Lesson 7 of 10"))
        more.press(.enter)

        #expect(more.bookedGroupID == groupID)
        let group = try t.database.group(id: groupID)
        #expect(group.sessions.map(\.sessionNumber) == [1, 2, 3, 4, 5, 6, 7])
        #expect(try t.sessionStarts(group: groupID).suffix(2) == ["2026-03-14T10:00:00+01:00", "2026-03-21T10:00:00+01:00"])
        #expect(more.bookedMessage?.contains("3 remaining") == true)
    }

    @Test func editingAProposedSlotBooksTheEditedDate() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        try ClinicFixture.seed(t.database)
        let desk = BookFlowDriver(t)
        desk.type("Marie")
        desk.press(.enter)
        desk.type("driving")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("2")
        desk.press(.enter)
        desk.answer("p")
        desk.type("Tue Thu 17:00")
        desk.press(.enter)
        desk.press(.down)
        desk.answer("e")
        desk.press(.control("u"))
        desk.type("fri 5pm")
        desk.press(.enter)
        desk.press(.enter)
        desk.press(.enter)
        let groupID = try #require(desk.bookedGroupID)
        #expect(try t.sessionStarts(group: groupID) == ["2026-03-03T17:00:00+01:00", "2026-03-06T17:00:00+01:00"])
    }

    @Test func aFullPackageSaysSoInsteadOfAskingForDates() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        // Ten weekdays and Saturdays from Monday 2 March (Dr. Keller does not work on Sundays).
        let starts = [2, 3, 4, 5, 6, 7, 9, 10, 11, 12].map { t.at("2026-03-\($0 < 10 ? "0" : "")\($0) 17:00") }
        let full = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: starts)
        let groupID = try #require(full.group?.id)
        let desk = BookFlowDriver(t, start: .continuing(groupID: groupID, customerID: clinic.customer.id, serviceID: clinic.driving.id))
        #expect(desk.text.contains("Every lesson of this treatment is booked already"))
        desk.press(.escape)
        #expect(desk.flow.outcome == .abandoned)
    }
}
