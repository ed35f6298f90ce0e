import Foundation
@testable import frontdesk
import FrontdeskCore
import FrontdeskStore
import Testing

/// The command line words typed lookups and input problems: the store's plain facts, then the
/// command or option to use.
@Suite struct InputProblemTextTests {
    @Test func aPhoneProblemNamesTheOptionThatCarriedIt() {
        let message = RefusalText.message(.invalid(.phone(text: "079+963", .misplacedPlus)))
        #expect(message == "Phone “079+963”: a + may only start the number (the country code), e.g. +41 79 963 78 17. (--phone)")
        #expect(CommandFailure(.invalid(.phone(text: "079+963", .misplacedPlus))).code == 2)
    }

    @Test func problemsSeveralCommandsMeetNameNoOption() {
        #expect(InputProblemText.option(for: .backup(path: "/x", .missing)) == nil)
        #expect(RefusalText.message(.invalid(.backup(path: "/x", .missing))) == "Backup: there is no file at /x.")
    }

    @Test func aLookupThatFindsNothingNamesTheCommandThatListsThatKind() {
        #expect(RefusalText.message(.notFound(.service, key: "NOPE"))
                == "No service matches “NOPE”. Check the spelling, or list them with `frontdesk service list`.")
        #expect(RefusalText.message(.notFound(.followUp, key: "9")).hasSuffix("`frontdesk followups`."))
        #expect(RefusalText.namedCommands.count == RecordKind.allCases.count)
    }
}
