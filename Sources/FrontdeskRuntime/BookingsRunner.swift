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
            return .sessionChanged(command, attempt { () throws(StoreError) in try run(command) })
        }
    }

    private func run(_ command: SessionCommand) throws(StoreError) -> SessionChangeResult {
        switch command {
        case .complete(let id):
            return .completed(try database.complete(bookingID: id))
        case let .cancel(id, confirmed):
            return .bookings([try database.cancel(bookingID: id, confirmedShortNotice: confirmed)])
        case .noShow(let id):
            return .bookings([try database.markNoShow(bookingID: id)])
        case let .reschedule(id, start, shiftLater, confirmed):
            return .bookings(try database.reschedule(bookingID: id, to: start, shiftLater: shiftLater, confirmedShortNotice: confirmed))
        case let .setNotes(id, notes):
            return .bookings([try database.setNotes(bookingID: id, notes: notes)])
        case let .bookNext(customerID, serviceID, groupID, start):
            return .bookings(try database.bookSessions(customerID: customerID, serviceID: serviceID, starts: [start],
                                                       groupID: groupID).bookings)
        }
    }

    /// Runs a store call, turning its error into what the screens show.
    private func attempt<T>(_ body: () throws(StoreError) -> T) -> Result<T, AppFailure> {
        do {
            return .success(try body())
        } catch {
            if case .shortNotice = error {
                return .failure(AppFailure(message: error.description, needsShortNoticeConfirmation: true))
            }
            return .failure(AppFailure(message: error.description))
        }
    }
}
