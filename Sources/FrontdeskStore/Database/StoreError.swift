import Foundation
import FrontdeskCore

/// Everything the store refuses or fails at. Refusals are typed (`refused`) and each reader words
/// them; `description` is the plain wording of faults and input errors shared by the command line
/// and the screens: it may name a command staff run from a shell (`frontdesk doctor`), never an
/// option of the command that failed (the command line adds those hints itself).
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case missing(path: String)
    case readOnly(path: String)
    case corrupt(path: String)
    /// Nothing of `kind` matches `key`, the text staff typed (or the number asked for).
    case notFound(RecordKind, key: String)
    /// Several records of `kind` match `key`; the first of them, to choose from.
    case ambiguous(RecordKind, key: String, candidates: [RecordMatch])
    /// Input the rules refuse, typed; the command line adds which option to fix.
    case invalid(InputProblem)
    /// What the rules refuse, typed; the command line and the screens word it for their reader.
    case refused(DeskRefusal)
    case timeZoneUnknown(String)
    case busy(path: String)
    /// The file exists but is not a Frontdesk database (another program's, empty, a folder); it was not touched.
    case notFrontdesk(path: String, reason: String)
    /// The database carries migrations this version does not know: a newer Frontdesk wrote it.
    case newerSchema(path: String, unknown: [String])
    /// This account may not read the file at all (as opposed to read but not write).
    case unreadable(path: String)
    /// The disk (or the quota) is full.
    case diskFull(path: String)
    /// Another process held the setup lock for longer than Frontdesk waits.
    case setupLockTimeout(path: String, seconds: Int)
    /// The file at the path is no longer the one this process opened (deleted, moved or replaced).
    case fileReplaced(path: String)
    /// Another process has the database open, so it cannot be replaced now.
    case inUse(path: String)
    /// A shared database was asked for with a group this system does not have.
    case noSuchGroup(String)
    /// Demo data goes only into a new, empty database; this one holds data.
    case holdsData(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "Cannot open the database \(path): \(reason)."
        case let .missing(path):
            return "There is no database at \(path) yet."
        case let .readOnly(path):
            return "The database \(path) is read-only, so nothing can be saved. Ask for write permission on the file and its folder, or copy it elsewhere."
        case let .corrupt(path):
            return "The database \(path) is damaged (SQLite reports it as corrupt or not a database). Run `frontdesk doctor` to see what is wrong, then `frontdesk restore BACKUP` to put back your latest backup; nothing was changed."
        case let .notFound(kind, key):
            return "No \(kind.noun) matches “\(TextLimits.quote(key))”. Check the spelling."
        case let .ambiguous(kind, key, candidates):
            let shown = candidates.prefix(5).map { "\(TextLimits.quote($0.name)) (#\($0.id))" }.joined(separator: ", ")
            return "“\(TextLimits.quote(key))” matches several \(kind.plural) (\(shown)). Give more of the name, or the number."
        case let .invalid(problem):
            return problem.sentence
        case let .refused(refusal):
            // Both readers word every refusal themselves (the command line's RefusalText, the
            // screens' RefusalWording); this plain form names neither options nor keys.
            return (RefusalFacts.sentences(refusal) + ["Nothing was saved."]).joined(separator: " ")
        case let .timeZoneUnknown(zone):
            return "Unknown time zone “\(zone)”. Use an IANA name such as Europe/Zurich or America/New_York."
        case let .notFrontdesk(path, reason):
            return "\(path) is not a Frontdesk database (\(reason)); it was left untouched."
        case let .newerSchema(path, unknown):
            let names = unknown.prefix(3).joined(separator: ", ") + (unknown.count > 3 ? ", …" : "")
            return "The database \(path) was written by a newer Frontdesk (schema \(names)); this version cannot use it and changed nothing. Install that newer version."
        case let .unreadable(path):
            return "The database \(path) cannot be read by this account. Ask whoever manages it for read permission (or membership of its group)."
        case let .diskFull(path):
            return "The disk holding \(path) is full, so nothing could be saved. Free some space (or raise the quota) and try again; nothing was changed."
        case let .setupLockTimeout(path, seconds):
            return "Another Frontdesk kept \(path) locked while setting it up for more than \(seconds) s. Wait until it finishes (or stop it), then try again."
        case let .fileReplaced(path):
            return "The database file \(path) was deleted, moved or replaced while Frontdesk had it open, so nothing more is saved: writing now would go to a file nobody can see. Restart Frontdesk (it opens whatever is at that path now); check with `frontdesk doctor`."
        case let .inUse(path):
            return "Another Frontdesk (or another program) has \(path) open, so it cannot be replaced now. Close the other windows and terminals using it, then try again."
        case let .noSuchGroup(group):
            return "There is no group called \(group). Create it (groupadd \(group)) and add the staff accounts to it (usermod -aG \(group) NAME)."
        case let .holdsData(path):
            return "\(path) already holds data, so no demo data was added; nothing was changed. Use a new file."
        case let .busy(path):
            return "The database \(path) stayed locked by another terminal for too long. Try again in a moment."
        }
    }

    /// True for an empty file or an empty SQLite database: what a file being created looks like.
    var isEmptyDatabase: Bool {
        guard case let .notFrontdesk(_, reason) = self else { return false }
        return reason == AppDatabase.emptyFileReason || reason == AppDatabase.emptyDatabaseReason
    }
}

extension StoreError {
    /// The typed refusal each reader words itself; nil for faults and input errors, shown as they are.
    public var deskRefusal: DeskRefusal? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }
}
