import Foundation
import Testing
@testable import FrontdeskCore

/// Service validation as a pure core function the Services editor calls as the manager types.
@Suite struct ServiceDraftTests {
    @Test func theEditorGetsEveryProblemAtOnceEachNamingItsFieldAndRule() {
        var fields = ServiceDraft.Fields(name: "  ", durationMinutes: 2, totalSessions: 51, strategy: .immediate)
        let (draft, problems) = ServiceDraft.validate(fields)
        #expect(draft == nil)
        #expect(problems.map(\.field) == ["name", "total_sessions_required", "duration_minutes"])
        #expect(problems.map(\.rule) == [.required, .outOfRange(found: 51, allowed: 1...50), .outOfRange(found: 2, allowed: 5...720)])

        fields = ServiceDraft.Fields(name: "Implant", totalSessions: 3, strategy: .immediate,
                                     bufferDays: ["session_1_to_2_days": 14, "sesion_2_to_3_days": 30])
        let buffer = ServiceDraft.validate(fields)
        #expect(buffer.draft == nil)
        guard case .buffer(.unknownKey(let key, let suggestion))? = buffer.problems.first?.rule else {
            Issue.record("expected the buffer key to be named: \(buffer.problems)")
            return
        }
        #expect(key == "sesion_2_to_3_days" && suggestion == "session_2_to_3_days")
    }

    @Test func aValidFormGivesTheDraftTheStoreSaves() {
        let fields = ServiceDraft.Fields(name: "Dental Implant", durationMinutes: 60, price: 3500, totalSessions: 3, strategy: .immediate,
                                         bufferDays: ["session_1_to_2_days": 14, "session_2_to_3_days": 30],
                                         plan: [SessionPlanStep(label: "Implant placement", durationMinutes: 90)])
        let (draft, problems) = ServiceDraft.validate(fields)
        #expect(problems.isEmpty)
        #expect(draft?.totalSessions == 3 && draft?.priceCents == 350_000 && draft?.rules.gap(afterSession: 2).minimum == .days(30))
        #expect(draft?.sessionNoun == "Session")
    }

    @Test func aSingleSessionServiceWithSeveralSessionsIsInconsistent() {
        let fields = ServiceDraft.Fields(name: "Massage", requiresMultipleSessions: false, totalSessions: 5)
        #expect(ServiceDraft.validate(fields).problems.map(\.rule) == [.inconsistent])
    }
}

extension ServiceDraftTests {
    @Test func recommendedFrequencyKeepsItsKeyThroughTheEditorsFields() throws {
        let fields = ServiceDraft.Fields(name: "Driving", totalSessions: 10, strategy: .flexible, bufferDays: ["minimum_days": 0],
                                         frequency: "2-3 per week", frequencyKey: "recommended_frequency")
        let draft = try #require(ServiceDraft.validate(fields).draft)
        #expect(draft.rules.frequencyKey == "recommended_frequency")
        #expect(draft.rules.jsonObject["recommended_frequency"] as? String == "2-3 per week")
        #expect(draft.rules.jsonObject["suggested_frequency"] == nil)
    }
}
