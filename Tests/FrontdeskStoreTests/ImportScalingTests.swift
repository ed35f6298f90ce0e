import Foundation
@testable import FrontdeskStore
import FrontdeskTestSupport
import GRDB
import Testing

/// Importing services costs the same per service however many there are: the number of SQL
/// statements grows linearly (200,000 services once ran for minutes; a file is now at most 1 MB).
@Suite struct ImportScalingTests {
    static func file(services count: Int, from start: Int = 0) -> String {
        "[" + (start..<(start + count)).map { index in
            #"{"name": "Service \#(index)", "requires_multiple_sessions": true, "total_sessions_required": 3, "multi_session_strategy": "immediate", "session_buffer_config": {"default_days": 7}, "trigger_words": ["s\#(index)"]}"#
        }.joined(separator: ",\n") + "]"
    }

    /// Statements the import runs on the writer connection.
    static func statements(importing count: Int, into t: TemporaryDatabase, from start: Int = 0) throws -> Int {
        let counter = StatementCounter()
        try t.database.writer.writeWithoutTransaction { db in db.trace { _ in counter.add() } }
        defer { try? t.database.writer.writeWithoutTransaction { db in db.trace(options: [], nil) } }
        try t.database.importServices(json: file(services: count, from: start))
        return counter.value
    }

    @Test func importingServicesRunsAFixedNumberOfStatementsPerService() throws {
        let small = try TemporaryDatabase()
        let few = try Self.statements(importing: 100, into: small)
        let large = try TemporaryDatabase()
        // Already holding 1,000 services must not make each new one dearer either.
        _ = try Self.statements(importing: 1_000, into: large, from: 10_000)
        let many = try Self.statements(importing: 400, into: large)
        #expect(many <= 4 * few + 20, "100 services: \(few) statements; 400 more into 1,000: \(many)")
        #expect(try large.database.services().count == 1_400)
    }
}

final class StatementCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
