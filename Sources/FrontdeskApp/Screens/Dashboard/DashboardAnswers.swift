import Foundation
import FrontdeskCore
import TerminalUI

/// What the Dashboard does with the answers to its effects.
extension Dashboard {
    static func receive(_ answer: DashboardAnswer, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        switch answer {
        case let .figuresLoaded(query, result):
            // An answer for a period or filter that was changed meanwhile is not shown.
            guard query == state.query else { return [] }
            state.isLoading = false
            switch result {
            case .success(let report): state.report = report
            case .failure(let failure): context.fail(failure.message)
            }
            return []
        case let .choicesLoaded(providers, services):
            state.providers = providers
            state.services = services
            return []
        case let .listLoaded(kind, query, result):
            guard var list = state.list, list.kind == kind, query == state.query else { return [] }
            switch result {
            case .success(let rows):
                let previous = list.selectedKey
                list.rows = rows
                list.selected = previous.flatMap { list.keys.firstIndex(of: $0) } ?? min(list.selected, max(0, list.count - 1))
            case .failure(let failure):
                if list.rows == nil { list.rows = .treatments([]) }
                context.fail(failure.message)
            }
            state.list = list
            return []
        case let .groupLoaded(request, result):
            return groupLoaded(request, result, &state, &context)
        case let .sessionChanged(command, result):
            guard state.desk.receive(command, result, &context) else { return [] }
            return refresh(&state)
        }
    }

    private static func groupLoaded(_ request: DashboardGroupRequest, _ result: Result<SessionGroup, AppFailure>,
                                    _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        let group: SessionGroup
        switch result {
        case .failure(let failure):
            context.fail(failure.message)
            return []
        case .success(let loaded):
            group = loaded
        }
        guard state.list != nil else { return [] }
        switch request.purpose {
        case .refresh:
            guard var open = state.open, open.group.id == group.id else { return [] }
            open.group = group
            open.selected = min(open.selected, max(0, group.sessions.count - 1))
            state.open = open
        case .open:
            state.open = OpenTreatment(group: group, selected: OpenTreatment.defaultSelection(group))
            state.focus = .treatment
        case .openThen(let key):
            state.open = OpenTreatment(group: group, selected: OpenTreatment.defaultSelection(group))
            state.focus = .treatment
            if key != .bookNext, key != .notes, key != .reopen, key.treatmentAction == nil,
               state.open?.selectedSession?.status != .confirmed {
                context.inform("Nothing booked to act on in this treatment. Press \(SessionKeys.name(.bookNext)) to book the next session.")
                return []
            }
            act(key, &state, &context)
        }
        return []
    }

    /// The booking flow opened from here closed: say how, and read the figures again.
    static func bookingFinished(_ outcome: ScreenOutcome, _ state: inout DashboardState, _ context: inout ScreenContext) -> [DashboardEffect] {
        switch outcome {
        case .abandoned: context.inform("Nothing was booked.")
        case let .booked(_, _, message): context.succeed(message)
        }
        return refresh(&state)
    }
}
