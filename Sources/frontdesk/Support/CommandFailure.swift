import ArgumentParser
import FrontdeskCore
import FrontdeskStore

/// A failure to report on standard error with the exit code of SPEC §6: 1 failure, 2 invalid input.
struct CommandFailure: Error {
    var message: String
    var code: Int32

    static func invalid(_ message: String) -> CommandFailure { CommandFailure(message: message, code: 2) }
    static func failed(_ message: String) -> CommandFailure { CommandFailure(message: message, code: 1) }

    init(message: String, code: Int32) {
        self.message = message
        self.code = code
    }

    init(_ error: StoreError) {
        switch error {
        case .invalid, .notFound, .ambiguous, .timeZoneUnknown, .refused(.inThePast), .refused(.shortNotice), .noSuchGroup, .holdsData:
            self.init(message: RefusalText.message(error), code: 2)
        default:
            self.init(message: RefusalText.message(error), code: 1)
        }
    }
}

/// Runs a store call, turning its typed error into a command failure.
func store<T>(_ body: () throws(StoreError) -> T) throws(CommandFailure) -> T {
    do { return try body() } catch { throw CommandFailure(error) }
}
