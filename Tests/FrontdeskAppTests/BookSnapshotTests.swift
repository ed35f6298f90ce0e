import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// Every step of the Book screen at 80×24 and 120×40, on a fixed clock and database.
@Suite struct BookSnapshotTests {
    private func snap(_ desk: BookFlowDriver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (width, height) in [(80, 24), (120, 40)] {
            let screen = BookFlowDriver.draw(desk.flow, width: width, height: height, theme: .standard)
            // Every step names the flow and ends with its key legend, whatever the size.
            #expect(screen.lines().first?.contains("Book") == true, sourceLocation: sourceLocation)
            #expect(screen.lines().last?.trimmingCharacters(in: .whitespaces).isEmpty == false, sourceLocation: sourceLocation)
            assertSnapshot(screen, named: "book-\(name)-\(width)x\(height)", sourceLocation: sourceLocation)
        }
    }

    private func clinic(now: String = "2026-03-04T09:00:00+01:00") throws -> (TemporaryDatabase, ClinicFixture.Clinic) {
        let t = try TemporaryDatabase(now: now)
        let clinic = try ClinicFixture.seed(t.database)
        try t.database.addCustomer(name: "Thomas Weber", phone: "+41 78 111 22 33", email: "thomas@example.com")
        try t.database.addCustomer(name: "Zoë Müller", email: "zoe@example.com")
        return (t, clinic)
    }

    private func toService(_ desk: BookFlowDriver, _ query: String) {
        desk.type("Marie")
        desk.press(.enter)
        desk.type(query)
    }

    @Test func customerSearchAndNewCustomer() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        snap(desk, "customer")
        desk.type("Lena Huber")
        desk.press(.enter)
        desk.press(.enter)
        snap(desk, "new-customer")
    }

    @Test func serviceAndProvider() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        toService(desk, "implant")
        snap(desk, "service")
        desk.press(.enter)
        snap(desk, "provider")
    }

    @Test func theServiceListShowsEveryServiceWhenThereIsRoom() throws {
        let t = try TemporaryDatabase(now: "2026-03-04T09:00:00+01:00")
        try t.database.seedDemoClinic()
        let desk = BookFlowDriver(t)
        desk.type("Ben Meier")
        desk.press(.enter)
        let services = try t.database.services()
        #expect(services.count == 6)
        // A 100×30 terminal: the shell's title bar and status line leave the flow 28 rows.
        let screen = desk.screen(width: 100, height: 28).lines().joined(separator: "\n")
        for service in services { #expect(screen.contains(service.name), "\(service.name) is not in view") }
    }

    @Test func immediateStartPreviewAndConfirmationWithAConflict() throws {
        let (t, clinic) = try clinic()
        let thomas = try t.database.resolveCustomer("Thomas Weber")
        try t.database.bookSessions(customerID: thomas.id, serviceID: clinic.physio.id, starts: [t.at("2026-03-24 14:00")])
        let desk = BookFlowDriver(t)
        toService(desk, "implant")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("March 10 at 2pm")
        snap(desk, "immediate-start")
        desk.press(.enter)
        snap(desk, "immediate-preview")
        desk.press(.down)
        desk.press(.down)
        desk.answer("e")
        snap(desk, "immediate-edit")
        desk.press(.escape)
        desk.press(.enter)
        snap(desk, "immediate-confirm")
    }

    @Test func sequentialFirstSession() throws {
        let (t, _) = try clinic(now: "2026-03-09T09:00:00+01:00")
        let desk = BookFlowDriver(t)
        toService(desk, "physio")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("tomorrow 10am")
        snap(desk, "sequential-date")
        desk.press(.enter)
        snap(desk, "sequential-confirm")
    }

    @Test func flexibleCountModePatternAndProposal() throws {
        let (t, _) = try clinic(now: "2026-03-01T09:00:00+01:00")
        let desk = BookFlowDriver(t)
        toService(desk, "learn to drive")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("5")
        snap(desk, "flexible-count")
        desk.press(.enter)
        snap(desk, "flexible-mode")
        desk.answer("p")
        desk.type("Mon Wed 18:00, Sat 10:00")
        snap(desk, "flexible-pattern")
        desk.press(.enter)
        snap(desk, "flexible-proposal")
    }

    @Test func flexibleDatesAndConfirmation() throws {
        let (t, _) = try clinic(now: "2026-03-01T09:00:00+01:00")
        let desk = BookFlowDriver(t)
        toService(desk, "driving")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("3")
        desk.press(.enter)
        desk.press(.enter)
        desk.type("mon 5pm")
        desk.press(.enter)
        desk.type("wed 5")
        snap(desk, "flexible-dates")
        desk.press(.control("u"))
        desk.type("wed 5pm")
        desk.press(.enter)
        desk.type("fri 5pm")
        desk.press(.enter)
        snap(desk, "flexible-confirm")
    }

    @Test func leavingAsksFirst() throws {
        let (t, _) = try clinic()
        let desk = BookFlowDriver(t)
        toService(desk, "implant")
        desk.press(.escape)
        desk.press(.escape)
        snap(desk, "leave")
    }

    /// Issue 12 item 1: a missed implant session booked again ten days later, with session 3 moved
    /// along (Sunday 3 May is a day off, so Monday): the preview, then the confirmation listing the move.
    @Test func rebookingAMissedSessionMovesTheLaterOneAlong() throws {
        let (t, clinic) = try clinic(now: "2026-03-01T09:00:00+01:00")
        let plan = try t.database.bookImmediate(customerID: clinic.customer.id, serviceID: clinic.implant.id,
                                                firstStart: t.at("2026-03-10 14:00"))
        t.now = t.at("2026-03-24 16:00")
        _ = try t.database.complete(bookingID: plan.bookings[0].id)
        try t.database.markNoShow(bookingID: plan.bookings[1].id)
        let desk = BookFlowDriver(t, start: .continuing(groupID: plan.group!.id, customerID: clinic.customer.id,
                                                        serviceID: clinic.implant.id))
        desk.type("2026-04-03 14:00")
        desk.press(.enter)
        snap(desk, "rebook-preview")
        desk.press(.enter)
        snap(desk, "rebook-confirm")
    }
}
