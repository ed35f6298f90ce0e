import Foundation
import FrontdeskCore
import TerminalUI

/// The Customers screen's update functions: keys and answers in, effects out.
enum Customers {
    static func handle(_ key: Key, state: inout CustomersState, _ context: inout ScreenContext) -> [CustomersEffect] {
        if state.desk.dialog != nil { return state.desk.handle(key, &context).map(CustomersEffect.run) }
        if state.editor != nil { return handleEditor(key, state: &state, &context) }
        if state.searching { return handleSearch(key, state: &state) }
        if state.card != nil { return handleCard(key, state: &state, &context) }
        return handleList(key, state: &state, &context)
    }

    // MARK: List

    static func handleList(_ key: Key, state: inout CustomersState, _ context: inout ScreenContext) -> [CustomersEffect] {
        switch CustomersKeymap.list.action(for: key) {
        case .moveUp?: state.selected = max(0, state.selected - 1)
        case .moveDown?: state.selected = min(max(0, state.rows.count - 1), state.selected + 1)
        case .open?:
            guard let row = state.selectedRow else {
                context.inform("No customer matches. \(name(.add, in: CustomersKeymap.list)) adds one.")
                return []
            }
            return [.loadCard(customerID: row.customer.id)]
        case .search?:
            state.searching = true
            state.search.isFocused = true
        case .add?:
            state.editor = CustomerEditor(customer: nil)
        case .book?:
            guard let row = state.selectedRow else { return [] }
            book(row.customer, &context)
        default:
            break
        }
        return []
    }

    /// Every key typed re-runs the search; the answer for an older query is dropped.
    static func handleSearch(_ key: Key, state: inout CustomersState) -> [CustomersEffect] {
        switch CustomersKeymap.search.action(for: key) {
        case .accept?:
            state.searching = false
            state.search.isFocused = false
            return []
        case .close?:
            state.searching = false
            state.search.isFocused = false
            state.search.setValue("")
        case .clearField?:
            state.search.setValue("")
        default:
            guard state.search.handle(key) else { return [] }
        }
        return research(state: &state)
    }

    static func research(state: inout CustomersState) -> [CustomersEffect] {
        let query = state.search.value
        state.searched = query
        return [.search(query: query, limit: CustomersState.pageSize)]
    }

    // MARK: Card

    static func handleCard(_ key: Key, state: inout CustomersState, _ context: inout ScreenContext) -> [CustomersEffect] {
        guard let card = state.card else { return [] }
        switch CustomersKeymap.card.action(for: key) {
        case .back?:
            state.card = nil
            state.treatment = nil
        case .moveUp?: moveSession(by: -1, state: &state)
        case .moveDown?: moveSession(by: 1, state: &state)
        case .previousTreatment?: state.showTreatment(at: (state.treatmentIndex ?? 0) - 1)
        case .nextTreatment?: state.showTreatment(at: (state.treatmentIndex ?? -1) + 1)
        case .edit?: state.editor = CustomerEditor(customer: card.customer)
        case .book?: book(card.customer, &context)
        case .bookNext?:
            guard let open = state.treatment else {
                context.inform("No treatment yet. \(name(.book, in: CustomersKeymap.card)) books one.")
                return []
            }
            SessionDesk.bookNext(open.group, &context)
        case .reopen?:
            state.desk.askToReopen(state.currentTarget, &context)
        case let action? where action.sessionKey?.treatmentAction != nil:
            guard let open = state.treatment, let treatmentAction = action.sessionKey?.treatmentAction else {
                context.inform("No treatment to end or extend: this customer has none yet.")
                return []
            }
            state.desk.ask(treatmentAction, about: open.group, &context)
        case let action?:
            guard let sessionAction = action.sessionKey?.sessionAction else { return [] }
            guard let target = state.currentTarget else {
                context.inform("No session to act on: choose a treatment with ←/→ and a session with ↑/↓.")
                return []
            }
            state.desk.ask(sessionAction, about: target, &context)
        case nil:
            break
        }
        return []
    }

    static func moveSession(by step: Int, state: inout CustomersState) {
        guard var open = state.treatment, !open.sessions.isEmpty else { return }
        open.selected = max(0, min(open.sessions.count - 1, open.selected + step))
        state.treatment = open
    }

    static func book(_ customer: Customer, _ context: inout ScreenContext) {
        context.status = nil
        context.open(BookFlow(start: .forCustomer(customer), calendar: context.calendar, now: context.now))
    }

    // MARK: Editor

    static func handleEditor(_ key: Key, state: inout CustomersState, _ context: inout ScreenContext) -> [CustomersEffect] {
        guard var editor = state.editor else { return [] }
        defer { if state.editor != nil { state.editor = editor } }
        switch CustomersKeymap.editor.action(for: key) {
        case .cancel?:
            state.editor = nil
            context.inform("Nothing was saved.")
        case .save?:
            guard let effect = editor.save() else {
                context.fail("Some details need correcting: see the marked fields.")
                return []
            }
            return [effect]
        case .openMatch?:
            guard let match = editor.duplicates.first else { return [] }
            state.editor = nil
            return [.loadCard(customerID: match.id)]
        case nil:
            _ = editor.form.handle(key)
        }
        return []
    }

    // MARK: Answers

    static func receive(_ answer: CustomersAnswer, state: inout CustomersState, _ context: inout ScreenContext) -> [CustomersEffect] {
        switch answer {
        case let .found(query, result):
            guard query == state.searched else { return [] }
            switch result {
            case .failure(let failure): context.fail(failure.message)
            case .success(let rows):
                let previous = state.selectedRow?.customer.id
                state.rows = rows
                state.selected = previous.flatMap { id in rows.firstIndex { $0.customer.id == id } } ?? 0
            }
        case let .cardLoaded(id, result):
            switch result {
            case .failure(let failure): context.fail(failure.message)
            case .success(let card):
                let shown = state.card?.customer.id == id ? state.treatment : nil
                state.card = card
                if let shown, let index = card.treatments.firstIndex(where: { $0.id == shown.group.id }) {
                    state.treatment = OpenTreatment(group: card.treatments[index],
                                                    selected: min(shown.selected, max(0, card.treatments[index].sessions.count - 1)))
                } else {
                    state.showTreatment(at: 0)
                }
            }
        case .duplicates(let matches):
            state.editor?.warn(matches)
            context.fail("Already on file: \(matches.map(\.name).joined(separator: ", ")). Enter saves anyway, "
                + "\(CustomersKeymap.editor.binding(for: .openMatch)?.legendKey ?? "") opens the match.")
        case .saved(let result):
            switch result {
            case .failure(let failure):
                state.editor?.isSaving = false
                context.fail(failure.message)
            case .success(let customer):
                let added = state.editor?.customerID == nil
                state.editor = nil
                context.succeed(added ? "Added \(customer.name)." : "Saved \(customer.name)'s details.")
                context.dataChanged()
                return [.loadCard(customerID: customer.id)] + research(state: &state)
            }
        case let .sessionChanged(command, result):
            guard state.desk.receive(command, result, &context) else { return [] }
            context.dataChanged()
            return refresh(state: &state)
        }
        return []
    }

    /// Reads again what is shown (after a change here, in another screen or on another terminal).
    static func refresh(state: inout CustomersState) -> [CustomersEffect] {
        (state.card.map { [.loadCard(customerID: $0.customer.id)] } ?? []) + research(state: &state)
    }

    static func name<A>(_ action: A, in keymap: Keymap<A>) -> String { keymap.binding(for: action)?.legendKey ?? "" }
}
