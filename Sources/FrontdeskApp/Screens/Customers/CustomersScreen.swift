import Foundation
import FrontdeskCore
import TerminalUI

/// The Customers screen (issue 11): find a customer by name, phone or e-mail, and their card with
/// contact details, every treatment's sessions (the shared treatment pane and session dialogs) and
/// past appointments.
public struct CustomersScreen: TopLevelScreen {
    public static let tab = ScreenTab(title: "Customers", functionKey: 6, letter: "C")

    public var customers = CustomersState()

    public init(context: ScreenContext) {}

    public var title: String { "Customers" }

    public var keyFocus: KeyFocus {
        if let focus = customers.desk.keyFocus { return focus }
        return customers.editor != nil || customers.searching ? .text : .screen
    }

    public var legend: Keymap<String> { CustomersKeymap.legend(for: customers) }

    public mutating func start(_ context: inout ScreenContext) -> [CustomersEffect] {
        Customers.research(state: &customers)
    }

    public mutating func handle(_ key: Key, _ context: inout ScreenContext) -> [CustomersEffect] {
        Customers.handle(key, state: &customers, &context)
    }

    public mutating func receive(_ answer: CustomersAnswer, _ context: inout ScreenContext) -> [CustomersEffect] {
        Customers.receive(answer, state: &customers, &context)
    }

    public mutating func reload(_ context: inout ScreenContext) -> [CustomersEffect] {
        Customers.refresh(state: &customers)
    }

    public mutating func resume(after outcome: ScreenOutcome, _ context: inout ScreenContext) -> [CustomersEffect] {
        if case let .booked(_, _, message) = outcome { context.succeed(message) }
        return Customers.refresh(state: &customers)
    }

    public mutating func receive(handoff: ScreenHandoff, _ context: inout ScreenContext) -> [CustomersEffect] {
        switch handoff {
        case .customer(let id):
            customers.editor = nil
            customers.searching = false
            return [.loadCard(customerID: id)]
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        CustomersView.render(customers, into: &buffer, area: area, context: context)
    }
}
