import Foundation
import FrontdeskStore

/// Watches the open database for faults the application must show: the file deleted or replaced
/// (checked on every tick, cheap: one `stat`) and SQLite's quick check, run once in the background
/// after start because it reads the whole file.
final class DatabaseHealth: @unchecked Sendable {
    struct Fault: Equatable {
        var notice: String
        var message: String
    }

    private let lock = NSLock()
    private var quickCheckAnswer: String?

    func startQuickCheck(_ database: AppDatabase) {
        Thread.detachNewThread { [self] in
            let answer: String
            do { answer = try database.quickCheck() } catch { answer = "\(error)" }
            record(quickCheck: answer)
        }
    }

    /// Stores the quick check's answer for the next tick.
    func record(quickCheck answer: String) {
        lock.lock()
        quickCheckAnswer = answer
        lock.unlock()
    }

    /// The quick check's answer once it has finished ("ok" when healthy).
    var quickCheck: String? {
        lock.lock()
        defer { lock.unlock() }
        return quickCheckAnswer
    }

    func fault(of database: AppDatabase) -> Fault? {
        do { try database.checkFileInPlace() } catch {
            return Fault(notice: "read-only: file replaced", message: error.description)
        }
        if let answer = quickCheck, answer != "ok" {
            let first = answer.split(separator: "\n").first.map(String.init) ?? answer
            return Fault(notice: "damaged: run frontdesk doctor",
                         message: "The database failed SQLite's quick check (\(first)). Run `frontdesk doctor`, then `frontdesk restore BACKUP`.")
        }
        return nil
    }
}
