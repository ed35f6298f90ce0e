import Foundation
import FrontdeskApp
import FrontdeskCore
import TerminalUI
import Testing

/// The Services screen's update, without a store: which effects each key asks for, what the core
/// says under each field as the manager types, and the preview it plans.
@Suite struct ServicesUpdateTests {
    /// A Services screen on Wednesday 1 July 2026 09:00, Europe/Zurich, with one provider.
    struct Desk {
        var screen: ServicesScreen
        var context: ScreenContext
        var effects: [ServicesEffect] = []
        static let calendar = ClinicCalendar(identifier: "Europe/Zurich")!
        static let now = calendar.parseISO8601("2026-07-01T09:00:00+02:00")!
        static let keller = Provider(id: 1, name: "Dr Keller", hours: try! WorkingHours.parse("Mon-Fri 08:00-18:00"))

        init(access: ManagerDecision = .allowed) {
            context = ScreenContext(calendar: Self.calendar, now: Self.now, width: 120, height: 40)
            screen = ServicesScreen(context: context)
            effects = screen.start(&context)
            answer(.access(account: "anna", decision: access))
            answer(.providersLoaded(.success([ProviderRow(provider: Self.keller, services: [])])))
            answer(.servicesLoaded(.success([
                ServiceRow(id: 7, name: "Physiotherapy", strategy: .sequential, isMultiSession: true, totalSessions: 8,
                           rule: "every 2–7 d, ideally 3", priceCents: nil, activeTreatments: 3, isActive: true),
            ])))
        }

        mutating func press(_ keys: Key...) {
            for key in keys { effects += screen.handle(key, &context) }
        }

        mutating func type(_ text: String) {
            for character in text { press(.character(character)) }
        }

        /// Clears the focused field and types `text` into it.
        mutating func replace(_ text: String) {
            press(.control("u"))
            type(text)
        }

        mutating func answer(_ answer: ServicesAnswer) {
            effects += screen.receive(answer, &context)
        }

        mutating func focus(_ field: ServiceField) {
            screen.editor?.form.focus(field)
        }

        /// Answers the preview calendar the editor asked for with Dr Keller's hours.
        mutating func answerPreviewCalendar() {
            guard let ids = effects.compactMap({ effect -> [Int64]? in
                if case .loadPreviewCalendar(let ids, _) = effect { return ids } else { return nil }
            }).last else { return }
            answer(.previewCalendarLoaded(providerIDs: ids, PreviewAvailability(
                providerName: "Dr Keller", schedule: ProviderSchedule(name: "Dr Keller", hours: Self.keller.hours))))
        }

        var editor: ServiceEditor? { screen.editor }
        func error(_ field: ServiceField) -> String? { screen.editor?.form[field]?.error }
        var saves: [ServicesEffect] { effects.filter { if case .save = $0 { return true } else { return false } } }

        /// Types the Laser Hair Removal service of issue 9 into a new editor.
        mutating func typeLaser() {
            press(.character("n"))
            type("Laser Hair Removal")
            focus(.duration); replace("45")
            focus(.price); replace("180")
            focus(.total); replace("4")
            focus(.gap(1)); replace("4 weeks")
            focus(.gap(2)); replace("4 weeks")
            focus(.gap(3)); replace("6 weeks")
            answerPreviewCalendar()
        }
    }

    @Test func openingTheScreenAsksWhoMayChangeAndReadsServicesAndProviders() {
        let desk = Desk()
        #expect(desk.effects.prefix(3) == [.checkAccess, .loadServices, .loadProviders])
        #expect(desk.screen.mayChange)
        #expect(desk.screen.services.map(\.name) == ["Physiotherapy"])
    }

    @Test func typingLaserHairRemovalPreviewsFourDatesWithItsGapsBeforeSaving() throws {
        var desk = Desk()
        desk.typeLaser()
        let editor = try #require(desk.editor)
        #expect(editor.draft != nil, "problems: \(editor.form.fields.compactMap(\.error)) \(editor.otherProblems)")
        #expect(editor.preview.contains { $0.contains("Session 1  Thu 2 Jul 2026 10:00  45 min") })
        #expect(editor.preview.contains { $0.contains("Session 2  Thu 30 Jul 2026 10:00  45 min  +28 d (4 weeks)") })
        #expect(editor.preview.contains { $0.contains("Session 3  Thu 27 Aug 2026 10:00  45 min  +28 d (4 weeks)") })
        #expect(editor.preview.contains { $0.contains("Session 4  Thu 8 Oct 2026 10:00  45 min  +42 d (6 weeks)") })
        #expect(desk.saves.isEmpty, "nothing is written before Save")

        desk.press(.function(2))
        let save = try #require(desk.saves.first)
        guard case let .save(draft, id) = save else { return }
        #expect(id == nil)
        #expect(draft.name == "Laser Hair Removal" && draft.durationMinutes == 45 && draft.priceCents == 18000)
        #expect(draft.totalSessions == 4 && draft.strategy == .immediate)
        #expect((1...3).map { draft.rules.gap(afterSession: $0).planned } == [.weeks(4), .weeks(4), .weeks(6)])
    }

    @Test func theExampleStartIsEditableAndThePreviewFollowsIt() {
        var desk = Desk()
        desk.typeLaser()
        desk.focus(.previewStart)
        desk.type("2026-07-07 10:00")
        #expect(desk.editor?.preview.contains { $0.contains("Session 4  Tue 13 Oct 2026 10:00") } == true)
        #expect(desk.editor?.preview.contains { $0.contains("About 98 days from first to last session.") } == true)
    }

    @Test func aGapOfAbcShowsTheRuleUnderItAndSaveWritesNothing() {
        var desk = Desk()
        desk.typeLaser()
        desk.focus(.gap(2))
        desk.replace("abc")
        #expect(desk.error(.gap(2))?.contains("must be a whole number of days, weeks or months") == true)
        #expect(desk.editor?.draft == nil)
        #expect(desk.editor?.saveBlocker?.contains("Save is unavailable") == true)
        desk.press(.function(2), .control("s"))
        #expect(desk.saves.isEmpty)
        #expect(desk.context.status?.message.contains("Nothing was written") == true)
    }

    @Test func zeroSessionsShowsTheAllowedRange() {
        var desk = Desk()
        desk.typeLaser()
        desk.focus(.total)
        desk.replace("0")
        #expect(desk.error(.total)?.contains("between 1 and 50") == true)
        desk.replace("51")
        #expect(desk.error(.total)?.contains("between 1 and 50 (found 51)") == true)
        desk.press(.function(2))
        #expect(desk.saves.isEmpty)
    }

    @Test func aMaximumBelowTheMinimumIsShownUnderTheMaximum() {
        var desk = Desk()
        desk.press(.character("n"))
        desk.type("Physio Plus")
        desk.focus(.total); desk.replace("6")
        desk.focus(.strategy); desk.press(.right)
        #expect(desk.editor?.form[.minimum] != nil && desk.editor?.form[.gap(1)] == nil, "the pane follows the strategy")
        desk.focus(.minimum); desk.replace("5")
        desk.focus(.maximum); desk.replace("3")
        #expect(desk.error(.maximum)?.contains("\"minimum_days\" (5) is larger than \"maximum_days\" (3)") == true)
        desk.press(.function(2))
        #expect(desk.saves.isEmpty)
        desk.replace("10")
        #expect(desk.error(.maximum) == nil)
        #expect(desk.editor?.draft != nil)
    }

    @Test func theBufferPaneChangesWithTheStrategy() {
        var desk = Desk()
        desk.press(.character("n"))
        desk.focus(.total); desk.replace("3")
        #expect(desk.editor?.form[.gap(2)] != nil && desk.editor?.form[.minimum] == nil)
        #expect(desk.editor?.form.text(.strategyNote) == Strategy.immediate.summary)
        desk.focus(.strategy); desk.press(.right, .right)
        #expect(desk.editor?.form.text(.strategyNote) == Strategy.flexible.summary)
        #expect(desk.editor?.form[.frequency] != nil && desk.editor?.form[.expiry] != nil && desk.editor?.form[.gap(1)] == nil)
        desk.focus(.strategy); desk.press(.left)
        #expect(desk.editor?.form[.maximum] != nil && desk.editor?.form[.expiry] == nil)
    }

    @Test func escWithUnsavedChangesAsksFirst() {
        var desk = Desk()
        desk.press(.character("n"))
        desk.type("Half typed")
        desk.press(.escape)
        #expect(desk.editor?.isAskingToLeave == true)
        #expect(desk.screen.keyFocus == .dialog)
        desk.press(.character("n"))
        #expect(desk.editor?.isAskingToLeave == false && desk.editor?.form.text(.name) == "Half typed")
        desk.press(.escape, .character("y"))
        #expect(desk.editor == nil)
        #expect(desk.saves.isEmpty)
    }

    @Test func escWithoutChangesLeavesAtOnce() throws {
        var desk = Desk()
        desk.press(.enter)
        #expect(desk.effects.last == .loadService(id: 7, purpose: .edit))
        desk.answer(.serviceLoaded(id: 7, purpose: .edit, .success(LoadedService(draft: Self.physio, activeTreatments: 3))))
        #expect(desk.editor?.hasUnsavedChanges == false)
        desk.press(.escape)
        #expect(desk.editor == nil)
    }

    @Test func editingAServiceSaysItsActiveTreatmentsKeepTheirRules() throws {
        var desk = Desk()
        desk.press(.enter)
        desk.answer(.serviceLoaded(id: 7, purpose: .edit, .success(LoadedService(draft: Self.physio, activeTreatments: 3))))
        desk.answerPreviewCalendar()
        var buffer = Buffer(width: 120, height: 40)
        desk.screen.render(into: &buffer, area: desk.context.contentArea,
                           context: RenderContext(theme: .standard, calendar: Desk.calendar, now: Desk.now))
        #expect(buffer.lines().joined().contains("3 active treatments keep their current rules"))
        desk.focus(.recommended); desk.replace("4")
        desk.press(.function(2))
        #expect(desk.saves.first.map { if case .save(_, let id) = $0 { return id == 7 } else { return false } } == true)
        desk.answer(.saved(.success(SavedService(id: 7, name: "Physiotherapy", kind: "updated", changedFields: ["session_buffer_config"],
                                                 activeTreatments: 3))))
        #expect(desk.editor == nil)
        #expect(desk.context.status?.message.contains("3 active treatments keep their current rules.") == true)
        #expect(desk.effects.last == .loadServices)
    }

    @Test func duplicatingStartsANewServiceAsACopy() {
        var desk = Desk()
        desk.press(.character("d"))
        #expect(desk.effects.last == .loadService(id: 7, purpose: .duplicate))
        desk.answer(.serviceLoaded(id: 7, purpose: .duplicate, .success(LoadedService(draft: Self.physio, activeTreatments: 3))))
        #expect(desk.editor?.isNew == true)
        #expect(desk.editor?.form.text(.name) == "Copy of Physiotherapy")
        desk.press(.function(2))
        #expect(desk.saves.first.map { if case .save(let draft, let id) = $0 { return id == nil && draft.totalSessions == 8 } else { return false } } == true)
    }

    @Test func deactivatingAsksFirstAndNeverDeletes() {
        var desk = Desk()
        desk.press(.character("x"))
        #expect(desk.screen.confirmingActive?.id == 7)
        desk.press(.enter)
        #expect(desk.screen.confirmingActive == nil)
        #expect(!desk.effects.contains(.setActive(id: 7, active: false)))
        desk.press(.character("x"), .character("y"))
        #expect(desk.effects.last == .setActive(id: 7, active: false))
    }

    @Test func nonManagersSeeTheEditorReadOnlyWithTheReason() {
        let reason = "Only managers may change services, providers and closed days: the account “anna” is not in managers = [\"somebody-else\"] of the configuration. Ask a manager, or log in as one."
        var desk = Desk(access: .refused(reason: reason))
        desk.press(.character("n"))
        #expect(desk.editor == nil)
        #expect(desk.context.status?.message == reason)
        desk.press(.enter)
        desk.answer(.serviceLoaded(id: 7, purpose: .edit, .success(LoadedService(draft: Self.physio, activeTreatments: 3))))
        #expect(desk.editor?.isReadOnly == true)
        #expect(desk.screen.keyFocus == .screen, "letters are not typed into a read-only form")
        desk.focus(.name)
        desk.type("xyz")
        #expect(desk.editor?.form.text(.name) == "Physiotherapy")
        desk.press(.function(2))
        #expect(desk.saves.isEmpty)
        #expect(!desk.screen.legend.bindings.contains { $0.label == "Save" })
    }

    @Test func anAbsenceOverBookingsListsThemAndEachOpensToBeMoved() throws {
        var desk = Desk()
        desk.press(.character("v"), .enter)
        #expect(desk.screen.providerEditor?.row.provider.name == "Dr Keller")
        desk.screen.providerEditor?.form.focus(.addAbsence)
        desk.type("2026-07-20 to 2026-08-02, holiday")
        desk.press(.function(2))
        let edit = try #require(desk.effects.last)
        guard case let .editProvider(id, changes) = edit else { Issue.record("expected a provider edit, got \(edit)"); return }
        #expect(id == 1)
        #expect(changes.addAbsence?.first == LocalDay(year: 2026, month: 7, day: 20))
        #expect(changes.addAbsence?.last == LocalDay(year: 2026, month: 8, day: 2) && changes.addAbsence?.reason == "holiday")

        let start = Desk.calendar.parseISO8601("2026-07-21T10:00:00+02:00")!
        let booking = Booking(id: 40, customerID: 2, customerName: "Anna Berg", serviceID: 7, serviceName: "Physiotherapy",
                              providerID: 1, providerName: "Dr Keller", start: start, end: start.addingTimeInterval(2700),
                              status: .confirmed, sessionGroupID: nil, sessionNumber: 1, totalSessions: 1, label: "", notes: "")
        var provider = Desk.keller
        provider.absences = [ProviderAbsence(id: 1, first: LocalDay(year: 2026, month: 7, day: 20),
                                             last: LocalDay(year: 2026, month: 8, day: 2), reason: "holiday")]
        desk.answer(.providerEdited(id: 1, .success(EditedProvider(row: ProviderRow(provider: provider, services: []),
                                                                   uncoveredBookings: [booking]))))
        #expect(desk.screen.providerEditor?.isOnBookings == true)
        #expect(desk.context.status?.message.contains("1 confirmed booking is now outside Dr Keller's time") == true)
        desk.press(.enter)
        #expect(desk.screen.providerEditor?.desk.dialog != nil, "Enter opens the booking's move dialog")
        #expect(desk.screen.keyFocus == .text)
    }

    static let physio = ServiceDraft(name: "Physiotherapy", sessionNoun: "Session", durationMinutes: 45, priceCents: nil, triggerWords: [],
                                     requiresMultipleSessions: true, totalSessions: 8, strategy: .sequential,
                                     rules: try! BufferRules(object: ["minimum_days": 2, "recommended_days": 3, "maximum_days": 7],
                                                             totalSessions: 8, strategy: .sequential),
                                     plan: [], expiryDays: nil, providerNames: [])
}

extension ServicesUpdateTests {
    @Test func retypingTheNumberOfSessionsKeepsTheGapsTyped() {
        var desk = Desk()
        desk.typeLaser()
        desk.focus(.total)
        desk.press(.backspace)
        #expect(desk.editor?.form[.gap(1)] == nil)
        desk.type("4")
        #expect(desk.editor?.form.text(.gap(3)) == "6 weeks")
        #expect(desk.editor?.draft?.rules.gap(afterSession: 3).planned == .weeks(6))
        desk.focus(.strategy); desk.press(.right)
        desk.focus(.strategy); desk.press(.left)
        #expect(desk.editor?.form.text(.gap(1)) == "4 weeks")
    }
}

extension ServicesUpdateTests {
    @Test func aGapOfOneMonthReadsAsOneMonthNotOneMonths() throws {
        var desk = Desk()
        desk.press(.enter)
        let laser = ServiceDraft(name: "Laser", sessionNoun: "Session", durationMinutes: 45, priceCents: nil, triggerWords: [],
                                 requiresMultipleSessions: true, totalSessions: 3, strategy: .immediate,
                                 rules: try BufferRules(object: ["session_1_to_2_months": 1, "session_2_to_3_weeks": 6],
                                                        totalSessions: 3, strategy: .immediate),
                                 plan: [], expiryDays: nil, providerNames: [])
        desk.answer(.serviceLoaded(id: 7, purpose: .edit, .success(LoadedService(draft: laser, activeTreatments: 0))))
        let form = try #require(desk.editor?.form)
        #expect(form.text(.gap(1)) == "1 month")
        #expect(form.text(.gap(2)) == "6 weeks")
        #expect(desk.editor?.hasUnsavedChanges == false)
    }
}
