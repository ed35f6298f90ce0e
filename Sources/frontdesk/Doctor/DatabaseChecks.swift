import Foundation
import FrontdeskStore

/// The database's checks: the file and its permissions, the schema version, SQLite's integrity
/// check and the foreign keys. All read-only, and all work on a file `open` would refuse.
enum DatabaseChecks {
    static let all: [DoctorCheck] = [
        DoctorCheck(name: "file", run: file),
        DoctorCheck(name: "permissions", run: permissions),
        DoctorCheck(name: "schema", run: schema),
        DoctorCheck(name: "integrity", run: integrity),
        DoctorCheck(name: "foreign keys", run: foreignKeys),
        DoctorCheck(name: "dashboard counters", run: dashboardCounters),
    ]

    static let restoreAdvice = "Put back your latest backup with `frontdesk restore BACKUP` (the damaged file is kept beside it)."

    /// The remaining database checks only make sense on a readable regular file.
    static func usable(_ context: DoctorContext) -> Bool {
        let facts = DatabaseDiagnosis.fileFacts(path: context.databasePath)
        return facts.exists && facts.isRegularFile && facts.readable && facts.size > 0
    }

    static func file(_ context: DoctorContext) -> [DoctorFinding] {
        let facts = DatabaseDiagnosis.fileFacts(path: context.databasePath)
        if !facts.exists {
            return [.problem("there is no database at this path", "Create one with `frontdesk init`, or pass --db with the clinic's file.")]
        }
        if !facts.isRegularFile { return [.problem("the path is a folder or a device", "Pass --db with the database file itself.")] }
        if !facts.readable {
            return [.problem("this account cannot read the file", "Ask for read permission, or membership of the file's group.")]
        }
        if facts.size == 0 { return [.problem("the file is empty", "Restore a backup with `frontdesk restore BACKUP`, or create a database with `frontdesk init`.")] }
        return [.ok("\(facts.size / 1024) KB, readable")]
    }

    static func permissions(_ context: DoctorContext) -> [DoctorFinding] {
        let facts = DatabaseDiagnosis.fileFacts(path: context.databasePath)
        guard facts.exists, facts.isRegularFile else { return [] }
        var findings: [DoctorFinding] = []
        let mode = String(facts.mode, radix: 8)
        if facts.mode & 0o004 != 0 {
            findings.append(.warning("every account on this machine can read the file (mode \(mode)): customers' names and phone numbers",
                                     "chmod o-rwx on the database; share it through a group instead (README: Several terminals)."))
        }
        if !facts.writable || !facts.folderWritable {
            findings.append(.warning("this account cannot write the \(facts.writable ? "folder" : "file") (mode \(mode)), so Frontdesk opens it read-only",
                                     "For changes, ask for write permission on the file and its folder (group-owned, setgid folder, mode 0660)."))
        } else if facts.mode & 0o060 == 0o060 && !facts.folderSetGroupID {
            findings.append(.warning("the file is shared with its group, but its folder does not pass the group on (no setgid)",
                                     "chmod g+s on the folder, so SQLite's -wal and -shm files get the same group."))
        }
        if findings.isEmpty { findings.append(.ok("mode \(mode), readable and writable by this account")) }
        return findings
    }

    static func schema(_ context: DoctorContext) -> [DoctorFinding] {
        guard usable(context) else { return [] }
        do {
            switch try DatabaseDiagnosis.schema(path: context.databasePath) {
            case let .upToDate(count):
                return [.ok("up to date (\(count) migrations)")]
            case let .needsMigration(pending):
                return [.warning("\(pending.count) update(s) not applied yet: \(pending.joined(separator: ", "))",
                                 "Open it once with an account that can write it; Frontdesk applies them.")]
            case let .newer(unknown):
                return [.problem("written by a newer Frontdesk (schema \(unknown.joined(separator: ", ")))", "Install that newer version of Frontdesk.")]
            case let .notFrontdesk(reason):
                return [.problem("not a Frontdesk database (\(reason))", "Pass --db with the clinic's database.")]
            }
        } catch {
            return [finding(for: error)]
        }
    }

    static func integrity(_ context: DoctorContext) -> [DoctorFinding] {
        guard usable(context) else { return [] }
        do {
            let lines = try DatabaseDiagnosis.integrity(path: context.databasePath)
            if lines == ["ok"] { return [.ok("SQLite's integrity check passed")] }
            return [.problem("SQLite's integrity check failed: " + lines.prefix(5).joined(separator: "; "), restoreAdvice)]
        } catch {
            return [finding(for: error)]
        }
    }

    static func foreignKeys(_ context: DoctorContext) -> [DoctorFinding] {
        guard usable(context) else { return [] }
        do {
            let lines = try DatabaseDiagnosis.foreignKeys(path: context.databasePath)
            if lines.isEmpty { return [.ok("every reference points to an existing row")] }
            return [.problem("\(lines.count) reference(s) point nowhere: " + lines.prefix(5).joined(separator: "; "), restoreAdvice)]
        } catch {
            return [finding(for: error)]
        }
    }

    /// The counters the Dashboard and `kpi` read, against a recount (what `kpi --verify` does).
    static func dashboardCounters(_ context: DoctorContext) -> [DoctorFinding] {
        guard usable(context) else { return [] }
        do {
            guard let differences = try DatabaseDiagnosis.kpiCounterDifferences(path: context.databasePath) else { return [] }
            if differences.isEmpty { return [.ok("the Dashboard's figures match a recount of the bookings and treatments")] }
            return [.problem("\(differences.count) Dashboard counter row(s) differ from a recount: "
                             + differences.prefix(3).map(\.description).joined(separator: "; "),
                             "`frontdesk kpi --rebuild` replaces the counters with a recount (nothing else changes).")]
        } catch {
            return [finding(for: error)]
        }
    }

    static func finding(for error: StoreError) -> DoctorFinding {
        switch error {
        case .corrupt: return .problem("SQLite reports the file as damaged or not a database", restoreAdvice)
        case .unreadable: return .problem("this account cannot read the file", "Ask for read permission.")
        default: return .problem(error.description, restoreAdvice)
        }
    }
}
