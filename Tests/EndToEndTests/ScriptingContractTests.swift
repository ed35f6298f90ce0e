import Foundation
import FrontdeskTestSupport
import Testing

/// The command line as scripts use it: one JSON shape per entity wherever it appears (the notify
/// payload included), optional keys present as null, lists that were cut short say so, enum
/// options refuse and complete their values, an unknown command is called that.
@Suite struct ScriptingContractTests {
    final class Clinic {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-contract-\(UUID().uuidString)")
        var db: String { folder.appendingPathComponent("clinic.sqlite").path }
        let now = "2026-03-04T09:00:00+01:00"

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try ok(["init", "--timezone", "Europe/Zurich"])
            try ok(["provider", "add", "--name", "Car 1", "--hours", "Mon-Sat 08:00-20:00"])
            let service = folder.appendingPathComponent("driving.json")
            try ClinicFixture.drivingLessonsJSON.write(to: service, atomically: true, encoding: .utf8)
            try ok(["service", "import", service.path])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        func ok(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
            var env = ["FRONTDESK_NOW": now]
            for (key, value) in environment { env[key] = value }
            let result = try ProcessRunner.run(arguments + ["--db", db], environment: env)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }

        func json(_ arguments: [String]) throws -> Any {
            try #require(ProcessRunner.json(try ok(arguments + ["--json"])))
        }
    }

    static let bookingKeys: Set<String> = ["id", "session_group_id", "session_number", "total_sessions", "is_part_of_multi_session",
                                           "status", "customer", "customer_id", "service", "service_id", "provider", "provider_id",
                                           "label", "notes", "start", "end"]
    static let customerKeys: Set<String> = ["id", "name", "phone", "email", "notes"]
    static let followUpKeys: Set<String> = ["id", "kind", "status", "customer", "customer_id", "phone", "email", "booking_id",
                                            "session_group_id", "due", "text"]

    @Test func everyCommandPrintsTheSameShapeWithNullsForWhatIsUnset() throws {
        let clinic = try Clinic()
        let added = try #require(try clinic.json(["customer", "add", "--name", "No Phone"]) as? [String: Any])
        #expect(Set(added.keys) == Self.customerKeys)
        #expect(added["phone"] is NSNull && added["email"] is NSNull)
        let listed = try #require(try clinic.json(["customer", "list"]) as? [[String: Any]])
        #expect(listed.allSatisfy { Set($0.keys) == Self.customerKeys })

        let booked = try #require(try clinic.json(["book", "--customer", "No Phone", "--service", "learn to drive", "--start", "2026-03-10 10:00"]) as? [String: Any])
        #expect(Set(booked.keys) == ["bookings", "dry_run", "shifted", "group"])
        let booking = try #require((booked["bookings"] as? [[String: Any]])?.first)
        #expect(Set(booking.keys) == Self.bookingKeys)
        let group = try #require(booked["group"] as? [String: Any])
        #expect(group["state"] as? String == "active")
        #expect(group["ended"] is NSNull)
        #expect((group["sessions"] as? [[String: Any]])?.allSatisfy { Set($0.keys) == Self.bookingKeys } == true)

        let agenda = try #require(try clinic.json(["agenda", "--from", "2026-03-10"]) as? [[String: Any]])
        #expect(agenda.map { Set($0.keys) } == [Self.bookingKeys])
        let groups = try #require(try clinic.json(["groups"]) as? [[String: Any]])
        #expect(Set(groups[0].keys) == Set(group.keys))

        let single = try #require(try clinic.json(["customer", "add", "--name", "Single"]) as? [String: Any])
        _ = single
        let followUps = try #require(try clinic.json(["followups"]) as? [[String: Any]])
        #expect(!followUps.isEmpty && followUps.allSatisfy { Set($0.keys) == Self.followUpKeys })
    }

    /// The notify command receives exactly what `followups --json` lists for the follow-up.
    @Test func theNotifyPayloadIsTheFollowUpShape() throws {
        let clinic = try Clinic()
        try clinic.ok(["customer", "add", "--name", "Marie Schmidt", "--phone", "+41 79 555 01 02"])
        try clinic.ok(["book", "--customer", "Marie Schmidt", "--service", "learn to drive", "--start", "2026-03-10 10:00"])
        let listed = try #require(try clinic.json(["followups"]) as? [[String: Any]])
        let config = clinic.folder.appendingPathComponent("config/frontdesk")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let captured = clinic.folder.appendingPathComponent("payloads")
        let script = clinic.folder.appendingPathComponent("capture.sh")
        try "#!/bin/sh\ncat >> '\(captured.path)'\necho >> '\(captured.path)'\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try "notify_command = [\"\(script.path)\"]\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try clinic.ok(["followups", "--send"], environment: ["XDG_CONFIG_HOME": clinic.folder.appendingPathComponent("config").path])
        let payloads = try String(contentsOf: captured, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(payloads.count == listed.count && !payloads.isEmpty)
        for payload in payloads {
            #expect(Set(payload.keys) == Self.followUpKeys)
            let same = listed.first { ($0["id"] as? Int) == (payload["id"] as? Int) }
            #expect(same?["text"] as? String == payload["text"] as? String)
        }
    }

    @Test func aListCutShortSaysSoOnStandardError() throws {
        let clinic = try Clinic()
        for name in ["Anna", "Ben", "Cleo"] { try clinic.ok(["customer", "add", "--name", name]) }
        let cut = try clinic.ok(["customer", "list", "--limit", "2"])
        #expect(cut.stderr.contains("showing the first 2 customers"))
        let whole = try clinic.ok(["customer", "list", "--limit", "10"])
        #expect(whole.stderr.isEmpty)
    }

    @Test func enumOptionsRefuseOtherValuesAndCompletionsListThem() throws {
        let refused = try ProcessRunner.run(["groups", "--state", "sleeping"])
        #expect(refused.status == 2 && refused.stderr.contains("to_book"))
        let bash = try ProcessRunner.run(["--generate-completion-script", "bash"])
        for value in ["to_book", "needs_outcome", "sequential", "flexible"] { #expect(bash.stdout.contains(value), "\(value)") }
        let fish = try ProcessRunner.run(["--generate-completion-script", "fish"])
        #expect(fish.stdout.contains("immediate"))
        // What the bash script runs for `frontdesk open --theme <Tab>`.
        let themes = try ProcessRunner.run(["---completion", "open", "--", "--theme", "3", "0", "frontdesk", "open", "--theme", ""])
        #expect(themes.stdout.contains("high-contrast"), "\(themes.stdout) \(themes.stderr)")
    }

    /// A refusal under --json is JSON on standard output with the same exit code; commands that
    /// printed only text (init, provider add, backup, followups --mark) take --json too.
    @Test func jsonIsNeverIgnored() throws {
        let clinic = try Clinic()
        let provider = try #require(try clinic.json(["provider", "add", "--name", "Room 2"]) as? [String: Any])
        #expect(Set(provider.keys) == ["id", "name", "hours", "active", "services", "absences"])
        try clinic.ok(["customer", "add", "--name", "Anna"])
        try clinic.ok(["customer", "add", "--name", "Ben"])
        try clinic.ok(["book", "--customer", "Anna", "--service", "learn to drive", "--provider", "Car 1", "--start", "2026-03-10 10:00"])
        let taken = try ProcessRunner.run(["book", "--customer", "Ben", "--service", "learn to drive", "--provider", "Car 1",
                                           "--start", "2026-03-10 10:00", "--json", "--db", clinic.db], environment: ["FRONTDESK_NOW": clinic.now])
        #expect(taken.status == 1)
        let refusal = try #require(ProcessRunner.json(taken) as? [String: Any])
        #expect(refusal["exit_code"] as? Int == 1 && (refusal["error"] as? String)?.isEmpty == false)
        let backup = try #require(try clinic.json(["backup", clinic.folder.appendingPathComponent("copy.sqlite").path]) as? [String: Any])
        #expect(backup["backup"] as? String == clinic.folder.appendingPathComponent("copy.sqlite").path)
        let followUp = try #require((try clinic.json(["followups"]) as? [[String: Any]])?.first?["id"] as? Int)
        let marked = try #require(try clinic.json(["followups", "--mark", "\(followUp)=called"]) as? [String: Any])
        #expect(marked["status"] as? String == "called" && Set(marked.keys) == Self.followUpKeys)
    }

    @Test func anUnknownCommandIsCalledThat() throws {
        let result = try ProcessRunner.run(["boook", "--customer", "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown command “boook”"))
        #expect(!result.stderr.contains("USAGE: frontdesk open"))
    }
}
