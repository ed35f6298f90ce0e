import Foundation
import FrontdeskCore
import TerminalUI

/// The Customers screen as data: the search line and its list, the open card with the treatment
/// shown, the contact editor, and the shared session dialogs.
public struct CustomersState: Sendable, Equatable {
    /// Rows asked for per search: the list shows the best matches, never the whole table.
    public static let pageSize = 100

    public var search = TextField(value: "", placeholder: "name, phone or e-mail", isFocused: false)
    /// The search line has the keys.
    public var searching = false
    public var rows: [CustomerListRow] = []
    public var selected = 0
    /// What the rows were found for (answers for an older query are dropped).
    public var searched: String?
    /// The open customer card.
    public var card: CustomerCard?
    /// The treatment of the card shown in the treatment pane, with its selected session.
    public var treatment: OpenTreatment?
    /// The contact editor or the new-customer form, when open.
    public var editor: CustomerEditor?
    public var desk = SessionDesk(refusalKeys: RefusalKeys(keymap: CustomersKeymap.card.erased))

    public init() {}

    public var selectedRow: CustomerListRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The session under the cursor in the card's treatment pane.
    public var currentTarget: SessionTarget? {
        guard let open = treatment, let session = open.selectedSession else { return nil }
        return SessionTarget(session: session, in: open.group)
    }

    /// Shows the treatment at `index` of the card (kept within range), on its most useful session.
    mutating func showTreatment(at index: Int) {
        guard let card, !card.treatments.isEmpty else {
            treatment = nil
            return
        }
        let group = card.treatments[max(0, min(index, card.treatments.count - 1))]
        treatment = OpenTreatment(group: group, selected: OpenTreatment.defaultSelection(group))
    }

    /// The index of the shown treatment in the card.
    var treatmentIndex: Int? {
        guard let id = treatment?.group.id else { return nil }
        return card?.treatments.firstIndex { $0.id == id }
    }
}
