import Foundation
import FrontdeskCore
import GRDB

/// Seeds a realistic demo clinic around "now": treatments in every state, today's agenda, follow-ups due.
extension AppDatabase {
    /// Whether this database was filled by `seedDemoClinic` (the quick start reuses it).
    public func isDemo() throws(StoreError) -> Bool { try setting("demo") != nil }

    /// True when the database holds no services, providers or customers yet.
    public func isEmpty() throws(StoreError) -> Bool {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM services) + (SELECT COUNT(*) FROM providers) + (SELECT COUNT(*) FROM customers)") == 0
        }
    }

    /// Fills an empty database with the demo clinic. One transaction: all of it or nothing.
    public func seedDemoClinic() throws(StoreError) {
        guard try isEmpty() else {
            throw .holdsData(path: path)
        }
        let drafts = try Self.drafts(fromJSON: DemoCatalog.servicesJSON)
        let calendar = self.calendar
        let now = self.now
        try write { db in
            for provider in DemoCatalog.providers {
                _ = try self.insertProvider(db, name: provider.name, hours: try WorkingHours.parse(provider.hours), closedDays: [])
            }
            for draft in drafts { _ = try self.save(draft, db) }
            var seeder = try DemoSeeder(db: db, calendar: calendar, now: now, actor: self.actor)
            try seeder.seedStories()
            try db.execute(sql: "INSERT OR REPLACE INTO settings(key, value) VALUES ('demo', '1')")
        }
    }
}

/// Places the demo's treatments without overlaps, inside working hours, relative to today.
struct DemoSeeder {
    let db: Database
    let calendar: ClinicCalendar
    let now: Date
    let actor: String
    let today: LocalDay
    var services: [String: Service] = [:]
    var providers: [String: Provider] = [:]

    init(db: Database, calendar: ClinicCalendar, now: Date, actor: String) throws {
        self.db = db
        self.calendar = calendar
        self.now = now
        self.actor = actor
        self.today = calendar.localDay(of: now)
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM services") {
            let service = try AppDatabase.service(db, id: id)!
            services[service.name] = service
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM providers") {
            let provider = RowDecoding.provider(row)
            providers[provider.name] = provider
        }
    }

    mutating func seedStories() throws {
        let implant = "Dental Implant - Complete Treatment"
        let physio = "Physiotherapy Treatment Plan"
        let driving = "Driving Lessons - Starter Package (10 Lessons)"
        let laser = "Laser Hair Removal (4 sessions)"
        let training = "Personal Training Program"
        let checkup = "Dental Check-up"
        let c = C.self

        // The guide's "Multi-Session View": two sessions done, the crown today.
        try immediate(customer: "Marie Schmidt", service: implant, provider: "Dr. Anna Keller", firstDay: -44, hour: 14,
                      statuses: [c.done, c.done, c.booked])
        // The guide's "Package Management": 7 of 10 booked, 4 completed.
        try sessions(customer: "Thomas Weber", service: driving, provider: "Tom Fischer", days: [-16, -14, -11, -9, 1, 6, 8], hour: 17,
                     statuses: [c.done, c.done, c.done, c.done, c.booked, c.booked, c.booked], createdDaysAgo: 20)
        // Physiotherapy: session 1 completed yesterday, session 2 waits to be booked.
        try sessions(customer: "Zoë Müller", service: physio, provider: "Lea Meier", days: [-1], hour: 10, statuses: [c.done])
        try sessions(customer: "Lukas Huber", service: physio, provider: "Lea Meier", days: [-12, -9, -6, 1], hour: 9,
                     statuses: [c.done, c.done, c.done, c.booked])
        // Overdue: the last session was 17 days ago, the maximum gap is 7.
        try sessions(customer: "Sophie Frei", service: physio, provider: "Jonas Weber", days: [-20, -17], hour: 11, statuses: [c.done, c.done])
        try sessions(customer: "Noah Baumann", service: physio, provider: "Jonas Weber", days: [-40, -36, -32, -28, -24, -20, -16, -12], hour: 15,
                     statuses: Array(repeating: c.done, count: 8))
        try immediate(customer: "Emma Keller", service: implant, provider: "Dr. Marc Brunner", firstDay: 3, hour: 9,
                      statuses: [c.booked, c.booked, c.booked])
        try immediate(customer: "Luca Steiner", service: laser, provider: "Sara Rossi", firstDay: -61, hour: 16,
                      statuses: [c.done, c.done, c.booked, c.booked])
        // A training package expiring in ten days, with a no-show.
        try sessions(customer: "Mia Graf", service: training, provider: "Jonas Weber", days: [-75, -71, -68, -64, 2, 5], hour: 18,
                     statuses: [c.done, c.done, c.noShow, c.done, c.booked, c.booked], createdDaysAgo: 80)
        // An expired driving package with lessons left.
        try sessions(customer: "Elias Wyss", service: driving, provider: "Tom Fischer", days: [-190, -185, -180, -170, -160, -150], hour: 8,
                     statuses: Array(repeating: c.done, count: 6), createdDaysAgo: 200)
        // A cancelled implant treatment.
        try immediate(customer: "Lena Roth", service: implant, provider: "Dr. Anna Keller", firstDay: 10, hour: 11,
                      statuses: [c.cancelled, c.cancelled, c.cancelled], cancelGroup: true)
        try sessions(customer: "Hannah Suter", service: driving, provider: "Tom Fischer", days: [2, 4], hour: 18,
                     statuses: [c.booked, c.booked], createdDaysAgo: 1)
        try sessions(customer: "Leon Bühler", service: physio, provider: "Lea Meier", days: [0], hour: 15, statuses: [c.booked], createdDaysAgo: 3)
        try sessions(customer: "Anna Lüthi", service: training, provider: "Jonas Weber", days: [-10, -6, -3, 0, 3], hour: 17,
                     statuses: [c.done, c.done, c.done, c.booked, c.booked], createdDaysAgo: 12)
        try immediate(customer: "山田太郎", service: laser, provider: "Sara Rossi", firstDay: 6, hour: 11,
                      statuses: [c.booked, c.booked, c.booked, c.booked])
        try immediate(customer: "José Álvarez", service: implant, provider: "Dr. Marc Brunner", firstDay: -50, hour: 15,
                      statuses: [c.done, c.done, c.done])

        // Single bookings: today's and tomorrow's check-ups, and some history.
        for (name, day, hour, status) in [("David Moser", 0, 9, c.booked), ("Laura Gerber", 0, 11, c.booked),
                                          ("Felix Roth", 0, 16, c.booked), ("Julia Suter", 1, 10, c.booked),
                                          ("Nico Dubois", -3, 9, c.done), ("Sara Nguyen", -2, 13, c.noShow),
                                          ("Tim Kovač", 7, 8, c.booked), ("Chiara Rossi", -1, 14, c.cancelled)] {
            try sessions(customer: name, service: checkup, provider: "Dr. Anna Keller", days: [day], hour: hour, statuses: [status])
        }
        // More treatments across two months so the list scrolls.
        let strategiesByIndex = [physio, driving, implant, training, laser]
        for index in 0..<30 {
            let name = DemoCatalog.firstNames[(index * 7 + 3) % DemoCatalog.firstNames.count] + " "
                + DemoCatalog.lastNames[(index * 11 + 5) % DemoCatalog.lastNames.count]
            let service = strategiesByIndex[index % strategiesByIndex.count]
            let start = -45 + index * 3
            let hour = 8 + (index % 9)
            switch service {
            case implant, laser:
                let total = services[service]!.totalSessions
                let statuses = (0..<total).map { k in start + k * 20 < 0 ? c.done : c.booked }
                try immediate(customer: name, service: service, provider: service == laser ? "Sara Rossi" : (index % 2 == 0 ? "Dr. Anna Keller" : "Dr. Marc Brunner"),
                              firstDay: start, hour: hour, statuses: statuses)
            case physio:
                // Completed every three days up to yesterday, at most seven of the eight sessions.
                let days = Array(stride(from: start, to: min(start + 30, 1), by: 3).prefix(services[service]!.totalSessions - 1))
                let statuses = days.map { _ in c.done }
                try sessions(customer: name, service: service, provider: index % 2 == 0 ? "Lea Meier" : "Jonas Weber",
                             days: days.isEmpty ? [start] : days, hour: hour,
                             statuses: days.isEmpty ? [c.booked] : statuses)
            default:
                let days = [start, start + 2, start + 5, start + 9]
                try sessions(customer: name, service: service, provider: service == driving ? "Tom Fischer" : "Jonas Weber",
                             days: days, hour: hour, statuses: days.map { $0 < 0 ? c.done : c.booked },
                             createdDaysAgo: max(-start + 2, 1))
            }
        }
    }

    private enum C { static let done = BookingStatus.completed, booked = BookingStatus.confirmed,
                      cancelled = BookingStatus.cancelled, noShow = BookingStatus.noShow }

    private var customerIDs: [String: Int64] = [:]

    private mutating func customer(_ name: String) throws -> Int64 {
        if let id = customerIDs[name] { return id }
        let digits = String(format: "%07d", abs(name.hashValueStable) % 10_000_000)
        let phone = "+41 79 \(digits.prefix(3)) \(digits.dropFirst(3).prefix(2)) \(digits.suffix(2))"
        try db.execute(sql: """
            INSERT INTO customers(name, search_name, phone, phone_normalised, email, sms_consent, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)
            """, arguments: [name, SearchText.fold(name), phone, PhoneNumber.normalised(phone), nil as String?, now.storedSeconds - 86_400 * 400])
        customerIDs[name] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    /// A free start near `hour` on `day` for the provider, within working hours. A session that already
    /// happened (`inPast`) moves to a nearby working day that is still past if needed; a future one moves
    /// forward and never before now. `notBefore` keeps a treatment's minimum gap to the session before it.
    private func freeStart(provider: Provider, day: LocalDay, hour: Int, minutes: Int, alsoBusy: [DateInterval] = [],
                           inPast: Bool = false, notBefore: Date? = nil) throws -> Date {
        let lastDay = max(day, today, notBefore.map { calendar.localDay(of: $0) } ?? day)
        let schedule = try AppDatabase.schedule(db, provider: provider, from: calendar.startOfDay(day.adding(days: -21)),
                                                to: calendar.startOfDay(lastDay.adding(days: 30))).adding(busy: alsoBusy)
        let duration = TimeInterval(minutes * 60)
        let earliest = notBefore ?? .distantPast
        if inPast {
            // The day itself, else a few days on while still past (the gap to the session before
            // may forbid going back), else back.
            let shifts = [0] + (1...3).filter { day.adding(days: $0) <= today } + (1..<21).map { -$0 }
            for shift in shifts {
                let candidateDay = day.adding(days: shift)
                let latest = min(calendar.startOfDay(candidateDay.adding(days: 1)), now).addingTimeInterval(-duration)
                if let start = schedule.earliestFit(notBefore: max(calendar.resolvedDate(candidateDay, minuteOfDay: hour * 60), earliest),
                                                    durationMinutes: minutes, notAfter: latest, calendar: calendar)
                    ?? schedule.earliestFit(notBefore: max(calendar.startOfDay(candidateDay), earliest), durationMinutes: minutes,
                                            notAfter: latest, calendar: calendar) {
                    return start
                }
            }
        }
        // Not "now" to the second: a desk books on the quarter hour.
        let nextQuarter = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 900).rounded(.up) * 900)
        let wanted = max(calendar.resolvedDate(day, minuteOfDay: hour * 60), nextQuarter, earliest)
        return schedule.earliestFit(notBefore: wanted, durationMinutes: minutes, notAfter: nil, calendar: calendar) ?? wanted
    }

    private mutating func immediate(customer name: String, service serviceName: String, provider providerName: String,
                                    firstDay: Int, hour: Int, statuses: [BookingStatus], cancelGroup: Bool = false) throws {
        let service = services[serviceName]!
        let provider = providers[providerName]!
        let first = try freeStart(provider: provider, day: today.adding(days: firstDay), hour: hour,
                                  minutes: service.definition.durationMinutes(forSession: 1),
                                  inPast: [.completed, .noShow].contains(statuses[0]))
        let plan = try AppDatabase.planImmediate(db, service: service, provider: provider, firstStart: first, pinned: [:],
                                                 calendar: calendar, now: first)
        try insertGroup(customer: name, service: service, provider: provider, starts: plan.sessions.map(\.start), statuses: statuses,
                        createdDaysAgo: max(-firstDay + 3, 1), cancelGroup: cancelGroup)
    }

    private mutating func sessions(customer name: String, service serviceName: String, provider providerName: String,
                                   days: [Int], hour: Int, statuses: [BookingStatus], createdDaysAgo: Int? = nil) throws {
        let service = services[serviceName]!
        let provider = providers[providerName]!
        var starts: [Date] = []
        var placed: [DateInterval] = []
        for (index, day) in days.enumerated() {
            let minutes = service.definition.durationMinutes(forSession: index + 1)
            // Sessions placed earlier in this treatment count as busy, so two never share a slot.
            let gap = starts.last.map { calendar.adding(days: service.bufferRules.minimumDays ?? 0, to: $0) }
            let start = try freeStart(provider: provider, day: today.adding(days: day), hour: hour, minutes: minutes, alsoBusy: placed,
                                      inPast: [.completed, .noShow].contains(statuses[index]), notBefore: gap)
            starts.append(start)
            placed.append(DateInterval(start: start, duration: TimeInterval(minutes * 60)))
        }
        try insertGroup(customer: name, service: service, provider: provider, starts: starts, statuses: statuses,
                        createdDaysAgo: createdDaysAgo ?? max(-(days.first ?? 0) + 2, 1), cancelGroup: false)
    }

    private mutating func insertGroup(customer name: String, service: Service, provider: Provider, starts: [Date],
                                      statuses: [BookingStatus], createdDaysAgo: Int, cancelGroup: Bool) throws {
        let customerID = try customer(name)
        let created = calendar.adding(days: -createdDaysAgo, to: now)
        var groupID: String?
        if service.isMultiSession {
            let id = UUID().uuidString.lowercased()
            let expires = service.strategy == .flexible ? service.definition.expiryDays.map { calendar.adding(days: $0, to: created) } : nil
            try AppDatabase.insertGroup(db, id: id, customerID: customerID, service: service, providerID: provider.id,
                                        now: created, expiresAt: expires)
            groupID = id
        }
        for (index, start) in starts.enumerated() {
            let bookingID = try AppDatabase.insertBooking(db, customerID: customerID, service: service, providerID: provider.id,
                                                          start: start, number: index + 1, groupID: groupID, actor: actor, now: created)
            // A session can only have been attended (or missed) once it has started.
            let status = start > now && [.completed, .noShow].contains(statuses[index]) ? .confirmed : statuses[index]
            if status != .confirmed {
                try db.execute(sql: "UPDATE bookings SET status = ? WHERE id = ?", arguments: [status.rawValue, bookingID])
            }
        }
        if let groupID {
            if cancelGroup { try db.execute(sql: "UPDATE session_groups SET cancelled = 1 WHERE session_group_id = ?", arguments: [groupID]) }
            try AppDatabase.refreshGroup(db, id: groupID, now: now)
        }
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
