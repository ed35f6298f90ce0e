import Foundation
import FrontdeskCore
import GRDB

/// Writes the live bookings of a Frontdesk database as a calcurse data folder, so both programs
/// answer the same questions about the same appointments.
///
/// calcurse keeps appointments in `apts`, one per line, in local time, sorted by start time with ties
/// broken by the description's bytes: `MM/DD/YYYY @ HH:MM -> MM/DD/YYYY @ HH:MM|description`. calcurse
/// 4.7 writes no space before `|` (older versions did; both read the same), and this writes exactly
/// what calcurse itself saves, so `Benchmarks/run` can check that a calcurse re-save changes nothing.
enum CalcurseExport {
    static func write(databasePath: String, folder: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: databasePath, configuration: configuration)
        let zoneName = try reader.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'timezone'")
        } ?? TimeZone.current.identifier
        guard let zone = TimeZone(identifier: zoneName) else { throw BenchError("unknown time zone \(zoneName)") }

        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var lines: [(start: Int64, text: String)] = []
        try reader.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT b.start_at, b.end_at, c.name AS customer, b.label, p.name AS provider
                FROM bookings b JOIN customers c ON c.id = b.customer_id JOIN providers p ON p.id = b.provider_id
                WHERE b.status != 'cancelled'
                """)
            var offsets = OffsetCache(zone: zone)
            while let row = try cursor.next() {
                let start: Int64 = row["start_at"], end: Int64 = row["end_at"]
                let customer: String = row["customer"], label: String = row["label"], provider: String = row["provider"]
                let text = stamp(start, &offsets) + " -> " + stamp(end, &offsets) + "|" + customer + " · " + label + " · " + provider
                lines.append((start, text))
            }
        }
        lines.sort { a, b in a.start != b.start ? a.start < b.start : description(a.text).utf8.lexicographicallyPrecedes(description(b.text).utf8) }
        var out = Data()
        out.reserveCapacity(lines.count * 96)
        for line in lines {
            out.append(contentsOf: line.text.utf8)
            out.append(0x0A)
        }
        try out.write(to: URL(fileURLWithPath: folder + "/apts"))
        for empty in ["todo"] where !FileManager.default.fileExists(atPath: folder + "/" + empty) {
            FileManager.default.createFile(atPath: folder + "/" + empty, contents: Data())
        }
        return lines.count
    }

    private static func description(_ line: String) -> Substring {
        guard let bar = line.firstIndex(of: "|") else { return Substring(line) }
        return line[line.index(after: bar)...]
    }

    /// `MM/DD/YYYY @ HH:MM` in the clinic's zone.
    static func stamp(_ seconds: Int64, _ offsets: inout OffsetCache) -> String {
        let local = seconds + Int64(offsets.offset(at: seconds))
        let days = Int(local.floorDiv(86_400))
        let minuteOfDay = Int((local - Int64(days) * 86_400) / 60)
        let day = LocalDay(ordinal: days)
        return pad2(day.month) + "/" + pad2(day.day) + "/" + String(day.year) + " @ " + pad2(minuteOfDay / 60) + ":" + pad2(minuteOfDay % 60)
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// UTC offsets per hour, so a million rows do not each ask the time-zone database.
    struct OffsetCache {
        let zone: TimeZone
        var byHour: [Int64: Int] = [:]

        mutating func offset(at seconds: Int64) -> Int {
            let hour = seconds.floorDiv(3600)
            if let known = byHour[hour] { return known }
            let value = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            byHour[hour] = value
            return value
        }
    }
}

extension Int64 {
    func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
