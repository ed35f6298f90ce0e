import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Issue 12 items 4–8, 10 and 11 on a real database: one placement rule behind every write.
@Suite struct PlacementRuleStoreTests {
    /// The store error a call throws, nil when it succeeds.
    func refusal(_ body: () throws -> Void) -> StoreError? {
        do { try body() } catch let error as StoreError { return error } catch { return nil }
        return nil
    }

    func count(_ t: TemporaryDatabase) throws -> Int {
        try t.database.agenda(from: t.at("2000-01-01 00:00"), to: t.at("2100-01-01 00:00"), limit: 100_000).count
    }

    /// Item 4: a date typed by hand that breaks the 30-day implant gap is refused, not booked.
    @Test func aHandTypedDateBreakingTheImplantGapIsRefusedAndNothingIsWritten() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let pinned = [3: t.at("2026-04-10 14:00")] // 17 days after session 2, the rule says 30
        let preview = try t.database.proposeImmediate(serviceID: clinic.implant.id, providerID: nil,
                                                      firstStart: t.at("2026-03-10 14:00"), pinned: pinned)
        #expect(!preview.plan.isComplete && !preview.plan.sessions[2].isPlaceable)
        let before = try count(t)
        let refused = refusal {
            _ = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                             firstStart: t.at("2026-03-10 14:00"), pinned: pinned, acceptShift: true,
                                             expectedStarts: preview.plan.sessions.map(\.start), confirmedLate: true)
        }
        guard case .refused(.placement(let placement))? = refused, case .tooSoon(let breach)? = placement.findings.first?.problem else {
            Issue.record("a session 17 days after the previous one was not refused: \(String(describing: refused))")
            return
        }
        #expect(breach.session == 3 && breach.neighbour == 2 && breach.limit == .days(30) && breach.days == 13)
        #expect(try count(t) == before)
    }

    /// Item 5: below the minimum is refused; beyond the maximum needs confirming and says by how many days.
    @Test func sequentialWindowIsEnforcedBelowRefusedBeyondConfirmed() throws {
        let t = try TemporaryDatabase(now: "2026-03-09T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let first = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-10 10:00")])
        let group = first.group!.id
        t.now = t.at("2026-03-10 11:00")
        _ = try t.database.complete(bookingID: first.bookings[0].id)
        let soon = refusal {
            _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-11 10:00")], groupID: group)
        }
        guard case .refused(.placement(let tooSoon))? = soon, case .tooSoon(let breach)? = tooSoon.findings.first?.problem else {
            Issue.record("not refused as too soon: \(String(describing: soon))")
            return
        }
        #expect(breach.boundary == LocalDay(year: 2026, month: 3, day: 12))
        let beyond = refusal {
            _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-25 10:00")], groupID: group)
        }
        guard case .refused(.lateConfirmation(let tooLate))? = beyond, case .tooLate(let over)? = tooLate.findings.first?.problem else {
            Issue.record("not asked to confirm: \(String(describing: beyond))")
            return
        }
        #expect(over.days == 8 && over.limit == .days(7))
        #expect(try t.database.group(id: group).sessions.count == 1)
        let late = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-25 10:00")],
                                               groupID: group, confirmedLate: true)
        #expect(late.bookings.map(\.sessionNumber) == [2])
    }

    /// Item 6: a lesson moves past a later-numbered one; upcoming lessons are renumbered by date.
    @Test func flexibleLessonMovesPastALaterOneAndUpcomingLessonsAreRenumberedByDate() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id,
                                                 starts: ["2026-03-02 17:00", "2026-03-04 17:00", "2026-03-06 17:00"].map(t.at))
        let group = booked.group!.id
        t.now = t.at("2026-03-02 19:00")
        _ = try t.database.complete(bookingID: booked.bookings[0].id)
        let lesson2 = booked.bookings.first { $0.sessionNumber == 2 }!
        _ = try t.database.reschedule(bookingID: lesson2.id, to: t.at("2026-03-09 17:00"), confirmedShortNotice: true)
        let sessions = try t.database.group(id: group).sessions
        let byNumber = Dictionary(uniqueKeysWithValues: sessions.map { ($0.sessionNumber, t.calendar.iso8601($0.start)) })
        #expect(byNumber[1] == "2026-03-02T17:00:00+01:00") // completed: keeps its number
        #expect(byNumber[2] == "2026-03-06T17:00:00+01:00")
        #expect(byNumber[3] == "2026-03-09T17:00:00+01:00")
        #expect(sessions.first { $0.id == lesson2.id }?.sessionNumber == 3)
    }

    /// Item 7: "+2w" in Reschedule is two weeks after the session, at its time.
    @Test func relativeDatesInRescheduleCountFromTheSessionBeingMoved() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T18:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let booked = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 08:45")])
        let parser = DateInputParser(calendar: t.calendar, now: t.now)
        let target = try parser.parse("+2w", offsetsFrom: booked.bookings[0].start)
        let moved = try t.database.reschedule(bookingID: booked.bookings[0].id, to: target)
        #expect(t.calendar.iso8601(moved[0].start) == "2026-03-24T08:45:00+01:00")
    }

    /// Item 8: shift-later proposes the next open day at the same time, gaps kept, and books it when accepted.
    @Test func shiftLaterProposesTheNearestValidPlanAndBooksItOnConfirmation() throws {
        let t = try TemporaryDatabase()
        // Session 2 is on Tue 24 Mar; moving session 1 a day later puts it on Wed 25 Mar, the dentist's day off.
        _ = try t.database.addProvider(name: "Dr. Keller", hours: "Mon-Sat 08:00-20:00", closedDays: [LocalDay(year: 2026, month: 3, day: 25)])
        let implant = try t.database.importServices(json: ClinicFixture.dentalImplantJSON)[0].service
        let customer = try t.database.addCustomer(name: "Marie Schmidt")
        let booked = try t.database.bookImmediate(customerID: customer.id, serviceID: implant.id, firstStart: t.at("2026-03-10 14:00"))
        let first = booked.bookings[0]
        let before = try t.database.group(id: booked.group!.id).sessions.map(\.start)
        let proposed = refusal { _ = try t.database.reschedule(bookingID: first.id, to: t.at("2026-03-11 14:00"), shiftLater: true) }
        guard case .refused(.shiftProposal(_, let plan, _))? = proposed else {
            Issue.record("a later session landed on a closed day without a proposal: \(String(describing: proposed))")
            return
        }
        #expect(plan.sessions.map { t.calendar.iso8601($0.to) }
            == ["2026-03-11T14:00:00+01:00", "2026-03-26T14:00:00+01:00", "2026-04-25T14:00:00+02:00"])
        // A provider's closed day is an absence (v7 services), refused with who is away.
        #expect(plan.sessions[1].reason == .dayOff(.absence("Dr. Keller", from: LocalDay(year: 2026, month: 3, day: 25))))
        #expect(try t.database.group(id: booked.group!.id).sessions.map(\.start) == before)
        let moved = try t.database.reschedule(bookingID: first.id, to: t.at("2026-03-11 14:00"), shiftLater: true, acceptProposal: true)
        #expect(moved.map { t.calendar.iso8601($0.start) } == ["2026-03-11T14:00:00+01:00", "2026-03-26T14:00:00+01:00", "2026-04-25T14:00:00+02:00"])
    }

    /// Item 8: Book's proposal keeps the hour on the next open day instead of the first free slot.
    @Test func immediateProposalMovesAClosedSaturdaySessionToTheNextOpenDayAtTheSameTime() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Fri 08:00-18:00")
        let moved = try t.database.proposeImmediate(serviceID: clinic.implant.id, providerID: nil, firstStart: t.at("2026-03-12 10:00"))
        // Thu 12 Mar + 14 = Thu 26 Mar (open) + 30 = Sat 25 Apr (closed) → Mon 27 Apr 10:00.
        #expect(t.calendar.iso8601(moved.plan.sessions[2].start) == "2026-04-27T10:00:00+02:00")
    }

    /// Item 10: a plan landing in the spring gap says so in the preview, resolved as typed input suggests.
    @Test func immediatePlanOnASkippedTimeSaysSo() throws {
        let t = try TemporaryDatabase(now: "2026-03-01T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database, hours: "Mon-Sun 00:00-23:59")
        // Implant: session 2 is 14 days after session 1: Sun 15 Mar 02:30 + 14 = Sun 29 Mar 02:30, skipped in Zurich.
        let plan = try t.database.proposeImmediate(serviceID: clinic.implant.id, providerID: nil, firstStart: t.at("2026-03-15 02:30"))
        #expect(plan.plan.sessions[1].clockChange == .skipped(day: LocalDay(year: 2026, month: 3, day: 29), minuteOfDay: 150, jumpFrom: 120, jumpTo: 180))
        #expect(t.calendar.iso8601(plan.plan.sessions[1].start) == "2026-03-29T03:30:00+02:00")
    }

    /// Item 11: dates beyond the horizon are refused, naming it; the horizon is configurable.
    @Test func datesBeyondTheBookingHorizonAreRefusedNamingIt() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let before = try count(t)
        let far = refusal {
            _ = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("9999-03-10 14:00")])
        }
        guard case .refused(.placement(let horizon))? = far, case .beyondHorizon(_, let days, let last)? = horizon.findings.first?.problem else {
            Issue.record("not refused for the horizon: \(String(describing: far))")
            return
        }
        #expect(days == 730 && last == LocalDay(year: 2028, month: 3, day: 3))
        #expect(throws: StoreError.self) {
            try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id, firstStart: t.at("2030-03-10 14:00"))
        }
        let single = try t.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-03-10 14:00")])
        #expect(throws: StoreError.self) { try t.database.reschedule(bookingID: single.bookings[0].id, to: t.at("2099-03-10 14:00")) }
        let shortHorizon = t.database.withBookingHorizon(days: 30)
        #expect(throws: StoreError.self) {
            try shortHorizon.bookSessions(customerID: clinic.customer.id, serviceID: clinic.driving.id, starts: [t.at("2026-05-10 14:00")])
        }
        #expect(try count(t) == before + 1)
    }
}
