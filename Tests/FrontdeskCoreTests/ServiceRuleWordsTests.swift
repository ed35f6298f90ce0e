import Foundation
@testable import FrontdeskCore
import Testing

/// The rule in a few words, and who may do manager work.
@Suite struct ServiceRuleWordsTests {
    func words(_ json: String, total: Int, _ strategy: Strategy) throws -> String {
        let rules = try BufferRules.parse(json, totalSessions: total, strategy: strategy)
        return ServiceRuleWords.short(definition: ServiceDefinition(name: "S", totalSessions: total, strategy: strategy), rules: rules)
    }

    @Test func immediateGapsInOrder() throws {
        #expect(try words(#"{"session_1_to_2_days": 14, "session_2_to_3_days": 30}"#, total: 3, .immediate) == "14 d, then 30 d")
        #expect(try words(#"{"session_1_to_2_weeks": 4, "session_2_to_3_weeks": 4, "session_3_to_4_weeks": 6}"#, total: 4, .immediate)
                == "4 w, 4 w, then 6 w")
        #expect(try words(#"{"default_days": 7}"#, total: 6, .immediate) == "every 7 d")
        #expect(try words(#"{"default_days": 7, "session_5_to_6_months": 1}"#, total: 6, .immediate) == "7 d ×4, then 1 mo")
    }

    @Test func pacedRulesWithMinimumMaximumAndIdeal() throws {
        #expect(try words(#"{"minimum_days": 2, "maximum_days": 7, "recommended_days": 3}"#, total: 8, .sequential)
                == "every 2–7 d, ideally 3")
        #expect(try words(#"{"minimum_days": 0, "recommended_frequency": "2-3 per week"}"#, total: 10, .flexible) == "2-3 per week")
        #expect(try words(#"{"minimum_days": 1}"#, total: 10, .flexible) == "at least 1 d apart")
        #expect(try words("{}", total: 10, .flexible) == "any pace")
        #expect(try words("{}", total: 1, .flexible) == "single session")
    }

    @Test func managersByNameOrGroupAndEveryoneWhenUnset() {
        let anna = OSAccount(name: "anna", groups: ["staff"])
        #expect(ManagerPolicy().decide(anna) == .allowed)
        #expect(ManagerPolicy(managers: ["anna"]).decide(anna) == .allowed)
        #expect(ManagerPolicy(managersGroup: "staff").decide(anna) == .allowed)
        let refused = ManagerPolicy(managers: ["somebody-else"], managersGroup: "owners").decide(anna, action: "import services")
        #expect(refused == .refused(reason: "Only managers may import services: the account “anna” is not in managers = [\"somebody-else\"] or the group “owners” of the configuration. Ask a manager, or log in as one."))
        #expect(!refused.isAllowed)
    }
}
