import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import TerminalUI
import Testing

/// Issue 8 item 4: the screens word every refusal themselves, and the keys they name are the keys
/// the screen showing it binds.
@Suite struct RefusalWordingTests {
    /// Every screen that shows refusals, with the keymap in use there.
    static let screens: [(name: String, keymap: Keymap<String>)] = [
        ("Bookings", BookingsKeymap.all.erased), ("Customers", CustomersKeymap.card.erased),
        ("Dashboard", DashboardKeymap.all.erased), ("Services (uncovered bookings)", ServicesKeymap.uncovered.erased),
        ("Book", Keymap<String>([])),
    ]

    /// The keys a sentence names: "press u", "press r to move it".
    static func namedKeys(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "[Pp]ress (\\S+?)(?=[ ,.;:]|$)")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range(at: 1)) }
    }

    @Test func everyKeyARefusalNamesIsBoundOnTheScreenShowingIt() throws {
        let samples = RefusalSamples.all(try RefusalSamples.material())
        var named = 0
        for screen in Self.screens {
            let keys = RefusalKeys(keymap: screen.keymap)
            for refusal in samples {
                let text = RefusalWording.text(refusal, keys: keys)
                #expect(!text.isEmpty)
                for key in Self.namedKeys(text) {
                    named += 1
                    #expect(screen.keymap.bindings.contains { $0.keys.map(\.description).contains(key) },
                            "\(screen.name): “\(text)” names \(key), which is not bound there")
                }
            }
        }
        #expect(named > 0)
    }

    /// Where a key acts on the refusal, the screens that bind it say which.
    @Test func refusalsThatAKeyResolvesNameIt() throws {
        let samples = RefusalSamples.all(try RefusalSamples.material())
        let keys = RefusalKeys(keymap: BookingsKeymap.all.erased)
        let acting: [String: String] = [
            "previousNotCompleted": "c", "packageExpired": "+", "completedTooEarly": "c", "noShowBeforeStart": "x",
        ]
        for refusal in samples {
            let kind = RefusalSamples.kind(refusal)
            if let key = acting[kind] {
                #expect(Self.namedKeys(RefusalWording.text(refusal, keys: keys)) == [key], "\(kind)")
            }
            if case .reopenBlocked = refusal {
                #expect(Self.namedKeys(RefusalWording.text(refusal, keys: keys)) == ["r", "x"])
            }
            if case .wrongStatus(_, .cancelled, .complete) = refusal {
                #expect(Self.namedKeys(RefusalWording.text(refusal, keys: keys)) == ["u"])
            }
        }
        // Without the keys (the Book flow) the same refusals name none.
        for refusal in samples {
            #expect(Self.namedKeys(RefusalWording.text(refusal, keys: .none)).isEmpty)
        }
    }

    /// The screens never name the command line's options or commands.
    @Test func screensNameNoCommandLineOption() throws {
        for refusal in RefusalSamples.all(try RefusalSamples.material()) {
            let text = RefusalWording.text(refusal)
            #expect(!text.contains("--") && !text.contains("frontdesk "), "\(text)")
        }
    }

    /// Bookings, the Customers card and the Dashboard bind the extend key (every session key, through
    /// `SessionKeys.bindings(as:)`), so a refusal there offers it; the provider editor's list of
    /// sessions to move does not bind it, and its refusal does not offer it.
    @Test func theSessionDeskNamesItsHostsKeys() throws {
        let m = try RefusalSamples.material()
        let expired = DeskRefusal.packageExpired(treatment: "5f0c7a1e", on: m.now.addingTimeInterval(-86_400), calendar: m.calendar)
        let command = SessionCommand.bookNext(customerID: 1, serviceID: 1, groupID: "5f0c7a1e", start: m.now.addingTimeInterval(86_400))
        func status(_ desk: SessionDesk) -> String {
            var desk = desk
            var context = ScreenContext(calendar: m.calendar, now: m.now, width: 120, height: 40)
            _ = desk.receive(command, .failure(AppFailure(refusal: expired)), &context)
            return context.status?.message ?? ""
        }
        let bookings = status(SessionDesk(refusalKeys: RefusalKeys(keymap: BookingsKeymap.all.erased)))
        let customers = status(SessionDesk(refusalKeys: RefusalKeys(keymap: CustomersKeymap.card.erased)))
        let dashboard = status(SessionDesk(refusalKeys: RefusalKeys(keymap: DashboardKeymap.all.erased)))
        let providers = status(SessionDesk(refusalKeys: RefusalKeys(keymap: ServicesKeymap.uncovered.erased)))
        for text in [bookings, customers, dashboard] {
            #expect(text.contains("This package expired on") && text.contains("press +"), "\(text)")
        }
        #expect(providers.contains("This package expired on") && !providers.contains("press"), "\(providers)")
    }
}
