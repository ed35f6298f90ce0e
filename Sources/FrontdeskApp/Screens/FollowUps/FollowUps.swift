import Foundation
import FrontdeskCore
import TerminalUI

/// The Follow-ups screen's update functions.
enum FollowUps {
    static func handle(_ key: Key, state: inout FollowUpsState, _ context: inout ScreenContext) -> [FollowUpsEffect] {
        if state.callNote != nil { return handleNote(key, state: &state, &context) }
        guard let action = FollowUpsKeymap.queue.action(for: key) else { return [] }
        switch action {
        case .moveUp: state.selected = max(0, state.selected - 1)
        case .moveDown:
            state.selected = min(max(0, state.entries.count - 1), state.selected + 1)
            return nextPageIfNeeded(state: &state)
        case .filter:
            let kinds: [FollowUpKind?] = [nil] + FollowUpKind.allCases
            let index = kinds.firstIndex(of: state.kind) ?? 0
            state.kind = kinds[(index + 1) % kinds.count]
            state.selected = 0
            context.inform(state.kind.map { "Only \($0.title.lowercased()) follow-ups." } ?? "Every kind of follow-up.")
            return load(state: &state)
        case .allKinds:
            state.kind = nil
            state.selected = 0
            return load(state: &state)
        case .reload:
            return load(state: &state)
        case .send, .called, .dismiss, .openCustomer, .bookNext:
            guard let entry = state.selectedEntry else {
                context.inform("Nothing is due. Follow-ups appear here as bookings are made and changed.")
                return []
            }
            return act(action, on: entry.followUp, state: &state, &context)
        case .moveUp, .moveDown:
            break
        }
        return []
    }

    static func act(_ action: FollowUpsAction, on followUp: FollowUp, state: inout FollowUpsState,
                    _ context: inout ScreenContext) -> [FollowUpsEffect] {
        switch action {
        case .called:
            state.callNote = CallNote(followUpID: followUp.id)
        case .send where !state.busy:
            state.busy = true
            context.inform("Sending to \(followUp.customerName)…")
            return [.send(id: followUp.id)]
        case .dismiss where !state.busy:
            state.busy = true
            return [.dismiss(id: followUp.id)]
        case .openCustomer:
            context.show(CustomersScreen.tab, with: .customer(id: followUp.customerID))
        case .bookNext:
            guard let groupID = followUp.groupID else {
                context.inform("This follow-up is not about a treatment: book from the customer's card (Enter).")
                return []
            }
            return [.loadTreatment(groupID: groupID)]
        default:
            break
        }
        return []
    }

    static func handleNote(_ key: Key, state: inout FollowUpsState, _ context: inout ScreenContext) -> [FollowUpsEffect] {
        guard var note = state.callNote else { return [] }
        switch FollowUpsKeymap.note.action(for: key) {
        case .accept?:
            state.callNote = nil
            state.busy = true
            return [.markCalled(id: note.followUpID, note: note.field.value)]
        case .close?:
            state.callNote = nil
            context.inform("Left pending.")
        default:
            _ = note.field.handle(key)
            state.callNote = note
        }
        return []
    }

    /// Reads the queue again, as many entries of each kind as are shown (the first page at first).
    static func load(state: inout FollowUpsState) -> [FollowUpsEffect] {
        [.load(kind: state.kind, loaded: state.kind == nil ? state.loadedCounts : state.loadedCounts.filter { $0.key == state.kind })]
    }

    /// The next page of the selected entry's kind when the selection nears the end of what is
    /// loaded of it and more are pending.
    static func nextPageIfNeeded(state: inout FollowUpsState) -> [FollowUpsEffect] {
        guard let groups = state.queue?.groups else { return [] }
        var start = 0
        for group in groups {
            defer { start += group.entries.count }
            guard state.selected < start + group.entries.count else { continue }
            guard group.notLoaded > 0, !state.loadingMore.contains(group.kind), let last = group.entries.last,
                  state.selected >= start + group.entries.count - FollowUpsState.prefetchMargin else { return [] }
            state.loadingMore.insert(group.kind)
            return [.loadMore(kind: group.kind, after: FollowUpQueueCursor(after: last))]
        }
        return []
    }

    static func receive(_ answer: FollowUpsAnswer, state: inout FollowUpsState, _ context: inout ScreenContext) -> [FollowUpsEffect] {
        switch answer {
        case let .moreLoaded(kind, after, result):
            state.loadingMore.remove(kind)
            guard var queue = state.queue, let index = queue.groups.firstIndex(where: { $0.kind == kind }),
                  let last = queue.groups[index].entries.last, FollowUpQueueCursor(after: last) == after else { return [] }
            switch result {
            case .failure(let failure): context.fail(failure.message)
            case .success(let page):
                let known = Set(queue.groups[index].entries.map(\.followUp.id))
                queue.groups[index].entries += page.filter { !known.contains($0.followUp.id) }
                if page.isEmpty {
                    // Fewer than counted (sent or called meanwhile): the count follows what is there.
                    queue.groups[index].total = queue.groups[index].entries.count
                }
                state.queue = queue
            }
            return []
        case let .loaded(kind, result):
            guard kind == state.kind else { return [] }
            state.loadingMore = []
            switch result {
            case .failure(let failure): context.fail(failure.message)
            case .success(let queue):
                let previous = state.selectedEntry?.followUp.id
                state.queue = queue
                let entries = state.entries
                state.selected = previous.flatMap { id in entries.firstIndex { $0.followUp.id == id } }
                    ?? min(state.selected, max(0, entries.count - 1))
            }
            return []
        case let .sent(_, result):
            state.busy = false
            switch result {
            case .failure(let failure): context.fail(failure.message)
            case .success(let message): context.succeed(message)
            }
        case let .marked(_, result):
            state.busy = false
            switch result {
            case .failure(let failure): context.fail(failure.message)
            case .success(let followUp):
                context.succeed("\(followUp.status == .called ? "Marked called" : "Dismissed"): \(followUp.kind.title.lowercased()) for \(followUp.customerName).")
            }
        case .treatmentLoaded(let result):
            switch result {
            case .failure(let failure): context.fail(failure.message)
            case .success(let group): SessionDesk.bookNext(group, &context)
            }
            return []
        }
        context.dataChanged()
        return load(state: &state)
    }
}
