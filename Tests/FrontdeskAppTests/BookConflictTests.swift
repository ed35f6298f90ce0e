import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Immediate plans that do not fit, staff editing a session's date, and another terminal taking a
/// slot between the preview and the confirmation.
@Suite struct BookConflictTests {
    /// Dr. Keller is busy on Tuesday 24 March at 14:00, where the implant's session 2 would go.
    private func clinicWithSession2Taken() throws -> (TemporaryDatabase, ClinicFixture.Clinic) {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        try takeMarch24At2pm(t, clinic)
        return (t, clinic)
    }

    private func takeMarch24At2pm(_ t: TemporaryDatabase, _ clinic: ClinicFixture.Clinic) throws {
        let other = try t.database.addCustomer(name: "Thomas Weber", phone: "+41 79 555 77 88")
        try t.database.bookSessions(customerID: other.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-24 14:00")])
    }

    private func openImplantPreview(_ t: TemporaryDatabase) -> BookFlowDriver {
        let desk = BookFlowDriver(t)
        desk.type("Marie")
        desk.press(.enter)
        desk.type("implant")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("March 10 at 2pm")
        desk.press(.enter)
        return desk
    }

    private func lastProposal(_ desk: BookFlowDriver) -> ImmediateProposal? {
        for event in desk.events.reversed() {
            if case let .immediateProposed(proposal) = event { return proposal }
            if case let .planChanged(proposal) = event { return proposal }
        }
        return nil
    }

    @Test func aSessionThatDoesNotFitShowsWhyAndTheShiftedTimeIsBooked() throws {
        let (t, clinic) = try clinicWithSession2Taken()
        let desk = openImplantPreview(t)
        let preview = desk.text
        #expect(preview.contains("→ moved: booked"))
        #expect(preview.contains("Session 2 at Tue 24 Mar 2026 14:00: Dr. Keller is booked"))
        #expect(preview.contains("proposed instead"))
        let proposal = try #require(lastProposal(desk))
        #expect(!proposal.plan.fitsAsRequested)
        let shown = proposal.plan.sessions.map(\.start)

        desk.press(.enter)
        #expect(desk.text.contains("Session 2 of 3 moved from Tue 24 Mar 2026 14:00 to Tue 24 Mar 2026 14:45"))
        desk.press(.enter)

        let groupID = try #require(desk.bookedGroupID)
        let group = try t.database.group(id: groupID)
        #expect(group.customerID == clinic.customer.id)
        #expect(group.sessions.map(\.sessionNumber) == [1, 2, 3])
        #expect(group.sessions.map(\.start) == shown)
        #expect(group.sessions[1].start != t.at("2026-03-24 14:00"))
        #expect(group.sessions[1].start > t.at("2026-03-24 14:00"))
    }

    @Test func editingASessionDatePinsItAndTheLaterSessionsReplanAroundIt() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        try ClinicFixture.seed(t.database)
        let desk = openImplantPreview(t)
        desk.press(.down)
        desk.type("e")
        #expect(desk.text.contains("Session 2 on"))
        desk.press(.control("u"))
        desk.type("March 26 at 2pm")
        #expect(desk.text.contains("→ Thu 26 Mar 2026 14:00"))
        desk.press(.enter)
        #expect(desk.effects.contains { effect in
            if case let .proposeImmediate(_, _, _, pinned) = effect { return pinned == [2: t.at("2026-03-26 14:00")] }
            return false
        })
        #expect(desk.text.contains("✎ set by hand"))
        desk.press(.enter)
        #expect(desk.text.contains("set by hand"))
        desk.press(.enter)

        let groupID = try #require(desk.bookedGroupID)
        #expect(try t.sessionStarts(group: groupID)
                == ["2026-03-10T14:00:00+01:00", "2026-03-26T14:00:00+01:00", "2026-04-25T14:00:00+02:00"])
    }

    @Test func aSlotTakenAfterThePreviewIsReportedAndReplannedAndNothingIsHalfBooked() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let desk = openImplantPreview(t)
        #expect(lastProposal(desk)?.plan.fitsAsRequested == true)
        desk.press(.enter) // to the confirmation

        // Another terminal books Dr. Keller at session 2's time.
        try takeMarch24At2pm(t, clinic)
        desk.press(.enter)

        #expect(desk.flow.outcome == nil)
        let screen = desk.text
        #expect(screen.contains("Another booking took a slot since the preview, so nothing was booked"))
        #expect(screen.contains("Session 2 of 3 changed: was Tue 24 Mar 2026 14:00, now"))
        let marie = AgendaFilter(customerID: clinic.customer.id)
        let from = t.at("2026-03-01 00:00")
        #expect(try t.database.agenda(from: from, to: t.calendar.adding(days: 90, to: from), filter: marie).isEmpty)

        let replanned = try #require(lastProposal(desk)).plan.sessions.map(\.start)
        desk.press(.enter)
        let groupID = try #require(desk.bookedGroupID)
        let group = try t.database.group(id: groupID)
        #expect(group.sessions.map(\.start) == replanned)
        #expect(group.sessions.count == 3)
        #expect(group.sessions[1].start != t.at("2026-03-24 14:00"))
    }

    @Test func aRefusedBookingReplansOnTheConfirmation() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        let clinic = try ClinicFixture.seed(t.database)
        let desk = openImplantPreview(t)
        desk.press(.enter)
        let effects = desk.flow.handle(.enter)
        let booking = try #require(effects.first)
        guard case .bookImmediate = booking else {
            Issue.record("Enter on the confirmation should book the immediate plan, got \(booking)")
            return
        }
        // As if the store had refused inside its transaction: the flow asks for a fresh plan.
        let replan = desk.flow.receive(.failed(booking, message: "Slot taken: Dr. Keller is already booked."))
        #expect(replan == [.proposeImmediate(serviceID: clinic.implant.id, providerID: nil,
                                             firstStart: t.at("2026-03-10 14:00"), pinned: [:])])
        #expect(desk.flow.outcome == nil)
        #expect(desk.text.contains("Nothing was booked: Slot taken"))
    }
}
