import Foundation
import GRDB

extension AppDatabase {
    /// Writes a consistent copy with `VACUUM INTO` (never by copying the file, which could catch a half-written page).
    public func backup(to destination: String) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw .invalid(field: "Backup", reason: "\(destination) exists already. Choose a new file name; nothing was overwritten.")
        }
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [destination]) }
        } catch {
            throw .cannotOpen(path: destination, reason: "the backup could not be written (\(error))")
        }
    }
}
