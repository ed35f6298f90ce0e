import Foundation
import FrontdeskCore
import GRDB

extension AppDatabase {
    func queueConfirmation(_ db: Database, group: SessionGroup?, booked: [Booking]) throws {}
}
extension AppDatabase {
    func queueCompletionFollowUps(_ db: Database, group: SessionGroup, completed: Booking, window: SessionWindow?) throws {}
}
