import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// Issue 9: shortening a provider's hours in one weekday's field over a confirmed booking lists the
/// booking, and the desk opens it from the list and moves it; nothing is cancelled. Run against a
/// temporary database through the real runner.
@Suite struct ProviderHoursSessionTests {
    @Test func shorteningTuesdayInItsFieldListsTheBookingAndTheDeskMovesIt() throws {
        let temporary = try TemporaryDatabase(now: "2026-07-01T09:00:00+02:00")
        let clinic = try ClinicFixture.seed(temporary.database, hours: "Mon-Fri 08:00-18:00")
        let booked = try temporary.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                                         starts: [temporary.at("2026-07-07 15:00")])
        let bookingID = try #require(booked.bookings.first?.id)

        let session = AppSession(database: temporary.database, theme: .standard, width: 120, height: 40)
        session.start()
        session.press([.character("S"), .character("v"), .enter])
        #expect(session.screenText.contains("Provider: Dr. Keller"))
        // Name, weekly hours, Monday, Tuesday.
        session.press([.tab, .tab, .tab, .control("u")])
        session.type("08:00-12:00")
        #expect(session.screenText.contains("Mon,Wed-Fri 08:00-18:00; Tue 08:00-12:00"), "the text form follows the weekday")
        session.press(.function(2))
        session.settle()
        var text = session.screenText
        #expect(text.contains("Bookings to move (1)"), "\(text)")
        #expect(text.contains("1 confirmed booking is now outside Dr. Keller's time"))
        #expect(text.contains("Marie Schmidt"))
        #expect(try temporary.database.providerRecord(id: clinic.provider.id).provider.hours.description
                == "Mon,Wed-Fri 08:00-18:00; Tue 08:00-12:00")
        #expect(try temporary.database.booking(id: bookingID).status == .confirmed, "nothing is cancelled")

        session.press(.enter)
        session.press(.control("u"))
        session.type("2026-07-07 10:00")
        session.press(.enter)
        session.settle()
        text = session.screenText
        #expect(text.contains("Every booking Dr. Keller's change uncovered has been moved."), "\(text)")
        let moved = try temporary.database.booking(id: bookingID)
        #expect(moved.start == temporary.at("2026-07-07 10:00") && moved.status == .confirmed)
    }
}
