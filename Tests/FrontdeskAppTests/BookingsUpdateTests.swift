import Foundation
import FrontdeskApp
import FrontdeskCore
import TerminalUI
import Testing

/// The Bookings screen's update against an in-memory store (no SQLite): which effects each key
/// asks for, and what the screen shows with the answers.
@Suite struct BookingsUpdateTests {
    @Test func openingTheScreenLoadsProvidersAndTheListFromToday() {
        let desk = InMemoryDesk(store: .twoTreatments())
        let loads = desk.store.performed
        #expect(loads.contains(.loadProviders))
        #expect(loads.contains { if case .loadTreatments(let r) = $0 { return !r.backward } else { return false } })
        #expect(desk.text.contains("Marie Schmidt"))
        #expect(desk.text.contains("Lukas Huber"))
    }

    @Test func enterOpensTheTreatmentWithItsSessions() {
        var desk = InMemoryDesk(store: .twoTreatments())
        desk.press(.enter)
        #expect(desk.store.performed.last.map { if case .loadGroup = $0 { return true } else { return false } } == true)
        #expect(desk.text.contains("Session 1:"))
        #expect(desk.text.contains("Session 3:"))
        #expect(desk.state.bookings.focus == .sessions)
    }

    @Test func openingATreatmentClearsTheMessageAboutTheRowBefore() {
        var desk = InMemoryDesk(store: .twoTreatments())
        desk.press(.enter, .enter)
        #expect(desk.text.contains("Choose what to do with this session"))
        desk.press(.escape, .enter)
        #expect(!desk.text.contains("Choose what to do with this session"))
        #expect(desk.text.contains("Session 1:"))
    }

    @Test func completeAsksFirstAndNoRunsNothing() {
        var desk = InMemoryDesk(store: .twoTreatments())
        desk.press(.enter, .character("c"))
        // Session 2 is tomorrow: the question names its date.
        #expect(desk.text.contains("This session is on Wed 11 Mar 2026, tomorrow."))
        #expect(desk.text.contains("Mark it completed anyway?"))
        let before = desk.store.performed.count
        desk.press(.character("n"))
        #expect(desk.store.performed.count == before)
        #expect(desk.state.bookings.desk.dialog == nil)
        #expect(desk.text.contains("Nothing was changed."))
    }

    @Test func completingRunsTheCommandAndReadsTheTreatmentAgain() {
        var desk = InMemoryDesk(store: .twoTreatments())
        desk.press(.enter, .character("c"), .character("y"))
        #expect(desk.store.performed.contains(.run(.complete(bookingID: 2))))
        #expect(desk.store.groups[0].sessions[1].status == .completed)
        // After the change the list and the open treatment are read again.
        let last = desk.store.performed.suffix(2)
        #expect(last.contains { if case .loadGroup(let r) = $0 { return r.purpose == .refresh } else { return false } })
        #expect(desk.text.contains("Session 2:"))
        #expect(desk.text.contains("Completed"))
    }

    @Test func cancelAndNotesGoThroughTheSessionDesk() {
        var desk = InMemoryDesk(store: .twoTreatments())
        desk.press(.enter, .down, .character("x"))
        #expect(desk.text.contains("Cancel this session?"))
        desk.press(.character("y"))
        #expect(desk.store.performed.contains(.run(.cancel(bookingID: 3, confirmedShortNotice: false))))
        desk.press(.character("e"))
        desk.send(.key(.paste("Call before")))
        desk.press(.enter)
        #expect(desk.store.groups[0].sessions[2].notes == "Call before")
    }

    @Test func aStoreRefusalIsShownAndNothingChanges() {
        var desk = InMemoryDesk(store: .twoTreatments())
        desk.press(.enter, .character("n"), .character("y"))
        #expect(desk.text.contains("does not do"))
        #expect(desk.store.groups[0].sessions[1].status == .confirmed)
    }
}
