import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// SPEC §7: the original test checklist, through the store.
@Suite struct AcceptanceScenarioTests {
    @Test func immediateDentalImplantBooksThreeSessionsWithTheGuideGaps() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let result = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                                  firstStart: t.at("2026-03-10 14:00"))
        let starts = result.bookings.map { t.calendar.iso8601($0.start) }
        #expect(starts == ["2026-03-10T14:00:00+01:00", "2026-03-24T14:00:00+01:00", "2026-04-23T14:00:00+02:00"])
        #expect(result.bookings.map(\.sessionNumber) == [1, 2, 3])
        #expect(result.bookings.allSatisfy { $0.totalSessions == 3 && $0.isPartOfMultiSession })
        #expect(Set(result.bookings.compactMap(\.sessionGroupID)).count == 1)
        #expect(result.bookings.map(\.label) == ["Implant placement", "Healing check", "Crown installation"])
        #expect(result.bookings.map { Int($0.end.timeIntervalSince($0.start) / 60) } == [90, 30, 60])
        let group = try t.database.group(id: try #require(result.group?.id))
        #expect(group.sessions.count == 3)
    }

    @Test func immediateWithMonthsGapLandsOnApril24() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let months = ClinicFixture.dentalImplantJSON
            .replacingOccurrences(of: "\"session_2_to_3_days\": 30", with: "\"session_2_to_3_months\": 1")
            .replacingOccurrences(of: "Dental Implant - Complete Treatment", with: "Dental Implant (months)")
        let service = try t.database.importServices(json: months)[0].service
        let result = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: service.id,
                                                  firstStart: t.at("2026-03-10 14:00"))
        #expect(result.bookings.map { t.calendar.iso8601($0.start) }
                == ["2026-03-10T14:00:00+01:00", "2026-03-24T14:00:00+01:00", "2026-04-24T14:00:00+02:00"])
    }

    @Test func sequentialPhysiotherapyBooksOneSessionAndOffersTheNextAfterCompletion() throws {
        // Monday 9 March: "tomorrow at 10am" is Tuesday 10 March, "Friday" is 13 March.
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                                starts: [t.at("2026-03-10 10:00")])
        #expect(first.bookings.count == 1)
        #expect(first.bookings[0].sessionNumber == 1)
        #expect(first.bookings[0].totalSessions == 8)
        let groupID = try #require(first.group?.id)
        #expect(try t.database.group(id: groupID).sessions.count == 1)

        t.now = t.at("2026-03-10 11:00")
        let outcome = try t.database.complete(bookingID: first.bookings[0].id)
        let window = try #require(outcome.nextWindow)
        #expect(t.calendar.localDay(of: window.earliest).description == "2026-03-12")
        #expect(t.calendar.localDay(of: window.recommended).description == "2026-03-13")
        #expect(t.calendar.localDay(of: try #require(window.latest)).description == "2026-03-17")
        let suggested = try #require(outcome.suggestedNext)
        #expect(suggested >= window.earliest)
        #expect(!outcome.treatmentCompleted)
        let followUps = try t.database.followUps(status: .pending)
        #expect(followUps.contains { $0.kind == .nextSession && $0.groupID == groupID })

        let second = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                                 starts: [t.at("2026-03-13 10:00")], groupID: groupID)
        #expect(second.bookings.map(\.sessionNumber) == [2])
        #expect(second.bookings[0].sessionGroupID == groupID)
        let group = try t.database.group(id: groupID)
        #expect(group.sessions.first { $0.sessionNumber == 1 }?.status == .completed)
        #expect(group.sessions.first { $0.sessionNumber == 2 }?.status == .confirmed)
    }

    @Test func flexibleDrivingLessonsBookThreeThenTwoMoreInTheSameGroup() throws {
        // Sunday 1 March 2026: Monday, Wednesday, Friday are 2, 4, 6 March.
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                starts: [t.at("2026-03-02 17:00"), t.at("2026-03-04 17:00"), t.at("2026-03-06 17:00")])
        #expect(first.bookings.map(\.sessionNumber) == [1, 2, 3])
        #expect(first.bookings.allSatisfy { $0.totalSessions == 10 })
        let group = try #require(first.group)
        #expect(group.progress(now: t.now).remaining == 7)
        #expect(first.bookings[0].label == "Lesson 1 of 10")

        let more = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                               starts: [t.at("2026-03-09 17:00"), t.at("2026-03-11 17:00")], groupID: group.id)
        #expect(more.bookings.map(\.sessionNumber) == [4, 5])
        #expect(more.bookings.allSatisfy { $0.sessionGroupID == group.id })
        #expect(try t.database.group(id: group.id).progress(now: t.now).remaining == 5)
    }
}
