import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Performs the Bookings screen's effects against the store: each is one short transaction on the
/// local SQLite file.
public struct BookingsRunner: ScreenRunner {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// The answer to one effect.
    public func perform(_ effect: BookingsEffect) -> BookingsAnswer? {
        switch effect {
        case .loadTreatments(let request):
            return .treatmentsLoaded(request, attempt { () throws(StoreError) in
                try database.treatments(filter: request.filter, from: request.cursor,
                                        direction: request.backward ? .backward : .forward, limit: request.limit)
            })
        case .loadGroup(let request):
            return .groupLoaded(request, attempt { () throws(StoreError) in try database.group(id: request.groupID) })
        case .loadAgenda(let request):
            return .agendaLoaded(request, attempt { () throws(StoreError) in
                try database.agenda(day: request.firstDay, days: request.days, filter: request.filter, limit: request.limit)
            })
        case .loadProviders:
            return .providersLoaded((try? database.providers()) ?? [])
        case .run(let command):
            return .sessionChanged(command, SessionCommandRunner(database: database).run(command))
        }
    }

    private func attempt<T>(_ body: () throws(StoreError) -> T) -> Result<T, AppFailure> { StoreAttempt.run(body) }
}
