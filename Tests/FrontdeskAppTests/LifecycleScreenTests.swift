import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// Issue 12 items 1, 9 and 12 on the Bookings screen, against a real database seen on Tuesday
/// 10 March 2026 at 12:00:
/// - Anna Keller, laser (2 sessions): 1 completed Mon 9 Feb, 2 a no-show Mon 9 Mar (to book);
/// - Ben Frei, physiotherapy: session 1 today 08:00, not marked (needs outcome);
/// - Carla Roth, a check-up today 11:00, cancelled; ten earlier check-ups of others and sixteen later ones;
/// - Dora Blum, a driving package sold in August 2025 (expired).
@Suite struct LifecycleScreenTests {
    final class Scenario {
        let temporary: TemporaryDatabase
        var laserGroup = ""
        var drivingGroup = ""

        init() throws {
            temporary = try TemporaryDatabase(now: "2025-08-01T09:00:00+02:00")
            let db = temporary.database
            let clinic = try ClinicFixture.seed(db)
            let laser = try db.importServices(json: """
                {"name": "Laser Hair Removal", "requires_multiple_sessions": true, "total_sessions_required": 2,
                 "multi_session_strategy": "immediate", "session_buffer_config": {"default_days": 28}, "duration_minutes": 30}
                """)[0].service
            let checkup = try db.importServices(json: """
                {"name": "Dental Check-up", "requires_multiple_sessions": false, "total_sessions_required": 1, "duration_minutes": 30}
                """)[0].service
            let anna = try db.addCustomer(name: "Anna Keller")
            let ben = try db.addCustomer(name: "Ben Frei")
            let carla = try db.addCustomer(name: "Carla Roth")
            let dora = try db.addCustomer(name: "Dora Blum")

            let driving = try db.bookSessions(customerID: dora.id, serviceID: clinic.driving.id, starts: [temporary.at("2025-08-04 17:00")])
            drivingGroup = driving.group!.id
            temporary.now = temporary.at("2025-08-04 18:00")
            _ = try db.complete(bookingID: driving.bookings[0].id)

            temporary.now = temporary.at("2026-02-02 09:00")
            let plan = try db.bookImmediate(customerID: anna.id, serviceID: laser.id, firstStart: temporary.at("2026-02-09 10:00"))
            laserGroup = plan.group!.id
            var earlier: [Int64] = []
            for day in 2...6 {
                let other = try db.addCustomer(name: "Earlier Customer \(day)")
                earlier += try db.bookSessions(customerID: other.id, serviceID: checkup.id, starts: [temporary.at("2026-03-0\(day) 09:00")])
                    .bookings.map(\.id)
            }
            // Between the missed session and today: the treatment waiting for a booking is rows above the cursor.
            for hour in 13...17 {
                let other = try db.addCustomer(name: "Monday Customer \(hour)")
                earlier += try db.bookSessions(customerID: other.id, serviceID: checkup.id, starts: [temporary.at("2026-03-09 \(hour):00")])
                    .bookings.map(\.id)
            }
            // Enough later appointments that the list could open with today's first row at the top.
            for day in 11...28 where day != 15 && day != 22 {  // not on Sundays
                let later = try db.addCustomer(name: "Later Customer \(day)")
                _ = try db.bookSessions(customerID: later.id, serviceID: checkup.id, starts: [temporary.at("2026-03-\(day) 10:00")])
            }
            let carlas = try db.bookSessions(customerID: carla.id, serviceID: checkup.id, starts: [temporary.at("2026-03-10 11:00")])
            temporary.now = temporary.at("2026-02-09 11:00")
            _ = try db.complete(bookingID: plan.bookings[0].id)
            temporary.now = temporary.at("2026-03-09 18:00")
            try db.markNoShow(bookingID: plan.bookings[1].id)
            for id in earlier { _ = try db.complete(bookingID: id) }
            _ = try db.bookSessions(customerID: ben.id, serviceID: clinic.physio.id, starts: [temporary.at("2026-03-10 08:00")])
            try db.cancel(bookingID: carlas.bookings[0].id, confirmedShortNotice: true)
            temporary.now = temporary.at("2026-03-10 12:00")
        }

        func session(width: Int = 120, height: Int = 40) -> AppSession {
            let session = AppSession(database: temporary.database, theme: .standard, width: width, height: height)
            session.start()
            return session
        }
    }

    @Test func theListOpensWithToBookTreatmentsInView() throws {
        let scenario = try Scenario()
        let session = scenario.session(width: 80, height: 24)
        // The cursor is on today's first row; the treatment waiting since yesterday is on screen above it.
        #expect(session.state.bookings.list.selectedRow?.customerName == "Ben Frei")
        let annaLine = session.screenText.split(separator: "\n").first { $0.contains("Anna Keller") }
        #expect(annaLine?.contains("to book") == true, "\(session.screenText)")
    }

    @Test func aMissedSessionIsOfferedForRebookingInThePane() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        while session.state.bookings.list.selectedRow?.customerName != "Anna Keller" { session.press(.up) }
        session.press(.enter)
        #expect(session.shows("! Session 2: Mon 9 Mar 2026 10:00 - No-show"), "\(session.screenText)")
        #expect(session.shows("Progress: 1 of 2 complete, 1 not yet scheduled"))
        #expect(session.shows("Next action: Session 2 was missed or cancelled - press m to book it again."))
    }

    @Test func aPastSessionWithoutOutcomeIsMarkedInThePaneAndTheAgenda() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        session.press(.enter)
        #expect(session.shows("? Session 1: Tue 10 Mar 2026 08:00 - Needs outcome"), "\(session.screenText)")
        session.press([.escape, .character("v")])
        let agenda = session.screenText
        let benLine = agenda.split(separator: "\n").first { $0.contains("Ben Frei") }
        #expect(benLine?.contains("Needs outcome") == true, "\(agenda)")
        #expect(benLine?.contains("?") == true)
        // The day header counts the cancelled booking apart.
        #expect(agenda.contains("1 appointment, 1 cancelled"), "\(agenda)")
    }

    @Test func theFilterOffersToBookAndNeedsOutcome() throws {
        #expect(FilterForm.statusOptions.contains(.toBook))
        #expect(FilterForm.statusOptions.contains(.needsOutcome))
        let scenario = try Scenario()
        let session = scenario.session()
        // From, to, provider, then status: "any status" → active → to book.
        session.press([.character("f"), .tab, .tab, .tab, .right, .right])
        #expect(session.shows("to book"), "\(session.screenText)")
        session.press(.enter)
        #expect(session.state.bookings.filter.state == .toBook)
        #expect(session.state.bookings.list.rows.map(\.customerName) == ["Anna Keller"])
        session.press([.character("f"), .tab, .tab, .tab, .right])
        #expect(session.shows("needs outcome"), "\(session.screenText)")
        session.press(.enter)
        #expect(session.state.bookings.list.rows.map(\.customerName) == ["Ben Frei"])
    }

    @Test func theAgendasNeedsOutcomeFilterAsksForSessionsOverByNow() {
        var filter = BookingsFilter()
        let now = Date(timeIntervalSince1970: 1_773_144_000)
        filter.state = .needsOutcome
        #expect(filter.agendaFilter(now: now) == AgendaFilter(statuses: [.confirmed], endedBy: now))
        filter.state = .active
        #expect(filter.agendaFilter(now: now) == AgendaFilter(statuses: [.confirmed]))
    }

    @Test func bookingMoreOfAnExpiredPackageSaysSoAtOnce() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        session.press(.character("/"))
        session.type("Dora")
        session.press([.enter, .character("m")])
        #expect(session.shows("This package expired on"), "\(session.screenText)")
        #expect(session.shows("press + on the treatment"))
        #expect(session.state.front?.as(BookFlow.self) == nil, "the Book flow opened for an expired package")
    }

    @Test func anExpiredPackageIsExtendedFromTheTreatmentPane() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        session.press(.character("/"))
        session.type("Dora")
        session.press([.enter, .character("+")])
        #expect(session.shows("Extend the package"), "\(session.screenText)")
        session.type("31.3.")
        session.press(.enter)
        #expect(session.shows("it now runs until"), "\(session.screenText)")
        let group = try scenario.temporary.database.group(id: scenario.drivingGroup)
        #expect(group.state(now: scenario.temporary.now) != .expired)
        #expect(scenario.temporary.calendar.localDay(of: group.expiresAt!).description == "2026-04-01")
        // The package takes bookings again: m opens the Book flow.
        session.press(.character("m"))
        #expect(session.state.front?.as(BookFlow.self) != nil)
    }

    @Test func aTreatmentIsEndedEarlyFromThePaneWithAReasonAndCountsAsClosed() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        session.press(.character("/"))
        session.type("Anna")
        session.press([.enter, .enter, .character("E")])
        #expect(session.shows("End the treatment early"), "\(session.screenText)")
        // "Other" needs words.
        session.press([.right, .right, .right, .enter])
        #expect(session.shows("Say in a few words why the treatment ends."), "\(session.screenText)")
        #expect(try scenario.temporary.database.group(id: scenario.laserGroup).ended == nil)
        session.press(.tab)
        session.type("Pregnancy")
        session.press(.enter)
        #expect(session.shows("Ended Anna Keller's Laser Hair Removal early (Pregnancy)"), "\(session.screenText)")
        let group = try scenario.temporary.database.group(id: scenario.laserGroup)
        #expect(group.state(now: scenario.temporary.now) == .ended)
        #expect(group.ended?.reason == .other("Pregnancy"))
    }

    @Test func uUndoesTheOutcomeJustGivenAfterAsking() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        // Ben's session this morning, completed from the list; the next session can wait.
        session.press([.character("c"), .character("y")])
        #expect(session.shows("Book Session 2 of 8 now?"))
        #expect(!session.shows("u undoes."), "the date field has the keys: u is typed there")
        session.press(.escape)
        // Leaving the next booking for later keeps the completion, and says so with the offer to undo it.
        #expect(session.shows("Session 1 of 8 stays completed; session 2 is not booked yet (m books it). u undoes."),
                "\(session.screenText)")
        #expect(!session.shows("Nothing was changed."))
        let ben = try #require(scenario.temporary.database.treatments(filter: TreatmentFilter(customerQuery: "Ben"))
            .first?.groupID)
        #expect(try scenario.temporary.database.group(id: ben).sessions.first?.status == .completed)
        session.press(.character("u"))
        #expect(session.shows("It is completed. Return it to confirmed?"), "\(session.screenText)")
        session.press(.enter)
        #expect(try scenario.temporary.database.group(id: ben).sessions.first?.status == .confirmed)
        #expect(session.shows("Reopened Session 1 of 8 (Ben Frei)"), "\(session.screenText)")
    }

    @Test func uOnAMissedSessionReopensItAndTheSafeAnswerKeepsIt() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        while session.state.bookings.list.selectedRow?.customerName != "Anna Keller" { session.press(.up) }
        session.press(.enter)
        // The cursor starts on the latest session: number 2, the no-show.
        session.press([.character("u"), .character("n")])
        #expect(try scenario.temporary.database.group(id: scenario.laserGroup).state(now: scenario.temporary.now) == .toBook)
        session.press([.character("u"), .character("y")])
        let group = try scenario.temporary.database.group(id: scenario.laserGroup)
        #expect(group.sessions.map(\.status) == [.completed, .confirmed])
        #expect(session.shows("? Session 2: Mon 9 Mar 2026 10:00 - Needs outcome"), "\(session.screenText)")
    }

    @Test func nothingToUndoOnABookedSessionOnceTheMomentHasPassed() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        session.press(.character("u"))
        #expect(session.shows("Nothing to undo here"), "\(session.screenText)")
        while session.state.bookings.list.selectedRow?.customerName != "Later Customer 11" { session.press(.down) } // tomorrow
        session.press([.character("x"), .character("y"), .character("y")]) // within 48 hours: asked twice
        #expect(session.shows("u undoes."), "\(session.screenText)")
        session.press(.down)
        // Within ten seconds u undoes the cancellation wherever the cursor is.
        session.press(.character("u"))
        #expect(session.shows("It is cancelled. Return it to confirmed?"), "\(session.screenText)")
        #expect(session.shows("Later Customer 11"))
        session.press(.character("n"))
        scenario.temporary.now = scenario.temporary.now.addingTimeInterval(11)
        session.tick()
        session.press(.character("u"))
        #expect(session.shows("Nothing to undo here"), "\(session.screenText)")
    }

    @Test func theOfferToUndoLeavesTheStatusLineAfterTenSeconds() throws {
        let scenario = try Scenario()
        let session = scenario.session()
        while session.state.bookings.list.selectedRow?.customerName != "Later Customer 11" { session.press(.down) }
        session.press([.character("x"), .character("y"), .character("y")])
        #expect(session.shows("u undoes."), "\(session.screenText)")
        scenario.temporary.now = scenario.temporary.now.addingTimeInterval(5)
        session.tick()
        #expect(session.shows("u undoes."))
        scenario.temporary.now = scenario.temporary.now.addingTimeInterval(6)
        session.tick()
        #expect(!session.shows("u undoes."), "\(session.screenText)")
        #expect(session.shows("Cancelled"))
    }
}
