import Foundation
import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Runs the session desk's commands against the store, for whichever screen hosts the desk.
public struct SessionCommandRunner: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Runs one command in its own transaction; a refusal comes back as what the screens show.
    public func run(_ command: SessionCommand) -> Result<SessionChangeResult, AppFailure> {
        StoreAttempt.run { () throws(StoreError) in try perform(command) }
    }

    private func perform(_ command: SessionCommand) throws(StoreError) -> SessionChangeResult {
        switch command {
        case .complete(let id):
            // The screen asked first, naming the date of a session that has not started.
            return .completed(try database.complete(bookingID: id, early: true))
        case let .cancel(id, confirmed):
            return .bookings([try database.cancel(bookingID: id, confirmedShortNotice: confirmed)])
        case .noShow(let id):
            return .bookings([try database.markNoShow(bookingID: id)])
        case let .reschedule(id, start, shiftLater, confirmed, late, proposal):
            return .bookings(try database.reschedule(bookingID: id, to: start, shiftLater: shiftLater, confirmedShortNotice: confirmed,
                                                     confirmedLate: late, acceptProposal: proposal))
        case .reopen(let id):
            return .bookings([try database.reopen(bookingID: id).booking])
        case let .endTreatment(groupID, reason):
            _ = try database.endTreatment(groupID: groupID, reason: reason)
            return .treatment(try database.group(id: groupID))
        case let .extendPackage(groupID, until):
            return .treatment(try database.extendPackage(groupID: groupID, until: until))
        case let .setNotes(id, notes):
            return .bookings([try database.setNotes(bookingID: id, notes: notes)])
        case let .bookNext(customerID, serviceID, groupID, start, late):
            return .bookings(try database.bookSessions(customerID: customerID, serviceID: serviceID, starts: [start],
                                                       groupID: groupID, confirmedLate: late).bookings)
        }
    }
}

/// A store call as the screens see its outcome: the value, or the failure worded for staff.
enum StoreAttempt {
    static func run<T>(_ body: () throws(StoreError) -> T) -> Result<T, AppFailure> {
        do {
            return .success(try body())
        } catch {
            if let refusal = error.deskRefusal { return .failure(AppFailure(refusal: refusal)) }
            return .failure(AppFailure(message: error.description))
        }
    }
}
