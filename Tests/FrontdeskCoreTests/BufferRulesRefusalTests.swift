import Foundation
import Testing
@testable import FrontdeskCore

/// Every refusal of SPEC §2: the error case, and a message that names the key.
@Suite("Buffer rules: refusals")
struct BufferRulesRefusalTests {
    private func refusal(_ json: String, total: Int = 3, strategy: Strategy = .sequential,
                         sourceLocation: SourceLocation = #_sourceLocation) -> BufferRulesError? {
        do {
            let rules = try BufferRules.parse(json, totalSessions: total, strategy: strategy)
            Issue.record("accepted \(json) as \(rules)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    private func expectRefusal(_ json: String, total: Int = 3, strategy: Strategy = .sequential,
                               _ expected: BufferRulesError, naming words: [String],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = refusal(json, total: total, strategy: strategy, sourceLocation: sourceLocation) else { return }
        #expect(error == expected, sourceLocation: sourceLocation)
        for word in words {
            #expect(error.description.contains(word), "\(error.description) should mention \(word)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func notAnObject() {
        expectRefusal("[1, 2]", .notAnObject(found: "a list [...]"), naming: ["JSON object"])
        expectRefusal("7", .notAnObject(found: "7"), naming: ["not 7"])
    }

    @Test func malformedJSONNamesTheLine() {
        let error = refusal("{\n  \"default_days\": 7\n  \"minimum_days\": 2\n}")
        guard case .malformedJSON(let inner)? = error else {
            Issue.record("expected malformed JSON, got \(String(describing: error))")
            return
        }
        #expect(inner.line == 3)
        #expect(error!.description.contains("Line 3"))
    }

    @Test func unknownKeysWithDidYouMean() {
        expectRefusal(#"{"sesion_1_to_2_days": 14}"#, .unknownKey("sesion_1_to_2_days", suggestion: "session_1_to_2_days"),
                      naming: ["sesion_1_to_2_days", "did you mean \"session_1_to_2_days\""])
        expectRefusal(#"{"minimun_days": 2}"#, .unknownKey("minimun_days", suggestion: "minimum_days"),
                      naming: ["minimun_days", "minimum_days"])
        expectRefusal(#"{"recomended_days": 2}"#, .unknownKey("recomended_days", suggestion: "recommended_days"),
                      naming: ["recomended_days"])
        expectRefusal(#"{"default_day": 7}"#, .unknownKey("default_day", suggestion: "default_days"), naming: ["default_days"])
        expectRefusal(#"{"session_2_to_3_day": 7}"#, .unknownKey("session_2_to_3_day", suggestion: "session_2_to_3_days"),
                      naming: ["session_2_to_3_days"])
        expectRefusal(#"{"Maximum_Days": 7}"#, .unknownKey("Maximum_Days", suggestion: "maximum_days"), naming: ["maximum_days"])
        expectRefusal(#"{"max_days": 7}"#, .unknownKey("max_days", suggestion: "maximum_days"), naming: ["maximum_days"])
        expectRefusal(#"{"session_01_to_02_days": 7}"#,
                      .unknownKey("session_01_to_02_days", suggestion: "session_1_to_2_days"), naming: ["session_1_to_2_days"])
        expectRefusal(#"{"colour": "blue"}"#, .unknownKey("colour", suggestion: nil), naming: ["colour", "Known keys"])
    }

    @Test func valuesMustBeWholeNonNegativeNumbers() {
        expectRefusal(#"{"minimum_days": -1}"#, .negativeValue(key: "minimum_days", value: -1), naming: ["minimum_days", "negative"])
        expectRefusal(#"{"session_1_to_2_days": -14}"#, .negativeValue(key: "session_1_to_2_days", value: -14),
                      naming: ["session_1_to_2_days"])
        expectRefusal(#"{"default_days": 2.5}"#, .notAWholeNumber(key: "default_days", value: "2.5"), naming: ["default_days", "2.5"])
        expectRefusal(#"{"minimum_days": true}"#, .notAWholeNumber(key: "minimum_days", value: "true"), naming: ["minimum_days", "true"])
        expectRefusal(#"{"maximum_days": "7"}"#, .notAWholeNumber(key: "maximum_days", value: "\"7\""), naming: ["maximum_days"])
        expectRefusal(#"{"recommended_days": null}"#, .notAWholeNumber(key: "recommended_days", value: "null"),
                      naming: ["recommended_days"])
        expectRefusal(#"{"default_weeks": [1]}"#, .notAWholeNumber(key: "default_weeks", value: "a list [...]"),
                      naming: ["default_weeks"])
        expectRefusal(#"{"default_days": 100000}"#, .valueTooLarge(key: "default_days", value: 100000, limit: 3660),
                      naming: ["default_days", "3660"])
    }

    @Test func trueIsNotOneEvenFromFoundationJSON() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(#"{"minimum_days": true}"#.utf8)) as? [String: Any])
        #expect(throws: BufferRulesError.notAWholeNumber(key: "minimum_days", value: "true")) {
            try BufferRules(object: object, totalSessions: 3, strategy: .sequential)
        }
        let one = try #require(try JSONSerialization.jsonObject(with: Data(#"{"minimum_days": 1}"#.utf8)) as? [String: Any])
        #expect(try BufferRules(object: one, totalSessions: 3, strategy: .sequential).minimumDays == 1)
    }

    @Test func sessionPairsMustBeConsecutiveAndExist() {
        expectRefusal(#"{"session_1_to_3_days": 14}"#, .pairNotConsecutive(key: "session_1_to_3_days"),
                      naming: ["session_1_to_3_days", "session_1_to_2_days"])
        expectRefusal(#"{"session_3_to_2_days": 14}"#, .pairNotConsecutive(key: "session_3_to_2_days"), naming: ["session_3_to_2_days"])
        expectRefusal(#"{"session_0_to_1_days": 14}"#, .sessionOutOfRange(key: "session_0_to_1_days", totalSessions: 3),
                      naming: ["session_0_to_1_days", "3 sessions"])
        expectRefusal(#"{"session_3_to_4_days": 7}"#, .sessionOutOfRange(key: "session_3_to_4_days", totalSessions: 3),
                      naming: ["session_3_to_4_days"])
        expectRefusal(#"{"session_1_to_2_days": 7}"#, total: 1, .sessionOutOfRange(key: "session_1_to_2_days", totalSessions: 1),
                      naming: ["1 session"])
    }

    @Test func samePairInTwoUnits() {
        expectRefusal(#"{"session_2_to_3_days": 30, "session_2_to_3_months": 1}"#,
                      .pairGivenTwice(key: "session_2_to_3_days", otherKey: "session_2_to_3_months"),
                      naming: ["session_2_to_3_days", "session_2_to_3_months"])
    }

    @Test func onlyOneDefault() {
        expectRefusal(#"{"default_days": 7, "default_weeks": 1}"#,
                      .conflictingDefaults(keys: ["default_days", "default_weeks"]), naming: ["default_days", "default_weeks"])
    }

    @Test func onlyOneFrequency() {
        expectRefusal(#"{"suggested_frequency": "2 per week", "recommended_frequency": "2 per week"}"#,
                      .conflictingFrequencies(keys: ["recommended_frequency", "suggested_frequency"]),
                      naming: ["recommended_frequency", "suggested_frequency"])
    }

    @Test func minimumRecommendedMaximumMustBeOrdered() {
        expectRefusal(#"{"minimum_days": 5, "recommended_days": 3}"#, .minimumAboveRecommended(minimum: 5, recommended: 3),
                      naming: ["minimum_days", "recommended_days"])
        expectRefusal(#"{"recommended_days": 10, "maximum_days": 7}"#, .recommendedAboveMaximum(recommended: 10, maximum: 7),
                      naming: ["recommended_days", "maximum_days"])
        expectRefusal(#"{"minimum_days": 10, "maximum_days": 7}"#, .minimumAboveMaximum(minimum: 10, maximum: 7),
                      naming: ["minimum_days", "maximum_days"])
        // Equal is fine.
        #expect(refusalFree(#"{"minimum_days": 3, "recommended_days": 3, "maximum_days": 3}"#))
    }

    @Test func gapsMustFitTheRecommendedAndMaximum() {
        expectRefusal(#"{"session_1_to_2_days": 20, "maximum_days": 14}"#,
                      .gapAboveMaximum(key: "session_1_to_2_days", gap: .days(20), maximum: 14),
                      naming: ["session_1_to_2_days", "maximum_days"])
        expectRefusal(#"{"default_months": 1, "maximum_days": 30}"#,
                      .gapAboveMaximum(key: "default_months", gap: .months(1), maximum: 30), naming: ["default_months"])
        expectRefusal(#"{"default_weeks": 2, "recommended_days": 7}"#,
                      .gapAboveRecommended(key: "default_weeks", gap: .weeks(2), recommended: 7),
                      naming: ["default_weeks", "recommended_days"])
        #expect(refusalFree(#"{"default_months": 1, "maximum_days": 31}"#))
    }

    @Test func immediateNeedsAGapForEveryPair() {
        expectRefusal(#"{"session_1_to_2_days": 14}"#, strategy: .immediate,
                      .missingGapForImmediate(key: "session_2_to_3_days", totalSessions: 3),
                      naming: ["session_2_to_3_days", "session 2 and session 3"])
        expectRefusal("", strategy: .immediate, .missingGapForImmediate(key: "session_1_to_2_days", totalSessions: 3),
                      naming: ["session_1_to_2_days"])
        expectRefusal("{}", strategy: .immediate, .missingGapForImmediate(key: "session_1_to_2_days", totalSessions: 3),
                      naming: ["session_1_to_2_days"])
        expectRefusal(#"{"maximum_days": 30}"#, strategy: .immediate,
                      .missingGapForImmediate(key: "session_1_to_2_days", totalSessions: 3), naming: ["default_days"])
        // A single-session immediate service needs no gap; a default covers every pair.
        #expect((try? BufferRules.parse("", totalSessions: 1, strategy: .immediate)) != nil)
        #expect((try? BufferRules.parse(#"{"minimum_days": 3}"#, totalSessions: 3, strategy: .immediate)) != nil)
    }

    @Test func immediateRefusesAZeroGap() {
        expectRefusal(#"{"minimum_days": 0}"#, strategy: .immediate, .zeroGapForImmediate(key: "minimum_days"),
                      naming: ["minimum_days", "same time"])
        expectRefusal(#"{"default_days": 7, "session_2_to_3_days": 0}"#, strategy: .immediate,
                      .zeroGapForImmediate(key: "session_2_to_3_days"), naming: ["session_2_to_3_days"])
    }

    @Test func frequencyMustBeReadable() {
        expectRefusal(#"{"suggested_frequency": "often"}"#, .unreadableFrequency(key: "suggested_frequency", text: "\"often\""),
                      naming: ["suggested_frequency", "often", "2 per week"])
        expectRefusal(#"{"recommended_frequency": 2}"#, .unreadableFrequency(key: "recommended_frequency", text: "2"),
                      naming: ["recommended_frequency"])
    }

    @Test func totalSessionsMustBeInRange() {
        expectRefusal("{}", total: 0, .totalSessionsOutOfRange(0), naming: ["total_sessions_required"])
        expectRefusal("{}", total: 51, .totalSessionsOutOfRange(51), naming: ["50"])
    }

    @Test func editorFieldsAreCheckedTheSameWay() {
        #expect(throws: BufferRulesError.negativeValue(key: "default_weeks", value: -1)) {
            try BufferRules(totalSessions: 3, strategy: .sequential, defaultGap: .weeks(-1))
        }
        #expect(throws: BufferRulesError.sessionOutOfRange(key: "session_3_to_4_days", totalSessions: 3)) {
            try BufferRules(totalSessions: 3, strategy: .sequential, sessionGaps: [3: .days(7)])
        }
    }

    @Test func everyErrorNamesItsKeyForTheEditor() {
        #expect(BufferRulesError.minimumAboveMaximum(minimum: 3, maximum: 2).key == "minimum_days")
        #expect(BufferRulesError.unknownKey("x", suggestion: nil).key == "x")
        #expect(BufferRulesError.missingGapForImmediate(key: "session_1_to_2_days", totalSessions: 2).key == "session_1_to_2_days")
    }

    private func refusalFree(_ json: String) -> Bool {
        (try? BufferRules.parse(json, totalSessions: 3, strategy: .sequential)) != nil
    }
}
