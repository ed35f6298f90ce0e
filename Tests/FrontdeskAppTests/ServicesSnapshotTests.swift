import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskRuntime
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// The Services screen at 80×24 and 120×40 on the fixture clinic (Tuesday 10 March 2026, 09:00):
/// the list, the editor with the buffer pane of each strategy, an inline error, read-only mode and
/// the Providers view.
@Suite struct ServicesSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    private func snapshot(_ name: String, managers: ManagerPolicy = ManagerPolicy(), steps: (AppSession) -> Void,
                          check: (String) -> Void = { _ in },
                          filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (width, height) in Self.sizes {
            let temporary = try TemporaryDatabase(now: "2026-03-10T09:00:00+01:00")
            try ClinicFixture.seed(temporary.database, hours: "Mon-Fri 08:00-18:00")
            let session = AppSession(database: temporary.database, theme: .standard, width: width, height: height, managers: managers)
            session.start()
            session.press(.character("S"))
            steps(session)
            check(session.screenText)
            assertSnapshot(session.render(), named: "services-\(name)-\(width)x\(height)", filePath: filePath, sourceLocation: sourceLocation)
        }
    }

    @Test func listOfServices() throws {
        try snapshot("list") { _ in } check: { text in
            #expect(text.contains("14 d, then 30 d"))
            #expect(text.contains("every 2–7 d"))
        }
    }

    @Test func immediateEditorShowsOneGapPerPairAndThePreview() throws {
        try snapshot("editor-immediate") { session in
            session.press(.enter)
            session.press(Array(repeating: Key.tab, count: 10))
        } check: { text in
            #expect(text.contains("Session 1 → 2") && text.contains("Session 2 → 3"))
            #expect(text.contains("How it works"))
        }
    }

    @Test func sequentialEditorShowsMinimumRecommendedMaximum() throws {
        try snapshot("editor-sequential") { session in
            session.press([.down, .down, .enter])
            // The focus on the last field of the buffer pane, so it is in view at 80×24 too.
            session.press(Array(repeating: Key.tab, count: 11))
        } check: { text in
            #expect(text.contains("Minimum days") && text.contains("Recommended days") && text.contains("Maximum days"))
        }
    }

    @Test func flexibleEditorShowsFrequencyAndExpiry() throws {
        try snapshot("editor-flexible") { session in
            session.press([.down, .enter])
            session.press(Array(repeating: Key.tab, count: 13))
        } check: { text in
            #expect(text.contains("Frequency") && text.contains("Package expiry"))
        }
    }

    @Test func aGapTypedAsTextShowsItsRuleInline() throws {
        try snapshot("editor-inline-error") { session in
            session.press(.enter)
            session.press(Array(repeating: Key.tab, count: 10))
            session.press(.control("u"))
            session.type("abc")
        } check: { text in
            #expect(text.contains("must be a whole number of days, weeks or months"))
            #expect(text.contains("Save is unavailable"))
        }
    }

    @Test func nonManagersSeeTheEditorReadOnly() throws {
        try snapshot("editor-read-only", managers: ManagerPolicy(managers: ["somebody-else"])) { session in
            session.press(.enter)
        } check: { text in
            #expect(text.contains("Read only: Only managers may change services"))
            #expect(!text.contains("F2 Save"))
        }
    }

    @Test func providersView() throws {
        try snapshot("providers") { session in
            session.press(.character("v"))
        } check: { text in
            #expect(text.contains("Dr. Keller"))
            #expect(text.contains("Mon-Fri 08:00-18:00"))
        }
    }
}

extension ServicesSnapshotTests {
    @Test func theEditorsPreviewMovesASessionOffAClinicClosedDay() throws {
        let temporary = try TemporaryDatabase(now: "2026-03-10T09:00:00+01:00")
        try ClinicFixture.seed(temporary.database, hours: "Mon-Fri 08:00-18:00")
        // Session 2 of the implant example falls on Wednesday 25 March.
        _ = try temporary.database.addClinicClosedDay(LocalDay(year: 2026, month: 3, day: 25), reason: "Annunciation")
        let session = AppSession(database: temporary.database, theme: .standard, width: 120, height: 40)
        session.start()
        session.press([.character("S"), .enter])
        let text = session.screenText
        #expect(text.contains("Session 2  Thu 26 Mar 2026 08:00"), "\(text)")
        #expect(text.contains("moved from Wed 25 Mar 2026 10:00"), "\(text)")
        #expect(text.contains("Annunciation"), "\(text)")
    }
}

extension ServicesSnapshotTests {
    @Test func providerEditorShowsOneFieldPerWeekday() throws {
        try snapshot("provider-editor") { session in
            session.press([.character("v"), .enter, .tab, .tab, .tab])
            session.press(.control("u"))
            session.type("08:00-12:00, 11:00-14:00")
        } check: { text in
            #expect(text.contains("Provider: Dr. Keller"))
            #expect(text.contains("Tuesday") && text.contains("Sunday"))
            #expect(text.contains("overlap"))
        }
    }

    @Test func newProviderEditor() throws {
        try snapshot("provider-new") { session in
            session.press([.character("v"), .character("n")])
            session.type("Dr Roth")
        } check: { text in
            #expect(text.contains("New provider"))
            #expect(text.contains("Mon-Fri 08:00-18:00"))
            #expect(!text.contains("Remove absence"))
        }
    }

    @Test func closedDaysView() throws {
        try snapshot("closed-days", steps: { session in
            session.press([.character("v"), .character("v"), .character("n")])
            session.type("2026-12-25")
            session.press(.tab)
            session.type("Christmas")
            session.press(.function(2))
            session.settle()
            session.press(.character("n"))
        }, check: { text in
            #expect(text.contains("2026-12-25") && text.contains("Fri 25 Dec") && text.contains("Christmas"))
            #expect(text.contains("Close the clinic on a day"))
        })
    }

    @Test func closedDaysReadOnlyForNonManagers() throws {
        try snapshot("closed-days-read-only", managers: ManagerPolicy(managers: ["somebody-else"])) { session in
            session.press([.character("v"), .character("v"), .character("n")])
        } check: { text in
            #expect(text.contains("Read only: Only managers may change services, providers and closed days"))
            #expect(!text.contains("Close the clinic on a day"))
            #expect(!text.contains("F2 New"))
        }
    }
}

extension ServicesSnapshotTests {
    @Test func closingADayWithABookingListsItToMove() throws {
        for (width, height) in Self.sizes {
            let temporary = try TemporaryDatabase(now: "2026-03-10T09:00:00+01:00")
            let clinic = try ClinicFixture.seed(temporary.database, hours: "Mon-Fri 08:00-18:00")
            _ = try temporary.database.bookSessions(customerID: clinic.customer.id, serviceID: clinic.physio.id,
                                                    starts: [temporary.at("2026-03-12 10:00")])
            let session = AppSession(database: temporary.database, theme: .standard, width: width, height: height)
            session.start()
            session.press([.character("S"), .character("v"), .character("v"), .character("n")])
            session.type("2026-03-12")
            session.press(.function(2))
            session.settle()
            let text = session.screenText
            #expect(text.contains("Bookings on the closed day (1)"), "\(text)")
            #expect(text.contains("Marie Schmidt") && text.contains("1 confirmed booking is on that day"))
            assertSnapshot(session.render(), named: "services-closed-day-bookings-\(width)x\(height)")
        }
    }
}
