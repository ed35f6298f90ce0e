import Foundation
import FrontdeskApp
import FrontdeskCore
import TerminalUI
import Testing

/// The provider editor's weekday hours, a new provider from the screen, and the clinic's closed
/// days: which effects the keys ask for and what shows under each field, without a store.
@Suite struct ProviderEditorUpdateTests {
    typealias Desk = ServicesUpdateTests.Desk

    static func openKeller(_ desk: inout Desk) {
        desk.press(.character("v"), .enter)
    }

    static func focus(_ desk: inout Desk, _ field: ProviderField) {
        desk.screen.providerEditor?.form.focus(field)
    }

    static func text(_ desk: Desk, _ field: ProviderField) -> String? { desk.screen.providerEditor?.form.text(field) }
    static func error(_ desk: Desk, _ field: ProviderField) -> String? { desk.screen.providerEditor?.form[field]?.error }

    static func booking(_ iso: String) -> Booking {
        let start = Desk.calendar.parseISO8601(iso)!
        return Booking(id: 41, customerID: 2, customerName: "Anna Berg", serviceID: 7, serviceName: "Physiotherapy",
                       providerID: 1, providerName: "Dr Keller", start: start, end: start.addingTimeInterval(2700),
                       status: .confirmed, sessionGroupID: nil, sessionNumber: 1, totalSessions: 1, label: "", notes: "")
    }

    @Test func theEditorShowsOneFieldPerWeekdayFromTheStoredHours() {
        var desk = Desk()
        Self.openKeller(&desk)
        #expect(Self.text(desk, .hours) == "Mon-Fri 08:00-18:00")
        #expect(Self.text(desk, .day(.monday)) == "08:00-18:00")
        #expect(Self.text(desk, .day(.saturday)) == "")
        #expect(desk.screen.providerEditor?.form.fields.filter { if case .day = $0.id { return true } else { return false } }.map(\.label)
                == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    }

    @Test func editingAWeekdayRewritesTheTextFormAndTheTextFormRewritesTheWeekdays() {
        var desk = Desk()
        Self.openKeller(&desk)
        Self.focus(&desk, .day(.monday))
        desk.replace("08:00-12:00, 13:00-18:00")
        #expect(Self.text(desk, .hours) == "Mon 08:00-12:00 13:00-18:00; Tue-Fri 08:00-18:00")
        Self.focus(&desk, .day(.saturday))
        desk.type("9-13")
        #expect(Self.text(desk, .hours) == "Mon 08:00-12:00 13:00-18:00; Tue-Fri 08:00-18:00; Sat 09:00-13:00")

        Self.focus(&desk, .hours)
        desk.replace("Mon-Fri 07:00-11:00 12:00-16:00")
        #expect(Self.text(desk, .day(.wednesday)) == "07:00-11:00, 12:00-16:00")
        #expect(Self.text(desk, .day(.saturday)) == "")
        #expect(Self.error(desk, .hours) == nil)
    }

    @Test func eachHoursProblemShowsUnderTheFieldThatFailedAndSaveWritesNothing() {
        var desk = Desk()
        Self.openKeller(&desk)
        Self.focus(&desk, .day(.tuesday))
        // Pasted whole, so no valid half of it reaches the text form on the way.
        desk.press(.control("u"))
        #expect(Self.text(desk, .hours) == "Mon,Wed-Fri 08:00-18:00", "an empty day is a day not worked")
        desk.press(.paste("08:00-12:00, 11:00-14:00"))
        #expect(Self.error(desk, .day(.tuesday))?.contains("overlap") == true)
        #expect(Self.text(desk, .hours) == "Mon,Wed-Fri 08:00-18:00", "a day that does not read leaves the text form as it was")
        Self.focus(&desk, .day(.thursday))
        desk.replace("18:00-08:00")
        #expect(Self.error(desk, .day(.thursday))?.contains("ends before it starts") == true)
        Self.focus(&desk, .day(.friday))
        desk.replace("08:00-25:00")
        #expect(Self.error(desk, .day(.friday))?.contains("is not a time of day") == true)
        #expect(Self.error(desk, .day(.monday)) == nil)
        Self.focus(&desk, .hours)
        desk.replace("Mon-Fri 08:00-")
        #expect(Self.error(desk, .hours) != nil)
        #expect(Self.text(desk, .day(.monday)) == "08:00-18:00", "a half-typed text form leaves the weekdays as they were")

        desk.press(.function(2))
        #expect(!desk.effects.contains { if case .editProvider = $0 { return true } else { return false } })
        #expect(desk.context.status?.message.contains("Nothing was written") == true)
        #expect(Self.error(desk, .day(.tuesday))?.contains("overlap") == true)
    }

    @Test func shorteningHoursInAWeekdayFieldListsTheBookingsOutsideAndEachOpensToMove() throws {
        var desk = Desk()
        Self.openKeller(&desk)
        Self.focus(&desk, .day(.tuesday))
        desk.replace("08:00-12:00")
        desk.press(.function(2))
        guard case let .editProvider(id, changes)? = desk.effects.last else {
            Issue.record("expected a provider edit, got \(String(describing: desk.effects.last))")
            return
        }
        #expect(id == 1)
        #expect(changes.hours?.description == "Mon,Wed-Fri 08:00-18:00; Tue 08:00-12:00")
        #expect(changes.name == nil && changes.services == nil && changes.isActive == nil)

        let late = Self.booking("2026-07-07T15:00:00+02:00")
        var provider = Desk.keller
        provider.hours = try #require(changes.hours)
        desk.answer(.providerEdited(id: 1, .success(EditedProvider(row: ProviderRow(provider: provider, services: []), uncoveredBookings: [late]))))
        #expect(desk.screen.providerEditor?.uncovered == [late])
        #expect(desk.screen.providerEditor?.isOnBookings == true)
        #expect(Self.text(desk, .day(.tuesday)) == "08:00-12:00")
        #expect(desk.context.status?.message.contains("1 confirmed booking is now outside Dr Keller's time") == true)
        desk.press(.enter)
        #expect(desk.screen.providerEditor?.desk.dialog != nil, "Enter opens the booking's move dialog")
    }

    @Test func aManagerAddsAProviderWithSplitHoursFromTheProvidersList() throws {
        var desk = Desk()
        desk.press(.character("v"))
        #expect(desk.screen.legend.bindings.contains { $0.label == "New" })
        desk.press(.character("n"))
        let editor = try #require(desk.screen.providerEditor)
        #expect(editor.isNew && editor.title == "New provider")
        #expect(editor.form[.removeAbsence] == nil, "a new provider has no absence to remove")
        #expect(desk.screen.keyFocus == .text)
        desk.type("Dr Roth")
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] {
            Self.focus(&desk, .day(day))
            desk.replace("08:00-12:00, 13:00-18:00")
        }
        Self.focus(&desk, .services)
        desk.type("Physiotherapy")
        Self.focus(&desk, .addAbsence)
        desk.type("2026-08-03 to 2026-08-07, course")
        desk.press(.control("s"))
        guard case let .addProvider(changes)? = desk.effects.last else {
            Issue.record("expected a new provider, got \(String(describing: desk.effects.last))")
            return
        }
        #expect(changes.name == "Dr Roth" && changes.isActive == true && changes.services == ["Physiotherapy"])
        #expect(changes.hours?.description == "Mon-Fri 08:00-12:00 13:00-18:00")
        #expect(changes.addAbsence?.first == LocalDay(year: 2026, month: 8, day: 3) && changes.addAbsence?.reason == "course")

        let roth = Provider(id: 2, name: "Dr Roth", hours: try #require(changes.hours))
        desk.answer(.providerAdded(.success(EditedProvider(row: ProviderRow(provider: roth, services: ["Physiotherapy"]), uncoveredBookings: []))))
        #expect(desk.screen.providerEditor?.isNew == false)
        #expect(desk.screen.providerEditor?.title == "Provider: Dr Roth")
        #expect(desk.context.status?.message == "Added the provider Dr Roth: Mon-Fri 08:00-12:00 13:00-18:00.")
        #expect(desk.effects.suffix(2) == [.loadProviders, .loadServices])
    }

    @Test func aNewProviderWithoutANameIsNotAddedAndEscAsksFirst() {
        var desk = Desk()
        desk.press(.character("v"), .character("n"))
        desk.press(.function(2))
        #expect(Self.error(desk, .name)?.contains("is empty") == true)
        #expect(!desk.effects.contains { if case .addProvider = $0 { return true } else { return false } })
        desk.press(.escape)
        #expect(desk.screen.providerEditor == nil, "nothing typed: Esc leaves at once")
        desk.press(.character("n"))
        desk.type("Dr")
        desk.press(.escape)
        #expect(desk.screen.providerEditor?.isAskingToLeave == true)
    }

    @Test func nonManagersCannotStartANewProvider() {
        var desk = Desk(access: .refused(reason: "Only managers may change services, providers and closed days."))
        desk.press(.character("v"))
        #expect(!desk.screen.legend.bindings.contains { $0.label == "New" })
        desk.press(.character("n"))
        #expect(desk.screen.providerEditor == nil)
        #expect(desk.context.status?.message == "Only managers may change services, providers and closed days.")
    }
}

/// The clinic's closed days on the Services screen.
@Suite struct ClosedDaysUpdateTests {
    typealias Desk = ServicesUpdateTests.Desk
    static let christmas = LocalDay(year: 2026, month: 12, day: 25)

    static func openClosedDays(_ desk: inout Desk) {
        desk.press(.character("v"), .character("v"))
        desk.answer(.closedDaysLoaded(.success([ClinicClosedDay(day: christmas, reason: "Christmas")])))
    }

    @Test func theThirdViewListsTheClosedDaysAndTheScreenReadsThem() {
        var desk = Desk()
        #expect(desk.effects.contains(.loadClosedDays))
        Self.openClosedDays(&desk)
        #expect(desk.screen.view == .closedDays)
        #expect(desk.screen.closedDays.days.map(\.day) == [Self.christmas])
        #expect(desk.screen.legend.bindings.map(\.label).contains("Remove"))
        desk.press(.character("v"))
        #expect(desk.screen.view == .services, "v goes round the three views")
    }

    @Test func aManagerClosesADayAndTheBookingsOnItAreListedToMove() throws {
        var desk = Desk()
        Self.openClosedDays(&desk)
        desk.press(.character("n"))
        #expect(desk.screen.closedDays.adding != nil)
        #expect(desk.screen.keyFocus == .text)
        desk.type("2026-07-31")
        desk.press(.tab)
        desk.type("Swiss National Day eve")
        desk.press(.function(2))
        #expect(desk.effects.last == .addClosedDay(LocalDay(year: 2026, month: 7, day: 31), reason: "Swiss National Day eve"))

        let booking = ProviderEditorUpdateTests.booking("2026-07-31T10:00:00+02:00")
        desk.answer(.closedDayAdded(LocalDay(year: 2026, month: 7, day: 31), .success([booking])))
        #expect(desk.screen.closedDays.adding == nil)
        #expect(desk.screen.closedDays.isOnBookings)
        #expect(desk.context.status?.message.contains("1 confirmed booking is on that day") == true)
        #expect(desk.effects.last == .loadClosedDays)
        desk.press(.enter)
        #expect(desk.screen.closedDays.desk.dialog != nil, "Enter opens the booking's move dialog")
        #expect(desk.screen.keyFocus == .text)
    }

    @Test func aDayThatDoesNotReadShowsUnderItsFieldAndNothingIsWritten() {
        var desk = Desk()
        Self.openClosedDays(&desk)
        desk.press(.character("n"))
        desk.type("31 Februar")
        desk.press(.function(2))
        #expect(desk.screen.closedDays.adding?[.day]?.error != nil)
        #expect(!desk.effects.contains { if case .addClosedDay = $0 { return true } else { return false } })
        desk.press(.escape)
        #expect(desk.screen.closedDays.adding == nil)
    }

    @Test func removingADayAsksFirst() {
        var desk = Desk()
        Self.openClosedDays(&desk)
        desk.press(.character("x"))
        #expect(desk.screen.closedDays.confirmingRemoval?.day == Self.christmas)
        desk.press(.enter)
        #expect(!desk.effects.contains(.removeClosedDay(Self.christmas)))
        desk.press(.character("x"), .character("y"))
        #expect(desk.effects.last == .removeClosedDay(Self.christmas))
        desk.answer(.closedDayRemoved(Self.christmas, .success(Self.christmas)))
        #expect(desk.context.status?.message == "The clinic is open again on Fri 25 Dec.")
    }

    @Test func nonManagersReadTheClosedDaysOnly() {
        let reason = "Only managers may change services, providers and closed days."
        var desk = Desk(access: .refused(reason: reason))
        Self.openClosedDays(&desk)
        #expect(!desk.screen.legend.bindings.contains { $0.label == "New" || $0.label == "Remove" })
        desk.press(.character("n"))
        #expect(desk.screen.closedDays.adding == nil)
        #expect(desk.context.status?.message == reason)
        desk.press(.character("x"))
        #expect(desk.screen.closedDays.confirmingRemoval == nil)
    }
}

extension ProviderEditorUpdateTests {
    @Test func overlappingRangesInTheTextFormShowUnderItAndLeaveTheWeekdaysAsTheyWere() {
        var desk = Desk()
        Self.openKeller(&desk)
        Self.focus(&desk, .hours)
        desk.press(.control("u"), .paste("Mon-Fri 08:00-18:00; Mon 09:00-10:00"))
        #expect(Self.error(desk, .hours)?.contains("\"Mon 08:00-18:00\" and \"Mon 09:00-10:00\" overlap") == true)
        #expect(Self.text(desk, .day(.monday)) == "08:00-18:00")
        desk.press(.function(2))
        #expect(!desk.effects.contains { if case .editProvider = $0 { return true } else { return false } })
    }
}
