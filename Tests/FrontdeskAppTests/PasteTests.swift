import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import TerminalUI
import Testing

/// A paste as the terminal delivers it (one `.paste` key): text in the focused field, nothing at all
/// anywhere else, never Enter or letters that act.
@Suite struct PasteTests {
    @Test func aPasteWithLineBreaksIntoNotesIsSavedAsTextAndTheSessionStaysConfirmed() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.select(rowContaining: "Zoë Müller")
        session.press(.character("e"))
        session.paste("Bring the X-ray\rc\r")
        #expect(!session.shows("Mark this session as completed?"))
        #expect(session.shows("Bring the X-ray c"))
        session.press(.enter)
        let booking = try scenario.booking(scenario.singleBooking)
        #expect(booking.notes == "Bring the X-ray c")
        #expect(booking.status == .confirmed)
    }

    @Test func aPasteOnTheListDoesNothing() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.select(rowContaining: "Zoë Müller")
        let before = session.screenText
        // Letters that are keys here: b books, c completes, q quits, / searches; Enter opens.
        session.paste("bc/q\r")
        #expect(session.screenText == before)
        #expect(!session.shouldQuit)
        #expect(try scenario.booking(scenario.singleBooking).status == .confirmed)
    }

    @Test func aTenThousandCharacterPasteLandsInTheSearchField() throws {
        let scenario = try BookingsScenario()
        let session = scenario.session()
        session.press(.character("/"))
        session.paste(String(repeating: "abcdefghi ", count: 1_000) + "weber")
        #expect(session.shows("weber"))
        session.press(.control("u"))
        session.paste("weber\n")
        session.press(.enter)
        #expect(session.state.bookings.list.rows.map(\.customerName) == ["Thomas Weber"])
    }
}
