import Foundation
import FrontdeskCore
import FrontdeskStore

// What the operations commands print under --json (the database, its backups and imports, the
// checks of doctor), in the contract's style: snake_case keys, every key present, null when unset.

/// `demo --json`: the database and what was written into it.
struct DemoJSON: Encodable {
    var path: String
    var timezone: String
    /// False when the database already held the demo and was reused as it was.
    var seeded: Bool
    /// The bookings `--bookings N` wrote; null for the story clinic or a reused database.
    @Nullable var bookingsWritten: Int?

    enum CodingKeys: String, CodingKey { case path, timezone, seeded, bookingsWritten = "bookings_written" }
}

/// `backup --json`.
struct BackupJSON: Encodable {
    var database: String
    var backup: String
}

/// `restore --json`: where the backup went and where the replaced database was kept.
struct RestoreJSON: Encodable {
    var restored: String
    var from: String
    @Nullable var keptAs: String?

    enum CodingKeys: String, CodingKey { case restored, from, keptAs = "kept_as" }
}

/// `timezone --json`: the zone, and when it was changed, the one before and how many upcoming
/// bookings now show other clock times.
struct TimeZoneJSON: Encodable {
    var timezone: String
    var changed: Bool
    @Nullable var previous: String?
    @Nullable var upcomingMoved: Int?

    enum CodingKeys: String, CodingKey { case timezone, changed, previous, upcomingMoved = "upcoming_moved" }
}

/// `customer merge --json`: the customer kept, and what moved to it from the one removed.
struct CustomerMergeJSON: Encodable {
    var kept: CustomerJSON
    var removedID: Int64
    var removedName: String
    var bookings: Int
    var treatments: Int
    var followUps: Int

    init(_ result: CustomerMergeResult, removedID: Int64) {
        kept = CustomerJSON(result.kept)
        self.removedID = removedID
        removedName = result.removedName
        bookings = result.bookings
        treatments = result.treatments
        followUps = result.followUps
    }

    enum CodingKeys: String, CodingKey {
        case kept, bookings, treatments
        case removedID = "removed_id", removedName = "removed_name", followUps = "follow_ups"
    }
}

/// `import csv --json`: what was written (or, with --dry-run, would be) and the possible duplicates.
struct ImportJSON: Encodable {
    var customers: Int
    var bookings: Int
    var treatments: Int
    var dryRun: Bool
    var possibleDuplicates: [String]

    enum CodingKeys: String, CodingKey {
        case customers, bookings, treatments, dryRun = "dry_run", possibleDuplicates = "possible_duplicates"
    }
}

/// `clinic closed remove --json`.
struct ClinicOpenJSON: Encodable {
    var day: String
    var open: Bool
}

/// `doctor --json`: each check with what it found.
struct DoctorCheckJSON: Encodable {
    struct Finding: Encodable {
        /// ok, warning or problem.
        var level: String
        var text: String
        @Nullable var advice: String?
    }

    var check: String
    var findings: [Finding]
}
