import FrontdeskApp
import FrontdeskCore
import FrontdeskStore

/// Performs the booking flow's effects against the store.
public struct BookEffectRunner: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func perform(_ effect: BookEffect) -> BookEvent {
        .placeholder
    }
}
