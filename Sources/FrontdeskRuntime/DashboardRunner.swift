import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Performs the Dashboard's effects against the store: the figures from the maintained counters
/// (one read), the lists behind the tiles, a treatment, and the session dialogs' commands.
public struct DashboardRunner: ScreenRunner {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func perform(_ effect: DashboardEffect) -> DashboardAnswer? {
        switch effect {
        case .loadFigures(let query):
            return .figuresLoaded(query, StoreAttempt.run { () throws(StoreError) in try database.dashboard(query) })
        case .loadChoices:
            return .choicesLoaded(providers: (try? database.providers()) ?? [], services: (try? database.services()) ?? [])
        case let .loadList(list, query):
            return .listLoaded(list, query, StoreAttempt.run { () throws(StoreError) in
                try database.dashboardList(list, query: query, limit: DashboardListState.limit)
            })
        case .loadGroup(let request):
            return .groupLoaded(request, StoreAttempt.run { () throws(StoreError) in try database.group(id: request.groupID) })
        case .run(let command):
            return .sessionChanged(command, SessionCommandRunner(database: database).run(command))
        }
    }
}
