import Foundation
import FrontdeskTestSupport
import Testing

/// Customers and follow-up delivery through the real binary, as staff and cron run them.
@Suite struct PeopleCommandLineTests {
    /// A clinic with one provider, the physiotherapy plan, a settings folder and a notify script.
    final class Desk {
        let folder: URL
        let db: String
        let output: URL
        let environment: [String: String]

        init(now: String = "2026-03-04T09:00:00+01:00", timeout: Int = 30, extraSettings: String = "", notify: String? = nil,
             environment extra: [String: String] = [:]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-people-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("config/frontdesk"), withIntermediateDirectories: true)
            db = folder.appendingPathComponent("clinic.sqlite").path
            output = folder.appendingPathComponent("received.jsonl")
            // Appends what it received as one line; hangs for "Hang", fails for "Fail".
            let script = folder.appendingPathComponent("notify.sh")
            try """
            #!/bin/sh
            payload=$(cat)
            case "$payload" in
              *Hang*) sleep 86399 ;;
              *Fail*) echo "gateway said no" >&2; echo "second line" >&2; exit 3 ;;
            esac
            printf '%s\\n' "$payload" >> '\(output.path)'
            """.write(to: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            try """
            notify_command = ["\(notify ?? script.path)"]
            notify_timeout = \(timeout)
            default_country_code = "41"
            clinic_name = "Praxis Seefeld"
            \(extraSettings)
            """.write(to: folder.appendingPathComponent("config/frontdesk/config.toml"), atomically: true, encoding: .utf8)
            environment = ["FRONTDESK_NOW": now, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path]
                .merging(extra) { $1 }
            try expect(0, ["init", "--timezone", "Europe/Zurich"])
            try expect(0, ["provider", "add", "--name", "Dr. Keller", "--hours", "Mon-Sat 08:00-20:00"])
            let file = folder.appendingPathComponent("physio.json")
            try ClinicFixture.physiotherapyJSON.write(to: file, atomically: true, encoding: .utf8)
            try expect(0, ["service", "import", file.path])
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func run(_ arguments: [String]) throws -> ProcessRunner.Result {
            try ProcessRunner.run(arguments + ["--db", db], environment: environment)
        }

        @discardableResult
        func expect(_ status: Int32, _ arguments: [String]) throws -> ProcessRunner.Result {
            let result = try run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stdout) \(result.stderr)")
            return result
        }

        /// Adds a consenting customer and books one physiotherapy session: its confirmation is due now.
        func customerWithBooking(_ name: String, phone: String, start: String) throws {
            try expect(0, ["customer", "add", "--name", name, "--phone", phone, "--sms-consent", "yes"])
            try expect(0, ["book", "--customer", name, "--service", "physio", "--start", start])
        }

        func received() throws -> [[String: Any]] {
            guard let text = try? String(contentsOf: output, encoding: .utf8) else { return [] }
            return try text.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
    }

    @Test func twoOverlappingSendsDeliverEveryMessageExactlyOnce() throws {
        let desk = try Desk()
        let days = ["March 9", "March 10", "March 11", "March 12", "March 13", "March 14", "March 16", "March 17"]
        for (index, day) in days.enumerated() {
            try desk.customerWithBooking("Customer \(index)", phone: "+41 79 100 00 \(10 + index)", start: "\(day) 10:00")
        }
        let due = try #require(ProcessRunner.json(try desk.expect(0, ["followups", "--json"])) as? [[String: Any]])
        #expect(due.count == days.count)
        let first = try ProcessRunner.start(["followups", "--send", "--db", desk.db], environment: desk.environment)
        let second = try ProcessRunner.start(["followups", "--send", "--db", desk.db], environment: desk.environment)
        let results = [ProcessRunner.finish(first), ProcessRunner.finish(second)]
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        let ids = try desk.received().compactMap { $0["id"] as? Int }
        #expect(ids.sorted() == due.compactMap { $0["id"] as? Int }.sorted())
        #expect(Set(ids).count == ids.count)
        let texts = try desk.received().compactMap { $0["text"] as? String }
        #expect(texts.count == days.count && texts.allSatisfy { $0.hasPrefix("Praxis Seefeld: Your Physiotherapy Treatment Plan appointment is confirmed:") })
        #expect(try desk.received().allSatisfy { $0["sms_consent"] as? Bool == true })
        // Nothing left: a third run sends nothing.
        #expect(try desk.expect(0, ["followups", "--send"]).stdout.contains("Sent 0 follow-ups."))
    }

    @Test func aNotifyThatHangsIsKilledAfterTheTimeoutAndTheRestAreSent() throws {
        let desk = try Desk(timeout: 1)
        try desk.customerWithBooking("Hang Around", phone: "+41 79 200 00 01", start: "March 9 10:00")
        try desk.customerWithBooking("Fail Often", phone: "+41 79 200 00 02", start: "March 10 10:00")
        try desk.customerWithBooking("Anna Ok", phone: "+41 79 200 00 03", start: "March 11 10:00")
        try desk.customerWithBooking("Ben Ok", phone: "+41 79 200 00 04", start: "March 12 10:00")
        let result = try desk.expect(1, ["followups", "--send"])
        #expect(result.stderr.contains("killed after 1 s"))
        #expect(result.stderr.contains("exit 3: gateway said no"))
        #expect(!result.stderr.contains("second line"))
        #expect(result.stdout.contains("Sent 2 follow-ups; 2 failed and stay pending."))
        #expect(try desk.received().compactMap { $0["customer"] as? String }.sorted() == ["Anna Ok", "Ben Ok"])
        let pending = try #require(ProcessRunner.json(try desk.expect(0, ["followups", "--json"])) as? [[String: Any]])
        #expect(pending.compactMap { $0["customer"] as? String }.sorted() == ["Fail Often", "Hang Around"])
        // The script's child went with it: its whole process group was killed.
        let pgrep = Process()
        pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        pgrep.arguments = ["-f", "sleep 86399"]
        pgrep.standardOutput = FileHandle.nullDevice
        try pgrep.run()
        pgrep.waitUntilExit()
        #expect(pgrep.terminationStatus == 1, "the notify script's child is still running")
    }

    @Test func aNotifyCommandThatCannotStartIsRecordedAndNothingIsMarkedSent() throws {
        let desk = try Desk(notify: "/nonexistent/frontdesk-notify")
        try desk.customerWithBooking("Anna Ok", phone: "+41 79 600 00 01", start: "March 9 10:00")
        let result = try desk.expect(1, ["followups", "--send"])
        #expect(result.stderr.contains("/nonexistent/frontdesk-notify could not be started"))
        let pending = try #require(ProcessRunner.json(try desk.expect(0, ["followups", "--json"])) as? [[String: Any]])
        #expect(pending.count == 1)
    }

    @Test func sendNowSendsOnlyTheChosenFollowUp() throws {
        let desk = try Desk()
        try desk.customerWithBooking("Anna Ok", phone: "+41 79 500 00 01", start: "March 9 10:00")
        try desk.customerWithBooking("Ben Ok", phone: "+41 79 500 00 02", start: "March 10 10:00")
        let due = try #require(ProcessRunner.json(try desk.expect(0, ["followups", "--json"])) as? [[String: Any]])
        let ben = try #require(due.first { $0["customer"] as? String == "Ben Ok" }?["id"] as? Int)
        try desk.expect(0, ["followups", "--send", "--id", "\(ben)"])
        #expect(try desk.received().compactMap { $0["id"] as? Int } == [ben])
        let left = try #require(ProcessRunner.json(try desk.expect(0, ["followups", "--json"])) as? [[String: Any]])
        #expect(left.compactMap { $0["customer"] as? String } == ["Anna Ok"])
    }

    @Test func theExampleEmailScriptHandsTheTextToSendmail() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let mailbox = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-mailbox-\(UUID().uuidString)")
        let sendmail = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-sendmail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: mailbox); try? FileManager.default.removeItem(at: sendmail) }
        try "#!/bin/sh\necho \"ARGS: $*\" >> '\(mailbox.path)'\ncat >> '\(mailbox.path)'\n".write(to: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
        let desk = try Desk(notify: repository.appendingPathComponent("examples/notify/frontdesk-notify-email").path,
                            environment: ["FRONTDESK_SENDMAIL": sendmail.path, "FRONTDESK_MAIL_FROM": "desk@clinic.example"])
        try desk.expect(0, ["customer", "add", "--name", "Zoë Keller", "--email", "zoe@example.com", "--email-consent", "yes"])
        try desk.expect(0, ["book", "--customer", "Zoë Keller", "--service", "physio", "--start", "March 10 10:00"])
        try desk.expect(0, ["followups", "--send"])
        let mail = try String(contentsOf: mailbox, encoding: .utf8)
        #expect(mail.contains("ARGS: -i -f desk@clinic.example -- zoe@example.com"))
        #expect(mail.contains("To: zoe@example.com"))
        #expect(mail.contains("Praxis Seefeld: Your Physiotherapy Treatment Plan appointment is confirmed:"))
        #expect(mail.contains("Session 1 of 8: Tuesday, March 10 at 10:00"))
    }

    @Test func theExampleSMSScriptPostsToTheGatewayWithTheKeyOutOfSight() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tools = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-fakecurl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tools) }
        let log = tools.appendingPathComponent("curl.log")
        // Stands in for curl: records its arguments and the configuration it reads, answers HTTP 200.
        try "#!/bin/sh\necho \"ARGS: $*\" >> '\(log.path)'\ncat >> '\(log.path)'\nprintf 200\n"
            .write(to: tools.appendingPathComponent("curl"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tools.appendingPathComponent("curl").path)
        let path = tools.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let desk = try Desk(notify: repository.appendingPathComponent("examples/notify/frontdesk-notify-sms").path,
                            environment: ["PATH": path, "SMS_GATEWAY_URL": "https://sms.example.com/send", "SMS_GATEWAY_KEY": "s3cret"])
        try desk.customerWithBooking("Zoë Keller", phone: "+41 79 963 78 17", start: "March 10 10:00")
        try desk.expect(0, ["customer", "add", "--name", "No Texts", "--phone", "+41 79 963 00 00", "--email", "no@example.com",
                            "--email-consent", "yes"])
        try desk.expect(0, ["book", "--customer", "No Texts", "--service", "physio", "--start", "March 11 10:00"])
        let result = try desk.expect(1, ["followups", "--send"])
        #expect(result.stderr.contains("No Texts has not agreed to text messages"))
        let calls = try String(contentsOf: log, encoding: .utf8)
        #expect(calls.contains("https://sms.example.com/send"))
        #expect(calls.contains("\"to\":\"+41 79 963 78 17\""))
        #expect(calls.contains("Praxis Seefeld: Your Physiotherapy Treatment Plan appointment is confirmed"))
        #expect(calls.contains("header = \"Authorization: Bearer s3cret\""))
        #expect(!calls.split(separator: "\n").contains { $0.hasPrefix("ARGS:") && $0.contains("s3cret") })
    }

    @Test func quietHoursHoldSendingUntilMorning() throws {
        let desk = try Desk(now: "2026-03-04T21:30:00+01:00")
        try desk.customerWithBooking("Late Booker", phone: "+41 79 300 00 01", start: "March 9 10:00")
        let result = try desk.expect(0, ["followups", "--send"])
        #expect(result.stdout.contains("Quiet hours (20:00–08:00): nothing sent; due follow-ups wait until 08:00."))
        #expect(try desk.received().isEmpty)
    }

    @Test func cancellationNoticesAreSentOnlyWhenConfigured() throws {
        let desk = try Desk(extraSettings: "send_cancellation_notices = false")
        try desk.customerWithBooking("Carla Cancel", phone: "+41 79 400 00 01", start: "March 19 10:00")
        let booked = try #require(ProcessRunner.json(try desk.expect(0, ["agenda", "--from", "2026-03-19", "--json"])) as? [[String: Any]])
        let id = try #require(booked.first?["id"] as? Int)
        try desk.expect(0, ["cancel", "\(id)"])
        try desk.expect(0, ["followups", "--send"])
        // The unsent confirmation of the cancelled session was withdrawn; the notice waits for a call.
        #expect(try desk.received().isEmpty)
        let pending = try #require(ProcessRunner.json(try desk.expect(0, ["followups", "--json"])) as? [[String: Any]])
        #expect(pending.map { $0["kind"] as? String } == ["cancellation"])
    }

    @Test func duplicateNameOrPhoneExitsOneNamingTheMatch() throws {
        let desk = try Desk()
        try desk.expect(0, ["customer", "add", "--name", "Zoë Keller", "--phone", "+41 79 963 78 17"])
        let byName = try desk.expect(1, ["customer", "add", "--name", "zoe keller"])
        #expect(byName.stderr.contains("Zoë Keller (#1, +41 79 963 78 17)"))
        #expect(byName.stderr.contains("--allow-duplicate"))
        try desk.expect(1, ["customer", "add", "--name", "Z. Keller", "--phone", "079 963 78 17"])
        try desk.expect(0, ["customer", "add", "--name", "Zoë Keller", "--allow-duplicate"])
        let invalid = try desk.expect(2, ["customer", "add", "--name", "Abc", "--phone", "abc"])
        #expect(invalid.stderr.contains("not allowed in a phone number"))
        try desk.expect(2, ["customer", "add", "--name", "Mail", "--email", "mail.example.com"])
    }

    @Test func searchEditShowAndMergeThroughTheBinary() throws {
        let desk = try Desk()
        try desk.expect(0, ["customer", "add", "--name", "Zoë Keller", "--phone", "+41 79 963 78 17", "--sms-consent", "yes"])
        try desk.expect(0, ["customer", "add", "--name", "Zoe K.", "--email", "zoe@example.com", "--email-consent", "yes"])
        try desk.expect(0, ["book", "--customer", "2", "--service", "physio", "--start", "March 10 10:00"])
        for query in ["079 963", "+41 79 963 78 17", "0799637817", "zoe keller"] {
            let list = try desk.expect(0, ["customer", "list", "--search", query])
            #expect(list.stdout.contains("#1  Zoë Keller"), "\(query)")
        }
        try desk.expect(0, ["customer", "edit", "1", "--phone", "078 111 22 33", "--notes", "Prefers mornings"])
        try desk.expect(2, ["customer", "edit", "1", "--phone", "abc"])
        let shown = try #require(ProcessRunner.json(try desk.expect(0, ["customer", "show", "1", "--json"])) as? [String: Any])
        #expect(shown["phone"] as? String == "078 111 22 33" && shown["notes"] as? String == "Prefers mornings")
        #expect(shown["sms_consent"] as? Bool == true)

        let merged = try desk.expect(0, ["customer", "merge", "1", "2"])
        #expect(merged.stdout.contains("Merged #2 Zoe K. into #1 Zoë Keller: 1 booking, 1 treatment, 2 follow-ups moved."))
        let card = try #require(ProcessRunner.json(try desk.expect(0, ["customer", "show", "1", "--json"])) as? [String: Any])
        #expect((card["treatments"] as? [Any])?.count == 1)
        #expect((card["upcoming"] as? [Any])?.count == 1)
        #expect(card["email"] as? String == "zoe@example.com" && card["email_consent"] as? Bool == true)
        try desk.expect(2, ["customer", "show", "2"])
        let text = try desk.expect(0, ["customer", "show", "1"]).stdout
        #expect(text.contains("Physiotherapy Treatment Plan (sequential)") && text.contains("0/8 completed, 1 booked, 7 not booked yet"))
    }
}
