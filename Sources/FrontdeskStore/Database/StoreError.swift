import Foundation
import FrontdeskCore

/// Everything the store refuses or fails at, worded for the person at the desk: what, why, what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case missing(path: String)
    case readOnly(path: String)
    case corrupt(path: String)
    case notFound(what: String, key: String)
    case ambiguous(what: String, key: String, candidates: [String])
    case invalid(field: String, reason: String)
    case slotTaken(provider: String, start: String?, end: String?, holder: String?)
    case conflicts([String])
    case planChanged([String])
    case notBookable(reason: String)
    /// An operation other than booking that the rules refuse; the text is complete.
    case refused(String)
    case previousNotCompleted(group: String, session: Int)
    case packageFull(remaining: Int, requested: Int)
    /// `group` is the package, for the command that extends it.
    case packageExpired(expiredOn: String, group: String)
    case groupClosed(state: String)
    case wrongStatus(bookingID: Int64, status: String, action: String)
    case timeZoneUnknown(String)
    case busy(path: String)
    case shortNotice(action: String, start: String)
    case inThePast(start: String)
    /// A customer with the same name or phone exists; `matches` names them ("Zoe Meier (#12, +41 79 963 78 17)").
    case duplicateCustomer(matches: [String])
    /// The customer already has an active package of this flexible service.
    case secondPackage(service: String, existing: String)
    /// Completing a session that starts more than an hour from now, without saying it is on purpose.
    case completedTooEarly(session: String, start: String, distance: String)
    /// Undoing an outcome whose time (or session number) another booking holds now.
    case reopenBlocked(session: String, start: String, holder: String)
    /// Booking a missed session again would break the gap to later sessions, which could move along.
    case laterSessionsInTheWay(problem: String, moves: [String])
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
    /// The placement rule refuses these sessions where they were asked for (gaps, availability,
    /// the past, the booking horizon).
    case placementRefused(PlacementRefusal)
    /// Only the maximum gap is exceeded: confirming (`--late`) books it.
    case lateConfirmationNeeded(PlacementRefusal)
    /// Shifting the later sessions by the same amount does not fit; this plan does, once confirmed.
    case shiftProposed(provider: String, ShiftPlan, calendar: ClinicCalendar)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "Cannot open the database \(path): \(reason)."
        case let .missing(path):
            return "There is no database at \(path) yet. Create one with `frontdesk init` (or `frontdesk demo` for a demo clinic), or pass --db with an existing file."
        case let .readOnly(path):
            return "The database \(path) is read-only, so nothing can be saved. Ask for write permission on the file and its folder, or copy it elsewhere."
        case let .corrupt(path):
            return "The database \(path) is damaged (SQLite reports it as corrupt or not a database). Run `frontdesk doctor` to see what is wrong, then `frontdesk restore BACKUP` to put back your latest backup; nothing was changed."
        case let .notFound(what, key):
            return "No \(what) matches “\(TextLimits.quote(key))”. Check the spelling."
        case let .ambiguous(what, key, candidates):
            let shown = candidates.prefix(5).joined(separator: ", ")
            return "“\(TextLimits.quote(key))” matches several \(what)s (\(shown)). Give more of the name, or the number."
        case let .invalid(field, reason):
            return "\(field): \(reason)"
        case let .slotTaken(provider, start, end, holder):
            let who = holder.map { " (\($0))" } ?? ""
            let when = start.map { " \($0)" + (end.map { "–\($0)" } ?? "") } ?? " at that time (another terminal booked it a moment ago)"
            return "Slot taken: \(provider) is already booked\(when)\(who). Pick another time; nothing was saved."
        case let .conflicts(lines):
            return "The plan does not fit as requested; nothing was saved:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
        case let .planChanged(lines):
            return "The plan changed since it was shown (another terminal booked a slot); nothing was saved:\n"
                + lines.map { "  " + $0 }.joined(separator: "\n")
        case let .refused(text):
            return text
        case let .notBookable(reason):
            return "Cannot book: \(reason)"
        case let .previousNotCompleted(group, session):
            return "Session \(session) of treatment \(group) is not completed yet. Sequential treatments book the next session only after the previous one is marked completed."
        case let .packageFull(remaining, requested):
            return "Only \(remaining) session\(remaining == 1 ? "" : "s") remain in this package, but \(requested) were requested. Book at most \(remaining), or sell a new package."
        case let .packageExpired(date, group):
            return "This package expired on \(date) and takes no new bookings. A manager can extend it first: `frontdesk extend \(group) --until DAY` (or the treatment's extend key in the application)."
        case let .groupClosed(state):
            return "This treatment is \(state) and takes no new bookings."
        case let .wrongStatus(id, status, action):
            return "Booking \(id) is \(status.replacingOccurrences(of: "_", with: "-")), so it cannot be \(action)."
        case let .timeZoneUnknown(zone):
            return "Unknown time zone “\(zone)”. Use an IANA name such as Europe/Zurich or America/New_York."
        case let .shortNotice(action, start):
            return "The session on \(start) is less than 48 hours away. Confirm that you want to \(action) it at short notice (--confirm-late on the command line)."
        case let .inThePast(start):
            return "\(start) is in the past. Choose a future date and time."
        case let .duplicateCustomer(matches):
            return "A customer with the same name or phone exists already: \(matches.prefix(5).joined(separator: "; ")). Use that customer, or add anyway (--allow-duplicate on the command line)."
        case let .secondPackage(service, existing):
            return "This customer already has an active \(service) package (\(existing)). Book into it, or confirm a second package (--allow-second on the command line)."
        case let .completedTooEarly(session, start, distance):
            return "\(session) starts \(start), \(distance), so it has not taken place yet and was not marked completed. If it really took place early, say so (--early on the command line)."
        case let .reopenBlocked(session, start, holder):
            return "\(session) on \(start) cannot be reopened: \(holder) now. Move or cancel that booking first, or book the session again."
        case let .laterSessionsInTheWay(problem, moves):
            return "\(problem) Move the later sessions along to keep their gaps (--move-later on the command line): "
                + moves.joined(separator: "; ") + ". Nothing was saved."
        case let .notFrontdesk(path, reason):
            return "\(path) is not a Frontdesk database (\(reason)); it was left untouched. Pass --db with the clinic's database, or create a new one with `frontdesk init --db NEW_FILE`."
        case let .newerSchema(path, unknown):
            let names = unknown.prefix(3).joined(separator: ", ") + (unknown.count > 3 ? ", …" : "")
            return "The database \(path) was written by a newer Frontdesk (schema \(names)); this version cannot use it and changed nothing. Install that newer version."
        case let .unreadable(path):
            return "The database \(path) cannot be read by this account. Ask whoever manages it for read permission (or membership of its group), or pass --db with another file."
        case let .diskFull(path):
            return "The disk holding \(path) is full, so nothing could be saved. Free some space (or raise the quota) and try again; nothing was changed."
        case let .setupLockTimeout(path, seconds):
            return "Another Frontdesk kept \(path) locked while setting it up for more than \(seconds) s. Wait until it finishes (or stop it), then try again."
        case let .fileReplaced(path):
            return "The database file \(path) was deleted, moved or replaced while Frontdesk had it open, so nothing more is saved: writing now would go to a file nobody can see. Restart Frontdesk (it opens whatever is at that path now); check with `frontdesk doctor`."
        case let .inUse(path):
            return "Another Frontdesk (or another program) has \(path) open, so it cannot be replaced now. Close the other windows and terminals using it, then try again."
        case let .placementRefused(refusal):
            return "Nothing was saved: " + PlacementWording.sentences(refusal).joined(separator: " ")
        case let .lateConfirmationNeeded(refusal):
            return "Nothing was saved yet: " + PlacementWording.sentences(refusal).joined(separator: " ") + " Confirm to book it anyway."
        case let .shiftProposed(provider, plan, calendar):
            return "Nothing was saved: " + PlacementWording.shiftSentences(plan, provider: provider, calendar: calendar)
                .joined(separator: " ") + " Confirm to book this plan."
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
    /// The typed refusal the screens word themselves; nil for errors they show as they are.
    public var deskRefusal: DeskRefusal? {
        switch self {
        case let .placementRefused(refusal): return .placement(refusal)
        case let .lateConfirmationNeeded(refusal): return .lateConfirmation(refusal)
        case let .shiftProposed(provider, plan, calendar): return .shiftProposal(provider: provider, plan, calendar: calendar)
        case let .shortNotice(action, start): return .shortNotice(action: action, start: start)
        default: return nil
        }
    }
}
