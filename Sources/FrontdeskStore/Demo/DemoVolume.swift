import Foundation
import FrontdeskCore
import GRDB

/// Generates a large, deterministic clinic-chain database for trying Frontdesk at scale and for the
/// benchmarks: about 40% of bookings in treatments of 3–10 sessions, over two years around today.
///
/// Bookings are laid on a grid of hourly slots per provider, so they never overlap by construction;
/// the whole load is one transaction (all of it or nothing). It goes through the bulk load path the
/// CSV import shares (`BookingBulkWriter`: indexes and triggers set aside and rebuilt once, statements
/// bound directly, counters summed in memory); the customers are loaded the same way.
extension AppDatabase {
    /// Writes `bookings` generated bookings into an empty database; returns how many were written.
    public func seedVolume(bookings target: Int, seed: UInt64 = 20_261_121) throws(StoreError) -> Int {
        guard try isEmpty() else {
            throw .holdsData(path: path)
        }
        let now = self.now
        let calendar = self.calendar
        return try write { db in
            var generator = VolumeGenerator(target: target, seed: seed, calendar: calendar, now: now)
            try generator.writeCatalog(db, servicesJSON: DemoCatalog.servicesJSON, actor: self.actor)
            let writer = try BookingBulkWriter(db, actor: self.actor)
            let written = try generator.writeBookings(writer)
            try writer.restoreIndexes()
            try AppDatabase.fillMissingRuleCopies(db) // each treatment's copy of its rules
            // The rows are on a grid, so nothing overlaps: no overlap check. The counters' triggers
            // were set aside with the others: the writer counts the loaded rows once.
            try writer.finish(zone: calendar.timeZone)
            // The bulk load bypasses the triggers: note the coming week's treatments and bookings so
            // the next `followups` run (the demo command runs it) queues their reminders.
            try db.execute(sql: """
                INSERT OR IGNORE INTO follow_up_changes(subject)
                SELECT COALESCE(session_group_id, 'booking:' || id) FROM bookings
                WHERE start_at >= ? AND start_at < ? AND status = 'confirmed'
                """, arguments: [now.storedSeconds, now.storedSeconds + 8 * 86_400])
            try db.execute(sql: "INSERT OR REPLACE INTO settings(key, value) VALUES ('demo', 'volume')")
            return written
        }
    }
}

struct VolumeGenerator {
    static let days = 730
    static let slotsPerDay = 8
    static let firstHour = 8

    let target: Int
    let calendar: ClinicCalendar
    let now: Date
    let firstDay: LocalDay
    let providerCount: Int
    let customerCount: Int
    var random: SeededRandom
    /// One bit per provider, day and hourly slot: taken or free.
    var taken: [UInt8]
    var services: [Service] = []
    var providerIDs: [Int64] = []
    var customerIDBase: Int64 = 0
    /// The start of every (day, slot) in stored seconds: the calendar is slow and there are only
    /// days × slots of them, against a million bookings.
    let slotStarts: [Int64]
    /// The share of bookings the generator keeps in treatments.
    static let groupedShare = 0.40

    init(target: Int, seed: UInt64, calendar: ClinicCalendar, now: Date) {
        self.target = target
        self.calendar = calendar
        self.now = now
        self.firstDay = calendar.localDay(of: now).adding(days: -Self.days / 2)
        // About 20 providers, more when needed so that no provider-day is more than ~75% full.
        self.providerCount = max(20, (target + Self.days * 6 - 1) / (Self.days * 6))
        self.customerCount = max(50, target / 8)
        self.random = SeededRandom(seed: seed)
        self.taken = Array(repeating: 0, count: (providerCount * Self.days * Self.slotsPerDay + 7) / 8)
        let first = firstDay
        self.slotStarts = (0..<Self.days * Self.slotsPerDay).map { index in
            calendar.resolvedDate(first.adding(days: index / Self.slotsPerDay),
                                  minuteOfDay: (Self.firstHour + index % Self.slotsPerDay) * 60).storedSeconds
        }
    }

    mutating func writeCatalog(_ db: Database, servicesJSON: String, actor: String) throws {
        let providerStatement = try db.makeStatement(sql: "INSERT INTO providers(name, working_hours) VALUES (?, 'Mon-Sun 08:00-18:00')")
        for index in 0..<providerCount {
            let base = index < DemoCatalog.providers.count ? DemoCatalog.providers[index].name : String(format: "Practitioner %03d", index + 1)
            try providerStatement.execute(arguments: [base])
            providerIDs.append(db.lastInsertedRowID)
        }
        // The demo services, delivered by every provider of the chain.
        let parsed = try CommentedJSON.parse(servicesJSON) as? [[String: Any]] ?? []
        for var object in parsed {
            object["providers"] = nil
            let draft = try ServiceDraft(json: object)
            let plan = String(decoding: try JSONEncoder().encode(draft.plan), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO services(name, session_noun, duration_minutes, price_cents, trigger_words, requires_multiple_sessions,
                  total_sessions_required, multi_session_strategy, session_buffer_config, session_plan, expiry_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [draft.name, draft.sessionNoun, draft.durationMinutes, draft.priceCents,
                                 RowDecoding.jsonArray(draft.triggerWords), draft.requiresMultipleSessions, draft.totalSessions,
                                 draft.strategy.rawValue, draft.rules.canonicalJSON, plan, draft.expiryDays])
            services.append(try AppDatabase.service(db, id: db.lastInsertedRowID)!)
        }
        // Customers in bulk too (their indexes and full-text triggers set aside, the search index
        // built once at the end): the database is empty, so rebuilding it covers exactly these rows.
        let bulk = try BulkLoad(db, tables: ["customers"])
        let customerStatement = try db.makeStatement(sql: """
            INSERT INTO customers(name, search_name, phone, phone_normalised, sms_consent, created_at) VALUES (?, ?, ?, ?, 1, ?)
            """)
        let first = DemoCatalog.firstNames, last = DemoCatalog.lastNames
        // Folding is per letter, so a name's key is its parts' keys joined: fold each part once.
        let firstKeys = first.map(SearchText.fold), lastKeys = last.map(SearchText.fold)
        for index in 0..<customerCount {
            let suffix = index >= first.count * last.count ? " \(index / (first.count * last.count) + 1)" : ""
            let name = "\(first[index % first.count]) \(last[(index / first.count) % last.count])" + suffix
            let key = "\(firstKeys[index % first.count]) \(lastKeys[(index / first.count) % last.count])" + suffix
            let phone = "+41 79 " + Self.digits(index / 10_000 % 1000, 3) + " " + Self.digits(index / 100 % 100, 2) + " " + Self.digits(index % 100, 2)
            try customerStatement.execute(arguments: [name, key, phone, PhoneNumber.normalised(phone), now.storedSeconds])
            if index == 0 { customerIDBase = db.lastInsertedRowID }
        }
        try bulk.finish(db)
        try db.execute(sql: "INSERT INTO customers_search(customers_search) VALUES ('rebuild')")
    }

    /// `n` with leading zeros to `width` digits (String(format:) is slow on Linux at this volume).
    static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private func bit(_ provider: Int, _ day: Int, _ slot: Int) -> Int {
        (provider * Self.days + day) * Self.slotsPerDay + slot
    }

    private func isTaken(_ provider: Int, _ day: Int, _ slot: Int) -> Bool {
        let index = bit(provider, day, slot)
        return taken[index >> 3] & (1 << UInt8(index & 7)) != 0
    }

    private mutating func take(_ provider: Int, _ day: Int, _ slot: Int) {
        let index = bit(provider, day, slot)
        taken[index >> 3] |= 1 << UInt8(index & 7)
    }

    /// A free slot on that provider-day, starting the search at `preferred`.
    private func freeSlot(_ provider: Int, _ day: Int, preferred: Int) -> Int? {
        for offset in 0..<Self.slotsPerDay {
            let slot = (preferred + offset) % Self.slotsPerDay
            if !isTaken(provider, day, slot) { return slot }
        }
        return nil
    }

    private func start(day: Int, slot: Int) -> Date {
        Date(storedSeconds: startSeconds(day: day, slot: slot))
    }

    private func startSeconds(day: Int, slot: Int) -> Int64 {
        slotStarts[day * Self.slotsPerDay + slot]
    }

    mutating func writeBookings(_ writer: BookingBulkWriter) throws -> Int {
        let multi = services.filter(\.isMultiSession)
        var labels: [Int64: [String]] = [:]
        for service in multi { labels[service.id] = (1...service.totalSessions).map { service.definition.label(forSession: $0) } }
        let single = services.filter { !$0.isMultiSession }
        let nowSeconds = now.storedSeconds
        var written = 0
        var grouped = 0
        var attempts = 0
        while written < target, attempts < target * 4 {
            attempts += 1
            let provider = Int(random.next() % UInt64(providerCount))
            let customer = customerIDBase + Int64(random.next() % UInt64(customerCount))
            // A treatment whenever treatments are below their share so far: a fixed draw probability
            // drifts below it as the grid fills, because a treatment needs several free slots.
            let wantsGroup = Double(grouped) < Self.groupedShare * Double(written + 1)
            if wantsGroup, !multi.isEmpty, target - written >= 3 {
                let service = multi[Int(random.next() % UInt64(multi.count))]
                let count = min(service.totalSessions, 3 + Int(random.next() % 8), target - written)
                let gap = 2 + Int(random.next() % 12)
                guard count * gap < Self.days else { continue }
                let firstDay = Int(random.next() % UInt64(Self.days - count * gap))
                let preferred = Int(random.next() % UInt64(Self.slotsPerDay))
                var slots: [(day: Int, slot: Int)] = []
                for index in 0..<count {
                    let day = firstDay + index * gap
                    guard let slot = freeSlot(provider, day, preferred: preferred) else { break }
                    slots.append((day, slot))
                }
                guard slots.count == count else { continue }
                let groupID = random.uuid()
                let starts = slots.map { start(day: $0.day, slot: $0.slot) }
                let statuses: [BookingStatus] = starts.map { $0 < now ? (random.next() % 100 < 4 ? .noShow : .completed) : .confirmed }
                let state = GroupState.stored(totalSessions: service.totalSessions,
                                              sessions: statuses.enumerated().map { ($0.offset + 1, $0.element) },
                                              cancelled: false, ended: false)
                let completedAll = state == .completed
                let nextConfirmed = zip(starts, statuses).first { $0.1 == .confirmed }?.0
                let anchor = (nextConfirmed ?? starts.last!).storedSeconds
                let created = starts[0].storedSeconds - 7 * 86_400
                let expires: Int64? = service.strategy == .flexible ? service.definition.expiryDays.map { created + Int64($0) * 86_400 } : nil
                try writer.add(BulkTreatment(id: groupID, customerID: customer, serviceID: service.id, providerID: providerIDs[provider],
                                             strategy: service.strategy, totalSessions: service.totalSessions, createdAt: created,
                                             anchorAt: anchor, expiresAt: expires,
                                             completedAt: completedAll ? starts.last!.storedSeconds : nil, state: state,
                                             earliestConfirmedAt: nextConfirmed?.storedSeconds))
                for (index, slot) in slots.enumerated() {
                    take(provider, slot.day, slot.slot)
                    let number = index + 1
                    let minutes = min(service.definition.durationMinutes(forSession: number), 60)
                    let startSeconds = starts[index].storedSeconds
                    try writer.add(BulkBooking(customerID: customer, serviceID: service.id, providerID: providerIDs[provider],
                                               start: startSeconds, end: startSeconds + Int64(minutes * 60), status: statuses[index],
                                               groupID: groupID, sessionNumber: number, totalSessions: service.totalSessions,
                                               label: labels[service.id]![index], createdAt: created))
                }
                written += count
                grouped += count
            } else if let service = single.first ?? services.first {
                let day = Int(random.next() % UInt64(Self.days))
                guard let slot = freeSlot(provider, day, preferred: Int(random.next() % UInt64(Self.slotsPerDay))) else { continue }
                take(provider, day, slot)
                let startSeconds = startSeconds(day: day, slot: slot)
                let roll = random.next() % 100
                let status: BookingStatus = startSeconds < nowSeconds
                    ? (roll < 5 ? .cancelled : roll < 8 ? .noShow : .completed)
                    : (roll < 5 ? .cancelled : .confirmed)
                let minutes = min(service.definition.defaultDurationMinutes, 60)
                try writer.add(BulkBooking(customerID: customer, serviceID: service.id, providerID: providerIDs[provider],
                                           start: startSeconds, end: startSeconds + Int64(minutes * 60), status: status,
                                           groupID: nil, sessionNumber: 1, totalSessions: 1, label: service.name,
                                           createdAt: startSeconds - 14 * 86_400))
                written += 1
            }
        }
        return written
    }
}
