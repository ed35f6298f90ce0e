import Foundation
@testable import frontdesk
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Issue 8 item 4: the command line words every refusal itself, naming only commands and options
/// that exist on the commands that can meet it.
@Suite struct RefusalHintTests {
    /// The commands that can meet each refusal, for the options their hints name ("run the same
    /// command with --late"). A hint naming an option for a refusal not listed here fails.
    static let raisedBy: [String: [[String]]] = [
        "placement": [["book"], ["reschedule"]],
        "lateConfirmation": [["book"], ["reschedule"]],
        "shiftProposal": [["book"], ["reschedule"]],
        "shortNotice": [["cancel"], ["reschedule"]],
        "slotTaken": [["book"]],
        "shiftNotConfirmed": [["book"]],
        "laterSessionsInTheWay": [["book"]],
        "duplicateCustomer": [["customer", "add"], ["customer", "edit"]],
        "secondPackage": [["book"]],
        "notBookable.providerDoesNotDeliver": [["book"]],
        "notBookable.noProviderCanTakePlan": [["book"]],
        "notBookable.notImmediate": [["book"]],
        "notBookable.treatmentOfOtherService": [["book"]],
        "notBookable.singleSessionHasNoTreatment": [["book"]],
        "notBookable.sequentialOneAtATime": [["book"]],
        "notBookable.booksAllAtOnce": [["book"]],
        "notBookable.onlyImmediateMovesAlong": [["book"]],
    ]

    final class HelpCache: @unchecked Sendable {
        private var texts: [[String]: String] = [:]
        func help(_ command: [String]) throws -> String {
            if let known = texts[command] { return known }
            let result = try ProcessRunner.run(command + ["--help"])
            let text = result.status == 0 ? result.stdout : ""
            texts[command] = text
            return text
        }
    }

    /// Whether `help` lists `flag` itself (not only a longer option containing it: --late in --confirm-late).
    static func lists(_ help: String, _ flag: String) -> Bool {
        help.range(of: "(?<![\\w-])" + NSRegularExpression.escapedPattern(for: flag) + "(?![\\w-])", options: .regularExpression) != nil
    }

    @Test func everyRefusalHasASample() throws {
        let samples = RefusalSamples.all(try RefusalSamples.material())
        #expect(Set(samples.map(RefusalSamples.kind)).count == RefusalSamples.kindCount)
    }

    @Test func everyRefusalNamesOnlyCommandsAndOptionsThatExist() throws {
        let cache = HelpCache()
        let snippet = try NSRegularExpression(pattern: "`frontdesk([^`]*)`")
        let option = try NSRegularExpression(pattern: "(?<![\\w-])--[a-z][a-z-]*")
        for refusal in RefusalSamples.all(try RefusalSamples.material()) {
            let kind = RefusalSamples.kind(refusal)
            var text = RefusalText.message(.refused(refusal))
            #expect(!text.isEmpty)
            // Commands in backticks, with the options given to them there.
            for match in snippet.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
                let inside = (text as NSString).substring(with: match.range(at: 1)).split(separator: " ").map(String.init)
                let command = Array(inside.prefix { $0.first?.isLowercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" } })
                #expect(!command.isEmpty, "\(kind): a bare `frontdesk` in \(text)")
                let help = try cache.help(command)
                #expect(help.contains((["USAGE: frontdesk"] + command).joined(separator: " ")),
                        "\(kind): `frontdesk \(command.joined(separator: " "))` does not exist")
                for flag in inside where flag.hasPrefix("--") {
                    #expect(Self.lists(help, flag), "\(kind): `frontdesk \(command.joined(separator: " "))` has no \(flag)")
                }
                text = (text as NSString).replacingCharacters(in: match.range, with: "")
            }
            // Options outside backticks belong to the command that met the refusal.
            let flags = option.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) }
            guard !flags.isEmpty else { continue }
            let commands = try #require(Self.raisedBy[kind], "\(kind) names \(flags) but no command is known to raise it")
            for command in commands {
                let help = try cache.help(command)
                for flag in flags {
                    #expect(Self.lists(help, flag), "\(kind): `frontdesk \(command.joined(separator: " "))` has no \(flag)")
                }
            }
        }
    }

    /// The refusals that ask for an option name it, so a script knows how to go ahead.
    @Test func anOptionInsideALongerOneDoesNotCount() {
        #expect(!Self.lists("  --confirm-late  Confirm a change", "--late"))
        #expect(Self.lists("  --late  Book it", "--late"))
    }

    @Test func confirmableRefusalsNameTheirOption() throws {
        let samples = RefusalSamples.all(try RefusalSamples.material())
        let expected = ["lateConfirmation": "--late", "shiftProposal": "--auto-shift", "shortNotice": "--confirm-late",
                        "shiftNotConfirmed": "--auto-shift", "laterSessionsInTheWay": "--move-later",
                        "duplicateCustomer": "--allow-duplicate", "secondPackage": "--allow-second", "completedTooEarly": "--early"]
        for refusal in samples {
            guard let option = expected[RefusalSamples.kind(refusal)] else { continue }
            #expect(RefusalText.message(.refused(refusal)).contains(option), "\(RefusalSamples.kind(refusal))")
        }
    }

    /// Faults name `--db` on the command line only; the shared wording names no option.
    @Test func faultsNameOptionsOnlyOnTheCommandLine() {
        let faults: [StoreError] = [.missing(path: "/x.sqlite"), .notFrontdesk(path: "/x.sqlite", reason: "the file is empty"),
                                    .unreadable(path: "/x.sqlite"), .cannotOpen(path: "/x.sqlite", reason: "SQLite cannot open the file"),
                                    .holdsData(path: "/x.sqlite")]
        for fault in faults {
            #expect(!fault.description.contains("--"), "\(fault.description)")
            #expect(RefusalText.message(fault).contains("--db"), "\(RefusalText.message(fault))")
        }
        #expect(!StoreError.noSuchGroup("clinic").description.contains("--"))
        #expect(RefusalText.message(.noSuchGroup("clinic")).hasPrefix("--shared: There is no group called clinic."))
        #expect(RefusalText.message(.missing(path: "/x.sqlite")).contains("`frontdesk init`"))
    }

    /// The plain description (the fallback nobody should see) names no option either.
    @Test func theStoresOwnWordingOfARefusalNamesNoOption() throws {
        for refusal in RefusalSamples.all(try RefusalSamples.material()) {
            let plain = StoreError.refused(refusal).description
            #expect(!plain.contains("--") && !plain.contains("frontdesk "), "\(plain)")
        }
    }
}
