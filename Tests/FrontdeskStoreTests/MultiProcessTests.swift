import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Several terminals on one file: the real binary, as separate processes.
@Suite(.serialized) struct MultiProcessTests {
    @Test func eightProcessesBookingTheSameSlotYieldExactlyOneBooking() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        var customers: [Customer] = []
        for index in 0..<8 { customers.append(try t.database.addCustomer(name: "Customer \(index)")) }
        let environment = ["FRONTDESK_NOW": "2026-03-04T09:00:00+01:00"]
        let processes = try customers.map { customer in
            try ProcessRunner.start(["book", "--db", t.path, "--customer", "\(customer.id)", "--service", "\(clinic.driving.id)",
                                     "--provider", "\(clinic.provider.id)", "--start", "2026-03-10 10:00"], environment: environment)
        }
        let results = processes.map(ProcessRunner.finish)
        let statuses = results.map(\.status), errors = results.map(\.stderr)
        #expect(statuses.filter { $0 == 0 }.count == 1, "exit codes \(statuses), errors \(errors)")
        #expect(statuses.filter { $0 == 1 }.count == 7)
        for (status, message) in zip(statuses, errors) where status != 0 {
            #expect(message.lowercased().contains("slot taken") || message.contains("is booked"), "\(message)")
        }
        let booked = try t.database.agenda(from: t.at("2026-03-10 00:00"), to: t.at("2026-03-11 00:00"))
        #expect(booked.count == 1)
        #expect(try t.database.integrityCheck() == "ok")
    }

    @Test func eightProcessesCreatingTheSameNewDatabaseAllSucceed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.sqlite").path
        // Migrations run under a lock beside the file, so simultaneous first starts never collide.
        let processes = try (0..<8).map { index in
            try ProcessRunner.start(index.isMultiple(of: 2) ? ["init", "--db", path, "--timezone", "Europe/Zurich"]
                                                            : ["customer", "add", "--name", "Customer \(index)", "--db", path])
        }
        let results = processes.map(ProcessRunner.finish)
        let statuses = results.map(\.status), errors = results.map(\.stderr)
        // `customer add` on a file that does not exist yet is refused cleanly (exit 1); every init succeeds.
        for (index, status) in statuses.enumerated() where index.isMultiple(of: 2) {
            #expect(status == 0, "init failed: \(errors[index])")
        }
        for (index, status) in statuses.enumerated() where !index.isMultiple(of: 2) {
            #expect(status == 0 || (status == 1 && errors[index].contains("no database at")), "\(errors[index])")
        }
        let db = try AppDatabase.open(path: path)
        #expect(try db.integrityCheck() == "ok")
        #expect(db.calendar.timeZone.identifier == "Europe/Zurich")
        #expect(try db.searchCustomers("Customer").count == statuses.enumerated().filter { !$0.offset.isMultiple(of: 2) && $0.element == 0 }.count)
    }

    @Test func killingBookingProcessesNeverLeavesAHalfBookedTreatment() throws {
        let t = try TemporaryDatabase()
        let clinic = try ClinicFixture.seed(t.database)
        let customer = clinic.customer
        let environment = ["FRONTDESK_NOW": "2026-03-04T09:00:00+01:00"]
        var killed = 0
        var generator = SeededRandom(seed: 42)
        // Each process books a whole implant treatment; most are killed at a random moment.
        for round in 0..<40 {
            let day = 10 + (round % 15)
            let hour = 8 + (round / 15) * 3
            let (process, _, _) = try ProcessRunner.start(
                ["book", "--db", t.path, "--customer", "\(customer.id)", "--service", "\(clinic.implant.id)",
                 "--provider", "\(clinic.provider.id)", "--auto-shift",
                 "--start", String(format: "2026-03-%02d %02d:00", day, hour)], environment: environment)
            usleep(UInt32(generator.next() % 120_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
        }
        #expect(killed > 0, "no process was killed mid-way; the test proved nothing")
        let rows = try t.database.treatments(limit: 1_000).filter { $0.kind == .group }
        for row in rows {
            let group = try t.database.group(id: row.groupID!)
            #expect(group.sessions.count == group.totalSessions, "treatment \(group.id) has \(group.sessions.count) of \(group.totalSessions)")
        }
        #expect(try t.database.integrityCheck() == "ok")
    }
}
