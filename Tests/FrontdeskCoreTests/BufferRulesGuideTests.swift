import Foundation
import Testing
@testable import FrontdeskCore

/// Every buffer form of the original guide, verbatim, and SPEC §2's formula.
@Suite("Buffer rules: the guide's forms")
struct BufferRulesGuideTests {
    /// Reads a whole service object from the guide and builds its rules from the embedded config.
    private func rules(fromService json: String) throws -> BufferRules {
        let object = try #require(try CommentedJSON.parse(json) as? [String: Any])
        let total = try #require(object["total_sessions_required"] as? Int)
        let strategy = try #require(Strategy(rawValue: object["multi_session_strategy"] as? String ?? ""))
        let config = try #require(object["session_buffer_config"] as? [String: Any])
        return try BufferRules(object: config, totalSessions: total, strategy: strategy)
    }

    /// Reads a guide snippet `{"session_buffer_config": {...}}` both ways: the embedded object, and
    /// the inner text verbatim (comments and layout as printed); both must give the same rules.
    private func rules(fromSnippet json: String, total: Int, strategy: Strategy) throws -> BufferRules {
        let object = try #require(try CommentedJSON.parse(json) as? [String: Any])
        let config = try #require(object["session_buffer_config"] as? [String: Any])
        let fromObject = try BufferRules(object: config, totalSessions: total, strategy: strategy)
        let start = try #require(json.range(of: "\"session_buffer_config\":"))
        let end = try #require(json.range(of: "}", options: .backwards))
        let inner = String(json[start.upperBound..<end.lowerBound])
        let fromText = try BufferRules.parse(inner, totalSessions: total, strategy: strategy)
        #expect(fromText == fromObject)
        return fromObject
    }

    @Test func immediateDentalImplantConfiguration() throws {
        let rules = try rules(fromService: """
        {
          "requires_multiple_sessions": true,
          "total_sessions_required": 3,
          "multi_session_strategy": "immediate",
          "session_buffer_config": {
            "session_1_to_2_days": 14,
            "session_2_to_3_days": 30
          }
        }
        """)
        #expect(rules.gap(afterSession: 1).planned == .days(14))
        #expect(rules.gap(afterSession: 2).planned == .days(30))
        #expect(rules.gap(afterSession: 1).minimum == .days(14))
        #expect(rules.sessionGaps == [1: .days(14), 2: .days(30)])
    }

    @Test func sequentialPhysiotherapyConfiguration() throws {
        let rules = try rules(fromService: """
        {
          "requires_multiple_sessions": true,
          "total_sessions_required": 10,
          "multi_session_strategy": "sequential",
          "session_buffer_config": {
            "minimum_days": 2,
            "maximum_days": 14
          }
        }
        """)
        let gap = rules.gap(afterSession: 4)
        #expect(gap == SessionGap(planned: .days(2), minimum: .days(2), recommended: .days(2), maximum: .days(14)))
    }

    @Test func flexibleDrivingLessonsWithItsComment() throws {
        let service = """
        {
          "requires_multiple_sessions": true,
          "total_sessions_required": 10,
          "multi_session_strategy": "flexible",
          "session_buffer_config": {
            "minimum_days": 0,  // Can book consecutive days
            "suggested_frequency": "2 per week"
          }
        }
        """
        let rules = try rules(fromService: service)
        #expect(rules.minimumDays == 0)
        #expect(rules.frequency == SessionFrequency(minPerWeek: 2, maxPerWeek: 2, text: "2 per week"))
        #expect(rules.gap(afterSession: 1).minimum == .zero)

        let inner = """
        {
            "minimum_days": 0,  // Can book consecutive days
            "suggested_frequency": "2 per week"
          }
        """
        #expect(try BufferRules.parse(inner, totalSessions: 10, strategy: .flexible) == rules)
    }

    @Test func simpleBuffer() throws {
        let rules = try rules(fromSnippet: """
        {
          "session_buffer_config": {
            "default_days": 7
          }
        }
        """, total: 4, strategy: .immediate)
        for k in 1...3 {
            #expect(rules.gap(afterSession: k) == SessionGap(planned: .days(7), minimum: .days(7), recommended: .days(7)))
        }
    }

    @Test func complexBuffer() throws {
        let rules = try rules(fromSnippet: """
        {
          "session_buffer_config": {
            "session_1_to_2_days": 14,
            "session_2_to_3_days": 30,
            "session_3_to_4_days": 7
          }
        }
        """, total: 4, strategy: .immediate)
        #expect(rules.gap(afterSession: 1).minimum == .days(14))
        #expect(rules.gap(afterSession: 2).minimum == .days(30))
        #expect(rules.gap(afterSession: 3).minimum == .days(7))
    }

    @Test func rangeBuffer() throws {
        let rules = try rules(fromSnippet: """
        {
          "session_buffer_config": {
            "minimum_days": 2,
            "maximum_days": 14,
            "recommended_days": 7
          }
        }
        """, total: 10, strategy: .sequential)
        #expect(rules.gap(afterSession: 1) == SessionGap(planned: .days(7), minimum: .days(2),
                                                         recommended: .days(7), maximum: .days(14)))
    }

    @Test func noBufferRequired() throws {
        let rules = try rules(fromSnippet: """
        {
          "session_buffer_config": {
            "minimum_days": 0
          }
        }
        """, total: 5, strategy: .flexible)
        #expect(rules.gap(afterSession: 1) == SessionGap(planned: .zero, minimum: .zero, recommended: .zero))
    }

    @Test func theGuidesServiceExamples() throws {
        let implant = try rules(fromService: """
        {
          "name": "Dental Implant - Complete Treatment",
          "requires_multiple_sessions": true,
          "total_sessions_required": 3,
          "multi_session_strategy": "immediate",
          "trigger_words": ["implant", "tooth implant", "dental implant"],
          "session_buffer_config": {
            "session_1_to_2_days": 14,
            "session_2_to_3_days": 30
          }
        }
        """)
        #expect(implant.gap(afterSession: 2).planned == .days(30))

        let driving = try rules(fromService: """
        {
          "name": "Driving Lessons - Starter Package (10 Lessons)",
          "requires_multiple_sessions": true,
          "total_sessions_required": 10,
          "multi_session_strategy": "flexible",
          "trigger_words": ["driving lesson", "learn to drive", "driving school"],
          "session_buffer_config": {
            "minimum_days": 0,
            "recommended_frequency": "2-3 per week"
          }
        }
        """)
        #expect(driving.frequency?.minPerWeek == 2)
        #expect(driving.frequency?.maxPerWeek == 3)
        #expect(driving.frequencyKey == "recommended_frequency")

        let physio = try rules(fromService: """
        {
          "name": "Physiotherapy Treatment Plan",
          "requires_multiple_sessions": true,
          "total_sessions_required": 8,
          "multi_session_strategy": "sequential",
          "trigger_words": ["physiotherapy", "physio", "physical therapy"],
          "session_buffer_config": {
            "minimum_days": 2,
            "maximum_days": 7,
            "recommended_days": 3
          }
        }
        """)
        let gap = physio.gap(afterSession: 1)
        #expect(gap.minimum == .days(2))
        #expect(gap.recommended == .days(3))
        #expect(gap.maximum == .days(7))
        #expect(physio.minimumDays == 2 && physio.recommendedDays == 3 && physio.maximumDays == 7)
    }

    @Test func schemaCommentExample() throws {
        let rules = try BufferRules.parse(#"{"default_days": 7, "session_2_to_3_days": 30}"#,
                                          totalSessions: 4, strategy: .immediate)
        #expect(rules.gap(afterSession: 1).planned == .days(7))
        #expect(rules.gap(afterSession: 2).planned == .days(30))
        #expect(rules.gap(afterSession: 3).planned == .days(7))
    }

    @Test func weeksAndMonthsExtension() throws {
        let rules = try BufferRules.parse(
            #"{"default_weeks": 2, "session_2_to_3_months": 1, "session_3_to_4_days": 3}"#,
            totalSessions: 4, strategy: .immediate)
        #expect(rules.gap(afterSession: 1).planned == .weeks(2))
        #expect(rules.gap(afterSession: 2).planned == .months(1))
        #expect(rules.gap(afterSession: 3).planned == .days(3))
        let monthly = try BufferRules.parse(#"{"default_months": 1}"#, totalSessions: 6, strategy: .immediate)
        #expect(monthly.gap(afterSession: 5) == SessionGap(planned: .months(1), minimum: .months(1), recommended: .months(1)))
    }

    @Test func formulaFallbacks() throws {
        // planned: recommended_days before minimum_days; minimum: minimum_days; nothing: 0 days.
        let both = try BufferRules.parse(#"{"minimum_days": 2, "recommended_days": 5}"#, totalSessions: 3, strategy: .sequential)
        #expect(both.gap(afterSession: 1) == SessionGap(planned: .days(5), minimum: .days(2), recommended: .days(5)))
        let empty = try BufferRules.parse("", totalSessions: 3, strategy: .flexible)
        #expect(empty.gap(afterSession: 1) == SessionGap(planned: .zero, minimum: .zero, recommended: .zero))
        #expect(try BufferRules.parse("{}", totalSessions: 3, strategy: .sequential) == empty.with(strategy: .sequential))
        // A session key overrides the default and minimum_days for its pair only.
        let mixed = try BufferRules.parse(#"{"default_days": 7, "minimum_days": 1, "session_1_to_2_days": 3}"#,
                                          totalSessions: 3, strategy: .sequential)
        #expect(mixed.gap(afterSession: 1).minimum == .days(3))
        #expect(mixed.gap(afterSession: 2).minimum == .days(7))
    }

    @Test func acceptanceDaysMonthsAndTheClinicCalendar() throws {
        let rules = try BufferRules.parse(#"{"session_1_to_2_days": 14, "session_2_to_3_days": 30}"#,
                                          totalSessions: 3, strategy: .immediate)
        #expect(rules.gap(afterSession: 1).planned == .days(14))
        #expect(rules.gap(afterSession: 2).planned == .days(30))
        let byMonth = try BufferRules.parse(#"{"session_1_to_2_days": 14, "session_2_to_3_months": 1}"#,
                                            totalSessions: 3, strategy: .immediate)
        #expect(byMonth.gap(afterSession: 2).planned == .months(1))

        let zurich = try #require(ClinicCalendar(identifier: "Europe/Zurich"))
        let first = try #require(zurich.date(LocalDay(year: 2026, month: 3, day: 10), minuteOfDay: 14 * 60))
        #expect(zurich.iso8601(first) == "2026-03-10T14:00:00+01:00")
        let second = zurich.adding(rules.gap(afterSession: 1).planned, to: first)
        #expect(zurich.iso8601(second) == "2026-03-24T14:00:00+01:00")
        let third = zurich.adding(rules.gap(afterSession: 2).planned, to: second)
        #expect(zurich.iso8601(third) == "2026-04-23T14:00:00+02:00")
        let thirdByMonth = zurich.adding(byMonth.gap(afterSession: 2).planned, to: second)
        #expect(zurich.iso8601(thirdByMonth) == "2026-04-24T14:00:00+02:00")
    }

    @Test func canonicalJSONRoundTrips() throws {
        let source = """
        {
          /* implant */ "session_2_to_3_months": 1, // healing
          "session_1_to_2_days": 14,
          "minimum_days": 1, "maximum_days": 60, "recommended_frequency": "once a week"
        }
        """
        let rules = try BufferRules.parse(source, totalSessions: 3, strategy: .immediate)
        #expect(rules.canonicalJSON == #"{"maximum_days":60,"minimum_days":1,"recommended_frequency":"once a week","session_1_to_2_days":14,"session_2_to_3_months":1}"#)
        #expect(try BufferRules.parse(rules.canonicalJSON, totalSessions: 3, strategy: .immediate) == rules)
        let empty = try BufferRules.parse("", totalSessions: 1, strategy: .immediate)
        #expect(empty.canonicalJSON == "{}")
    }

    @Test func wholeFractionsAreReadAsWholeNumbers() throws {
        // 2.0 is accepted as 2 (tools often write every number as a double); 2.5 is refused.
        let rules = try BufferRules.parse(#"{"default_days": 2.0}"#, totalSessions: 2, strategy: .immediate)
        #expect(rules.gap(afterSession: 1).planned == .days(2))
        #expect(rules.canonicalJSON == #"{"default_days":2}"#)
    }

    @Test func editorBuildsTheSameRulesFieldByField() throws {
        let parsed = try BufferRules.parse(#"{"default_weeks": 1, "session_2_to_3_days": 10, "maximum_days": 30}"#,
                                           totalSessions: 3, strategy: .immediate)
        let built = try BufferRules(totalSessions: 3, strategy: .immediate, defaultGap: .weeks(1),
                                    sessionGaps: [2: .days(10)], maximumDays: 30)
        #expect(parsed == built)
        #expect(built.plannedGapSource(afterSession: 1) == "default_weeks")
        #expect(built.plannedGapSource(afterSession: 2) == "session_2_to_3_days")
    }
}

extension BufferRules {
    func with(strategy: Strategy) -> BufferRules {
        try! BufferRules(totalSessions: totalSessions, strategy: strategy, defaultGap: defaultGap,
                         sessionGaps: sessionGaps, minimumDays: minimumDays, recommendedDays: recommendedDays,
                         maximumDays: maximumDays, frequency: frequency, frequencyKey: frequencyKey)
    }
}
