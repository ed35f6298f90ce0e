import Foundation
import FrontdeskCore
import FrontdeskStore
import FrontdeskTestSupport
import Testing

/// Random sequences of desk operations against a real database: after every step the counters the
/// triggers keep must equal a recount from the bookings and treatments, and the Dashboard's figures
/// must equal the same figures worked out in Swift from every group and booking.
@Suite struct KPIPropertyTests {
    /// 4 × 500 = 2,000 random steps, each followed by a full recount.
    static let steps = 500

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func countersMatchARecountAfterEveryStep(seed: UInt64) throws {
        var run = try RandomDesk(seed: seed)
        var sawOverdue = false
        for step in 0..<Self.steps {
            let operation = try run.step()
            let differences = try run.t.database.verifyKPICounters()
            #expect(differences.isEmpty, "seed \(seed) step \(step) (\(operation)): \(differences.prefix(3))")
            if !differences.isEmpty { return }
            if step % 10 == 0 || step == Self.steps - 1 {
                let expected = try run.recountedFigures()
                let actual = try run.t.database.dashboard().counts
                sawOverdue = sawOverdue || expected.overdueSequential > 0
                #expect(actual == expected, "seed \(seed) step \(step) (\(operation))")
                if actual != expected { return }
            }
        }
        #expect(sawOverdue, "no step left a treatment overdue, so the overdue figure was never checked against one")
        // Every kind of operation changed the database at least once, so each was checked.
        #expect(run.succeeded.isSuperset(of: RandomDesk.operations), "never succeeded: \(RandomDesk.operations.subtracting(run.succeeded))")
    }
}

/// A desk doing random things: booking every strategy, completing (sometimes early), cancelling,
/// missing, moving, reopening, ending treatments early, extending, importing services and bookings,
/// a manager changing the sequential plan's gaps, and the clock moving on.
struct RandomDesk {
    let t: TemporaryDatabase
    let clinic: ClinicFixture.Clinic
    let single: Service
    var customers: [Int64] = []
    var random: SeededRandom
    var bookingIDs: [Int64] = []
    var groupIDs: [String] = []
    /// Which operations succeeded at least once.
    var succeeded: Set<String> = []
    static let operations: Set<String> = ["book immediate", "book sequential", "book flexible", "book single", "complete", "cancel",
                                          "no-show", "reschedule", "extend", "import services", "import bookings",
                                          "reopen", "end early", "edit service"]

    init(seed: UInt64) throws {
        t = try TemporaryDatabase(now: "2026-03-02T09:00:00+01:00")
        clinic = try ClinicFixture.seed(t.database, hours: "Mon-Sun 07:00-21:00")
        single = try t.database.importServices(json: """
            {"name": "Check-up", "requires_multiple_sessions": false, "total_sessions_required": 1,
             "multi_session_strategy": "flexible", "duration_minutes": 30}
            """)[0].service
        customers = [clinic.customer.id]
        for name in ["Thomas Weber", "Zoë Müller"] { customers.append(try t.database.addCustomer(name: name).id) }
        random = SeededRandom(seed: seed)
    }

    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(random.next() % UInt64(items.count))]
    }

    /// A start between 5 days ago and 40 days ahead, on the hour or half hour.
    mutating func someStart() -> Date {
        let day = t.calendar.localDay(of: t.now).adding(days: Int(random.next() % 45) - 5)
        return t.calendar.resolvedDate(day, minuteOfDay: (7 + Int(random.next() % 13)) * 60 + Int(random.next() % 2) * 30)
    }

    /// One random operation; refusals (a taken slot, a gap rule, a wrong status) are part of the game.
    mutating func step() throws -> String {
        let db = t.database
        let roll = random.next() % 100
        var name = ""
        do {
            switch roll {
            case 0..<12:
                name = "book immediate"
                let customer = pick(customers)!, start = someStart()
                let result = try db.bookImmediate(customerID: customer, serviceID: clinic.implant.id, firstStart: start, acceptShift: true)
                record(result)
            case 12..<22:
                name = "book sequential"
                let group = pick(groupIDs), continues = random.next() % 2 == 0, customer = pick(customers)!, start = someStart()
                let result: BookingResult
                if let group, continues, let treatment = try? db.group(id: group), treatment.strategy == .sequential {
                    result = try db.bookSessions(customerID: treatment.customerID, serviceID: treatment.serviceID, starts: [start],
                                                 groupID: group)
                } else {
                    result = try db.bookSessions(customerID: customer, serviceID: clinic.physio.id, starts: [start])
                }
                record(result)
            case 22..<32:
                name = "book flexible"
                var starts: [Date] = []
                for _ in 0..<(1 + Int(random.next() % 3)) { starts.append(someStart()) }
                starts.sort()
                let group = pick(groupIDs), continues = random.next() % 2 == 0, customer = pick(customers)!
                let result: BookingResult
                if let group, continues, let treatment = try? db.group(id: group), treatment.strategy == .flexible {
                    result = try db.bookSessions(customerID: treatment.customerID, serviceID: treatment.serviceID, starts: starts, groupID: group)
                } else {
                    result = try db.bookSessions(customerID: customer, serviceID: clinic.driving.id, starts: starts)
                }
                record(result)
            case 32..<37:
                name = "book single"
                let customer = pick(customers)!, start = someStart()
                let result = try db.bookSessions(customerID: customer, serviceID: single.id, starts: [start])
                record(result)
            case 37..<51:
                name = "complete"
                guard let id = pick(bookingIDs) else { return "nothing to complete" }
                // Now and then a session that has not started, completed on purpose.
                let early = random.next() % 5 == 0
                _ = try db.complete(bookingID: id, early: early)
            case 51..<57:
                name = "cancel"
                guard let id = pick(bookingIDs) else { return "nothing to cancel" }
                try db.cancel(bookingID: id, confirmedShortNotice: true)
            case 57..<63:
                name = "no-show"
                guard let id = pick(bookingIDs) else { return "nothing missed" }
                try db.markNoShow(bookingID: id)
            case 63..<69:
                name = "reschedule"
                guard let id = pick(bookingIDs) else { return "nothing to move" }
                let start = someStart(), shift = random.next() % 2 == 0
                _ = try db.reschedule(bookingID: id, to: start, shiftLater: shift, confirmedShortNotice: true)
            case 69..<71:
                name = "extend"
                guard let group = pick(groupIDs) else { return "nothing to extend" }
                let days = 1 + Int(random.next() % 60)
                try db.extendPackage(groupID: group, until: t.now.addingTimeInterval(TimeInterval(86_400 * days)))
            case 71..<72:
                name = "import services"
                _ = try db.importServices(json: ClinicFixture.drivingLessonsJSON)
            case 72..<75:
                name = "import bookings"
                guard try importBookings() else { return "import bookings (refused by the database)" }
            case 75..<82:
                name = "reopen"
                guard let id = pick(bookingIDs) else { return "nothing to reopen" }
                _ = try db.reopen(bookingID: id)
            case 82..<85:
                name = "end early"
                guard let group = pick(groupIDs) else { return "nothing to end" }
                let reason = pick(EndReason.offered + [.other("moved to another clinic")])!
                _ = try db.endTreatment(groupID: group, reason: reason)
            case 85..<89:
                name = "edit service"
                // A manager changes the sequential plan's gaps: booked treatments keep their own copy.
                let rules = pick(Self.physioRules)!
                let current = try db.service(id: clinic.physio.id)
                var draft = ServiceDraft(current, providerNames: try db.providerNames(of: current))
                draft.rules = try BufferRules.parse(rules, totalSessions: current.definition.totalSessions, strategy: .sequential)
                _ = try db.saveService(draft, id: clinic.physio.id)
            default:
                name = "clock"
                // Up to four days on, sometimes far enough for packages to lapse.
                let hours = Int(random.next() % 96), far = random.next() % 20 == 0
                t.advance(hours: hours + (far ? 24 * 120 : 0))
                return name
            }
        } catch {
            return "\(name) (refused: \(error))"
        }
        succeeded.insert(name)
        return name
    }

    /// Another program importing a package of two lessons and a single appointment with the sqlite3
    /// shell, in one transaction: the triggers must count it like the application's own writes.
    mutating func importBookings() throws -> Bool {
        let group = random.uuid()
        let customer = pick(customers)!
        let starts = [someStart(), someStart(), someStart()].map { Int64($0.timeIntervalSince1970) }
        let created = Int64(t.now.timeIntervalSince1970)
        let columns = """
            customer_id, service_id, provider_id, start_at, end_at, status, is_part_of_multi_session, session_group_id,
            session_number, total_sessions, created_at, updated_at, created_by, updated_by
            """
        let sql = """
            BEGIN IMMEDIATE;
            INSERT INTO session_groups(session_group_id, customer_id, service_id, provider_id, strategy, total_sessions,
                                       created_at, expires_at, anchor_at, state)
            VALUES ('\(group)', \(customer), \(clinic.driving.id), \(clinic.provider.id), 'flexible', 10, \(created),
                    \(created + 180 * 86_400), \(starts[0]), 'active');
            INSERT INTO bookings(\(columns)) VALUES
              (\(customer), \(clinic.driving.id), \(clinic.provider.id), \(starts[0]), \(starts[0] + 3600), 'confirmed', 1, '\(group)', 1, 10,
               \(created), \(created), 'import', 'import'),
              (\(customer), \(clinic.driving.id), \(clinic.provider.id), \(starts[1]), \(starts[1] + 3600), 'confirmed', 1, '\(group)', 2, 10,
               \(created), \(created), 'import', 'import'),
              (\(customer), \(single.id), \(clinic.provider.id), \(starts[2]), \(starts[2] + 1800), 'confirmed', 0, NULL, 1, 1,
               \(created), \(created), 'import', 'import');
            COMMIT;
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", "-cmd", ".timeout 10000", t.path, sql]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // A slot already taken makes the overlap trigger refuse the whole import.
        guard process.terminationStatus == 0 else { return false }
        groupIDs.append(group)
        let ids = try t.database.agenda(from: Date(timeIntervalSince1970: TimeInterval(starts.min()!)),
                                        to: Date(timeIntervalSince1970: TimeInterval(starts.max()! + 1)), limit: 10_000)
            .filter { $0.sessionGroupID == group || ($0.serviceID == single.id && $0.start.timeIntervalSince1970 == TimeInterval(starts[2])) }
            .map(\.id)
        bookingIDs += ids.filter { !bookingIDs.contains($0) }
        return true
    }

    /// The sequential plan's gaps a manager switches between: maximum gaps of 7 and 30 days, none (twice
    /// the recommended gap), and a recommended month (two calendar months).
    static let physioRules = [
        #"{"minimum_days": 2, "maximum_days": 7, "recommended_days": 3}"#,
        #"{"minimum_days": 2, "maximum_days": 30, "recommended_days": 3}"#,
        #"{"minimum_days": 1, "recommended_days": 5}"#,
        #"{"minimum_days": 2, "default_months": 1}"#,
    ]

    mutating func record(_ result: BookingResult) {
        bookingIDs += result.bookings.map(\.id)
        if let group = result.group, !groupIDs.contains(group.id) { groupIDs.append(group.id) }
    }

    /// The Dashboard's counts for all time and no filter, from every group and booking, with the core's rules.
    func recountedFigures() throws -> DashboardCounts {
        let db = t.database
        let now = t.now, calendar = t.calendar
        let today = calendar.localDay(of: now)
        var counts = DashboardCounts()
        let weeks = DashboardQuery.chartWeeks(today: today)
        counts.weeks = weeks.map { WeekSessions(weekStart: $0, sessions: SessionCounts()) }
        let bookings = try db.agenda(from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 4_000_000_000), limit: 1_000_000)
        #expect(bookings.count == bookingIDs.count)
        for booking in bookings {
            let day = calendar.localDay(of: booking.start)
            counts.periodSessions.add(1, booking.status)
            if day == today { counts.today.add(1, booking.status) }
            if day.mondayOfWeek == today.mondayOfWeek { counts.thisWeek.add(1, booking.status) }
            if let index = weeks.firstIndex(of: day.mondayOfWeek) { counts.weeks[index].sessions.add(1, booking.status) }
        }
        let groups = try customers.flatMap { id throws(StoreError) in try db.treatments(ofCustomer: id, limit: 100_000) }
        #expect(groups.count == groupIDs.count)
        for group in groups {
            let progress = group.progress(now: now)
            let state = group.state(now: now)
            counts.started[group.strategy, default: 0] += 1
            let held = Set(group.sessions.filter { $0.status == .confirmed || $0.status == .completed }.map(\.sessionNumber)).count
            switch state {
            case .completed: counts.closed[group.strategy, default: ClosedTreatments()].completed += 1
            case .cancelled: counts.closed[group.strategy, default: ClosedTreatments()].cancelled += 1
            case .ended: counts.closed[group.strategy, default: ClosedTreatments()].endedEarly += 1
            case .expired: counts.closed[group.strategy, default: ClosedTreatments()].expired += 1
            case .active, .toBook:
                counts.active[group.strategy, default: 0] += 1
                if group.strategy == .flexible {
                    counts.unscheduledFlexibleSessions += group.totalSessions - held
                    if let expires = group.expiresAt, expires > now, expires <= calendar.adding(days: 30, to: now),
                       held < group.totalSessions {
                        counts.packagesExpiringSoon += 1
                    }
                }
                if group.strategy == .sequential, progress.booked == 0, held < group.totalSessions,
                   let last = progress.lastCompleted {
                    // Under the treatment's own copy of its rules, whatever the service says now.
                    let gaps = try db.serviceAsBooked(groupID: group.id).gaps
                    if now > FollowUpRules.overdueAt(afterSession: last.number, start: last.start, gaps: gaps, calendar: calendar) {
                        counts.overdueSequential += 1
                    }
                }
            }
        }
        return counts
    }
}
