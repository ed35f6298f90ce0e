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
    case packageExpired(expiredOn: String)
    case groupClosed(state: String)
    case wrongStatus(bookingID: Int64, status: String, action: String)
    case timeZoneUnknown(String)
    case busy(path: String)
    case shortNotice(action: String, start: String)
    case inThePast(start: String)
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
            return "Cannot open the database \(path): \(reason). Check the path and its folder's permissions, or pass --db with another file."
        case let .missing(path):
            return "There is no database at \(path) yet. Create one with `frontdesk init` (or `frontdesk demo` for a demo clinic), or pass --db with an existing file."
        case let .readOnly(path):
            return "The database \(path) is read-only, so nothing can be saved. Ask for write permission on the file and its folder, or copy it elsewhere."
        case let .corrupt(path):
            return "The database \(path) is damaged or is not a Frontdesk database. Restore it from a backup (frontdesk backup) or pass --db with another file."
        case let .notFound(what, key):
            return "No \(what) matches “\(key)”. Check the spelling."
        case let .ambiguous(what, key, candidates):
            let shown = candidates.prefix(5).joined(separator: ", ")
            return "“\(key)” matches several \(what)s (\(shown)). Give more of the name, or the number."
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
        case let .packageExpired(date):
            return "This package expired on \(date) and takes no new bookings. A manager can extend it first."
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
