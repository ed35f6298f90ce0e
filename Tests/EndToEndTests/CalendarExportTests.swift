import Foundation
import FrontdeskTestSupport
import Testing

/// `frontdesk export ics` read back by real calendar software: Debian's python3-icalendar for the
/// structure (plus the checks that library does not make), and calcurse's import for the times.
@Suite(.serialized) struct CalendarExportTests {
    static let now = "2026-03-04T09:00:00+01:00"

    final class Demo {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-ics-\(UUID().uuidString)")
        var db: String { folder.appendingPathComponent("clinic.sqlite").path }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try run(["init", "--timezone", "Europe/Zurich"])
            try run(["demo"])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        func run(_ arguments: [String]) throws -> ProcessRunner.Result {
            let result = try ProcessRunner.run(arguments + ["--db", db], environment: ["FRONTDESK_NOW": CalendarExportTests.now])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }

        func export(_ name: String, _ extra: [String] = []) throws -> (path: String, bytes: Data) {
            let path = folder.appendingPathComponent(name).path
            try run(["export", "ics", "-o", path] + extra)
            return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
        }

        /// Every booking of the demo, as the agenda lists them.
        func allBookings() throws -> [[String: Any]] {
            let result = try run(["agenda", "--from", "2025-01-01", "--days", "366", "--all", "--json"])
            let later = try run(["agenda", "--from", "2026-01-02", "--days", "366", "--all", "--json"])
            let first = ProcessRunner.json(result) as? [[String: Any]] ?? []
            let second = ProcessRunner.json(later) as? [[String: Any]] ?? []
            var seen = Set<Int>()
            return (first + second).filter { seen.insert($0["id"] as? Int ?? -1).inserted }
        }
    }

    static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Parses with icalendar and prints one line per event: UID, SEQUENCE, STATUS, DTSTART's TZID and
    /// local time; fails when PRODID, VERSION, VTIMEZONE, UID or DTSTAMP is missing (the library
    /// accepts their absence) or when a UID repeats.
    static let checker = #"""
    import sys, icalendar
    cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
    assert cal.get('PRODID'), 'no PRODID'
    assert str(cal.get('VERSION')) == '2.0', 'VERSION is not 2.0'
    zones = [c for c in cal.walk('VTIMEZONE')]
    assert len(zones) == 1, 'expected one VTIMEZONE'
    uids = set()
    for event in cal.walk('VEVENT'):
        for key in ('UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SEQUENCE', 'SUMMARY', 'STATUS'):
            assert event.get(key) is not None, 'event without ' + key
        uid = str(event['UID'])
        assert uid not in uids, 'UID repeats: ' + uid
        uids.add(uid)
        assert event.decoded('DTSTAMP').tzinfo is not None, 'DTSTAMP is not UTC'
        start = event['DTSTART']
        assert start.params.get('TZID') == str(zones[0]['TZID']), 'DTSTART without the calendar TZID'
        assert event.decoded('DTEND') > event.decoded('DTSTART'), 'event ends before it starts'
        print(uid, int(event['SEQUENCE']), str(event['STATUS']), event.decoded('DTSTART').strftime('%Y-%m-%dT%H:%M'), str(event['SUMMARY']), sep='\t')
    """#

    @Test func theDemoClinicExportParsesWithEveryEventComplete() throws {
        let demo = try Demo()
        let (path, bytes) = try demo.export("clinic.ics")
        let checked = try Self.python(Self.checker, [path])
        #expect(checked.status == 0, "\(checked.output)")
        let events = checked.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let bookings = try demo.allBookings()
        #expect(events.count == bookings.count && !bookings.isEmpty)
        // Starts in the clinic's wall-clock time, as the agenda shows them.
        let agendaStarts = bookings.compactMap { ($0["start"] as? String).map { String($0.prefix(16)) } }.sorted()
        #expect(events.map { $0[3] }.sorted() == agendaStarts)
        #expect(events.contains { $0[4].contains(" – Session 2 of ") })
        #expect(events.contains { $0[2] == "CANCELLED" } == bookings.contains { $0["status"] as? String == "cancelled" })

        // RFC 5545 framing: every line ends in CRLF and is at most 75 octets; no bare LF.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        for line in lines {
            #expect(line.last == 0x0D, "a line does not end in CRLF")
            #expect(line.count - 1 <= 75, "a line is \(line.count - 1) octets long")
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("BEGIN:DAYLIGHT"))
    }

    @Test func calcurseImportsTheSameAppointmentsAtTheSameTimes() throws {
        let demo = try Demo()
        let (path, _) = try demo.export("clinic.ics")
        let calendarFolder = demo.folder.appendingPathComponent("calcurse")
        try FileManager.default.createDirectory(at: calendarFolder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/calcurse")
        process.arguments = ["-D", calendarFolder.path, "-i", path]
        process.environment = ["TZ": "Europe/Zurich", "HOME": demo.folder.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let apts = try String(contentsOf: calendarFolder.appendingPathComponent("apts"), encoding: .utf8)
        // "03/10/2026 @ 14:00 -> 03/10/2026 @ 15:00 |Summary": the start, in calcurse's (the clinic's) zone.
        let imported = apts.split(separator: "\n").map { line -> String in
            let parts = line.prefix(18).split(separator: " ")
            let date = parts[0].split(separator: "/")
            return "\(date[2])-\(date[0])-\(date[1])T\(parts[2])"
        }.sorted()
        let bookings = try demo.allBookings()
        let agendaStarts = bookings.compactMap { ($0["start"] as? String).map { String($0.prefix(16)) } }.sorted()
        #expect(imported.count == bookings.count)
        #expect(imported == agendaStarts)
    }

    @Test func aRescheduleKeepsTheUIDAndRaisesTheSequence() throws {
        let demo = try Demo()
        try demo.run(["customer", "add", "--name", "Ana Sequence"])
        let booked = try demo.run(["book", "--customer", "Ana Sequence", "--service", "learn to drive", "--start", "2026-03-20 10:00", "--json"])
        let bookings = (ProcessRunner.json(booked) as? [String: Any])?["bookings"] as? [[String: Any]] ?? []
        let id = try #require(bookings.first?["id"] as? Int)
        func event() throws -> [String] {
            let (path, _) = try demo.export("one-\(UUID().uuidString).ics", ["--customer", "Ana Sequence"])
            let checked = try Self.python(Self.checker, [path])
            #expect(checked.status == 0, "\(checked.output)")
            return try #require(checked.output.split(separator: "\n").first { $0.hasPrefix("booking-\(id)@") })
                .split(separator: "\t").map(String.init)
        }
        let before = try event()
        try demo.run(["reschedule", "\(id)", "--start", "2026-03-21 11:00"])
        let after = try event()
        #expect(after[0] == before[0])
        #expect(Int(after[1]) == Int(before[1])! + 1)
        #expect(after[3] == "2026-03-21T11:00")
        try demo.run(["cancel", "\(id)"])
        let cancelled = try event()
        #expect(cancelled[0] == before[0] && cancelled[2] == "CANCELLED" && Int(cancelled[1]) == Int(after[1])! + 1)
    }

    @Test func anonymousLeavesNamesAndContactDataOut() throws {
        let demo = try Demo()
        try demo.run(["customer", "add", "--name", "Zoë Privat", "--phone", "+41 79 000 11 22", "--email", "zoe@example.org"])
        try demo.run(["book", "--customer", "Zoë Privat", "--service", "learn to drive", "--start", "2026-03-20 10:00"])
        let named = String(decoding: try demo.export("named.ics").bytes, as: UTF8.self)
        #expect(named.contains("Zoë Privat") && named.contains("+41 79 000 11 22"))
        let anonymous = String(decoding: try demo.export("anonymous.ics", ["--anonymous"]).bytes, as: UTF8.self)
        #expect(!anonymous.contains("Zoë") && !anonymous.contains("+41 79 000 11 22") && !anonymous.contains("zoe@example.org"))
        #expect(anonymous.contains("SUMMARY:"))
    }
}
